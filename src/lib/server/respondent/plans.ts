import { compilePlan, type QuestionnairePlan } from '../../domain/survey/plan/compile.ts';
import type { Locale } from '../../domain/locales.ts';

/**
 * Compiled plans (src/lib/domain/survey/plan/) per published questionnaire version and
 * language. A version never changes once published, so its plan is compiled at first
 * use (or when the version's models are warmed) and kept.
 */
const MAX_PLANS = 64;
const plans = new Map<string, QuestionnairePlan>();

export function planFor(versionKey: string, definition: object, locale: Locale): QuestionnairePlan {
	const key = `${versionKey}\u0000${locale}`;
	let plan = plans.get(key);
	if (!plan) {
		plan = compilePlan(definition, locale);
		if (plans.size >= MAX_PLANS) plans.delete(plans.keys().next().value as string);
		plans.set(key, plan);
	}
	return plan;
}
