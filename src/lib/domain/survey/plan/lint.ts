import type { Finding } from '../finding.ts';
import { planFallbacks } from './compile.ts';

/**
 * A warning for each page the compiled plan cannot draw (compile.ts): it still works,
 * through survey-core, but each of its page turns costs several times more CPU
 * (bench/RESULTS.md), which an author of a large survey should know before publishing.
 */
export function planFindings(json: object): Finding[] {
	return planFallbacks(json).map(({ page, index, reason }) => ({
		severity: 'warning' as const,
		rule: 'plan/fallback',
		...(index >= 0 ? { path: `pages[${index}]` } : {}),
		message:
			index >= 0
				? `Page "${page}" is drawn by survey-core at every request (slower under load): the compiled questionnaire does not handle ${reason}.`
				: `Every page is drawn by survey-core at every request (slower under load): ${reason}.`
	}));
}
