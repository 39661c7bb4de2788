import { mergePageAnswers, type Answers } from '../../response/answers.ts';
import type { PageAction, PagePostOutcome } from '../../response/page-post.ts';
import { nameOfField } from '../field-names.ts';
import { parseQuestionAnswers } from '../page-form.ts';
import type { PlannedPage, QuestionnairePlan } from './compile.ts';
import { parseCarried } from './carry.ts';
import { compiledPage, shownNames, validatePage, visiblePages } from './draw.ts';

/** The page's posted fields as answers; a carried question's against the choices it was shown (carry.ts). */
function parsePage(page: PlannedPage, current: Answers, entries: [string, string][]): Answers {
	const parsers = new Map(
		page.questions!.flatMap((q) => (q.carried ? [[q.name, (values: string[]) => parseCarried(q.carried!, values, current)] as const] : []))
	);
	return parseQuestionAnswers(page.source, entries, parsers);
}

/** A page post the plan decided, with the messages to draw when the page is shown again. */
export type PlanPostOutcome = PagePostOutcome & { errors: Map<string, string[]> };

/**
 * applyPagePost (response/page-post.ts) on the compiled plan, for a compiled page and
 * an action that stays on the questionnaire's pages (save, previous, goto, next).
 * Null: the plan cannot decide (a page or the review left to survey-core), and the
 * caller takes survey-core's path. Same outcomes and answers (plan.test.ts).
 */
export function applyPlanPost(
	plan: QuestionnairePlan,
	current: Answers,
	index: number | 'review',
	entries: [string, string][],
	action: PageAction,
	furthest: number,
	shown: ReadonlySet<string> = new Set()
): PlanPostOutcome | null {
	if (index === 'review' || action.kind === 'review' || action.kind === 'submit') return null;
	const page = compiledPage(plan, current, index);
	if (!page) return null;
	const before = new Set([...[...shown].map(nameOfField), ...shownNames(page, current)]);
	let merged = mergePageAnswers(current, parsePage(page, current, entries));
	// A question disabled under the new answers keeps what it had (page-post.ts).
	const locked = page.questions!.filter((q) => !q.enabled(merged));
	if (locked.length > 0) merged = mergePageAnswers(merged, Object.fromEntries(locked.map((q) => [q.valueName, current[q.valueName]])));
	const pages = visiblePages(plan, merged);
	// The answers moved the page among the visible ones: left to survey-core.
	if (pages[index] !== visiblePages(plan, current)[index]) return null;
	const last = pages.length - 1;
	const clamp = (p: number) => Math.max(0, Math.min(last, p));
	const here = index;
	const herePage = compiledPage(plan, merged, here);
	const none = new Map<string, string[]>();
	const forward = action.kind === 'next' || (action.kind === 'goto' && action.page > here);
	if (forward) {
		// The page the respondent is on may have changed place or content: survey-core decides that.
		if (!herePage) return null;
		const revealed = shownNames(herePage, merged).filter((name) => !before.has(name));
		if (revealed.length > 0) {
			const errors = validatePage(herePage, merged);
			for (const name of revealed) errors.delete(name);
			return { kind: 'revealed', answers: merged, page: here, furthest, revealed, errors };
		}
	}
	switch (action.kind) {
		case 'save':
			return { kind: 'saved', answers: merged, page: here, furthest, errors: none };
		case 'previous':
			return { kind: 'saved', answers: merged, page: clamp(index - 1), furthest, errors: none };
		case 'goto':
			return { kind: 'saved', answers: merged, page: clamp(Math.min(action.page, furthest)), furthest, errors: none };
		case 'next': {
			const errors = validatePage(herePage!, merged);
			if (errors.size > 0) return { kind: 'invalid', answers: merged, page: here, furthest, errors };
			const next = clamp(here + 1);
			return { kind: 'saved', answers: merged, page: next, furthest: Math.max(furthest, next), errors: none };
		}
	}
}
