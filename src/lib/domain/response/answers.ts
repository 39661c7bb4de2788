import { settings, type Model } from 'survey-core';
import type { PageAnswers } from '../survey/page-form.ts';

export type Answers = Record<string, unknown>;

/** The answers with one page's answers laid over them; undefined removes a key. */
export function mergePageAnswers(current: Answers, page: PageAnswers): Answers {
	const merged: Answers = { ...current };
	for (const [name, value] of Object.entries(page)) {
		if (value === undefined) delete merged[name];
		else merged[name] = value;
	}
	return merged;
}

/**
 * What is kept at submission: only answers to questions the respondent could see
 * in the end (an answer given, then hidden by a later choice, is not theirs any more).
 */
export function keepVisibleAnswers(model: Model, answers: Answers): Answers {
	const visible = new Set(
		// Keyed as survey-core keys values: a question with a valueName stores under it.
		// Keyed as survey-core keys values: a question with a valueName stores under it, and its
		// "Other" text (or comment) under that key with settings.commentSuffix.
		model.visiblePages.flatMap((page) =>
			page.questions.filter((q) => q.isVisible).flatMap((q) => [q.getValueName(), q.getValueName() + settings.commentSuffix])
		)
	);
	const kept = Object.fromEntries(Object.entries(answers).filter(([name]) => visible.has(name)));
	// A dropdown matrix with column totals (totalType, totalExpression): survey-core keeps the
	// totals row in the data as "<name>-total" ({column: total}), computed from the answers the
	// model holds, even when no cell was answered; so are ours.
	for (const page of model.visiblePages)
		for (const q of page.questions)
			if (q.isVisible && (q as typeof q & { hasTotal?: boolean }).hasTotal) {
				// totalValue builds the totals row on first use (a model loaded from stored answers has none yet).
				const total = (q as typeof q & { totalValue: unknown }).totalValue;
				kept[q.getValueName() + settings.matrix.totalsSuffix] = structuredClone(total);
			}
	return kept;
}

/** Parses stored answers; a corrupt document is an empty one rather than a crash. */
export function parseAnswers(json: string): Answers {
	try {
		const value: unknown = JSON.parse(json);
		return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Answers) : {};
	} catch {
		return {};
	}
}
