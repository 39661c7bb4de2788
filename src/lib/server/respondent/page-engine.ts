import type { Locale } from '../../domain/locales.ts';
import { getResponseModel, loadAnswers, rememberResponseAnswers, type Answers } from '../../domain/survey/model-cache.ts';
import { buildPageView, type PageView } from '../../domain/survey/page-view.ts';
import { applyPagePost, type PageAction, type PagePostOutcome } from '../../domain/response/page-post.ts';
import { buildReview, firstInvalidPage, type ReviewSection } from '../../domain/response/review.ts';
import { compiledPage, drawPage, visiblePages } from '../../domain/survey/plan/draw.ts';
import { applyPlanPost } from '../../domain/survey/plan/post.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { planFor } from './plans.ts';

/**
 * Who draws a page and decides a page post: the compiled plan (src/lib/domain/survey/plan/)
 * whenever it can, survey-core otherwise (the review, the submit, a page the plan leaves to
 * it). survey-core's per-response model is only fetched, and refilled with the answers, on
 * that second path: a questionnaire whose pages all compile turns every page without
 * building or feeding a model (tests/integration/page-turn-cost.test.ts).
 */
export interface Version {
	key: string;
	definition: object;
}

export interface DrawnGet {
	/** The questionnaire's title in the response's language. */
	title: string;
	page: PageView | null;
	review: ReviewSection[] | null;
}

/** The model of one response, holding `answers` (refilled only if it held others). */
const modelOf = (v: Version, locale: Locale, responseId: string, answers: Answers) =>
	getResponseModel(v.key, v.definition, locale, responseId, JSON.stringify(answers));

/**
 * What a GET shows: page `requested` if reached (else the furthest), the review, or the
 * receipt of a submitted response (with its answers only when `receiptAnswers`).
 */
export function drawGet(
	v: Version,
	locale: Locale,
	response: { id: string; furthest: number; submitted: boolean },
	answers: Answers,
	requested: number | 'review' | null,
	receiptAnswers: boolean
): DrawnGet {
	const plan = planFor(v.key, v.definition, locale);
	if (!response.submitted && requested !== 'review' && plan.usable) {
		const last = visiblePages(plan, answers).length - 1;
		const index = Math.max(0, Math.min(requested ?? response.furthest, response.furthest, last));
		if (compiledPage(plan, answers, index)) return { title: plan.surveyTitle, page: drawPage(plan, answers, index), review: null };
	}
	const model = modelOf(v, locale, response.id, answers);
	const title = model.locTitle.renderedHtml;
	if (response.submitted) return { title, page: null, review: receiptAnswers ? buildReview(model) : null };
	if (requested === 'review') {
		const invalid = firstInvalidPage(model);
		if (invalid < 0) return { title, page: null, review: buildReview(model) };
		// Not complete yet: show the first page that needs an answer, with its messages.
		return { title, page: buildPageView(model, invalid), review: null };
	}
	const last = model.visiblePages.length - 1;
	const index = Math.max(0, Math.min(requested ?? response.furthest, response.furthest, last));
	return { title, page: buildPageView(model, index), review: null };
}

export interface PostRequest {
	index: number | 'review';
	entries: [string, string][];
	action: PageAction;
	shown: Set<string>;
}

export interface PostDecision {
	outcome: PagePostOutcome;
	title: string;
	/** The page shown again (invalid, or questions revealed), with its messages. */
	view: PageView | null;
	/** The page the outcome leads to, drawn (shown instead of redirecting after a conflict). */
	redraw(): PageView;
}

/** A page post decided on the stored answers `current`: the plan's outcome when it can, survey-core's otherwise. */
export function decidePost(v: Version, locale: Locale, responseId: string, current: Answers, furthest: number, post: PostRequest): PostDecision {
	const { index, entries, action, shown } = post;
	const plan = planFor(v.key, v.definition, locale);
	if (plan.usable && index !== 'review' && index >= visiblePages(plan, current).length) {
		throw new InvalidInputError(`page ${index} does not exist`, [], 'unknown_page');
	}
	const planned = applyPlanPost(plan, current, index, entries, action, furthest, shown);
	if (planned) {
		const { errors, ...outcome } = planned;
		const revealed = planned.kind === 'revealed' ? planned.revealed : [];
		return {
			outcome,
			title: plan.surveyTitle,
			view: planned.kind === 'invalid' || planned.kind === 'revealed' ? drawPage(plan, planned.answers, planned.page, errors, revealed) : null,
			redraw: () =>
				compiledPage(plan, planned.answers, planned.page)
					? drawPage(plan, planned.answers, planned.page)
					: buildPageView(loadAnswers(modelOf(v, locale, responseId, planned.answers), planned.answers), planned.page)
		};
	}
	const model = modelOf(v, locale, responseId, current);
	if (index !== 'review' && index >= model.visiblePages.length) throw new InvalidInputError(`page ${index} does not exist`, [], 'unknown_page');
	const outcome = applyPagePost(model, current, index, entries, action, furthest, shown);
	// Drawn now, while the model still holds this request's answers and messages.
	const view =
		outcome.kind === 'invalid' || outcome.kind === 'revealed' ? buildPageView(model, outcome.page, outcome.kind === 'revealed' ? outcome.revealed : []) : null;
	// The model now holds the merged answers (synchronously: nothing else ran in between).
	rememberResponseAnswers(v.key, locale, responseId, JSON.stringify(outcome.kind === 'submitted' ? {} : outcome.answers));
	return {
		outcome,
		title: model.locTitle.renderedHtml,
		view,
		redraw: () => buildPageView(loadAnswers(model, outcome.answers), outcome.page)
	};
}
