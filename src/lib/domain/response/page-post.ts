import type { Model } from 'survey-core';
import { applyAnswerChanges } from '../survey/model-cache.ts';
import { parsePageAnswers } from '../survey/page-form.ts';
import { shownQuestionNames, shownQuestions } from '../survey/page-view.ts';
import { keepVisibleAnswers, mergePageAnswers, type Answers } from './answers.ts';
import { firstInvalidPage } from './review.ts';
import { InvalidInputError } from '../errors.ts';
import { nameOfField } from '../survey/field-names.ts';
import { applyDynamicChange, changeAnchor, parseDynamicAction, type DynamicChange } from '../survey/dynamic-change.ts';

/** What a respondent asked for with the button they pressed. */
/** `change`: the page's Add or Remove button of a dynamic panel or matrix (saves, then adds or removes one). */
export type PageAction =
	{ kind: 'next' } | { kind: 'previous' } | { kind: 'save'; change?: DynamicChange } | { kind: 'submit' } | { kind: 'review' } | { kind: 'goto'; page: number };

export function parsePageAction(raw: string | null): PageAction | null {
	switch (raw) {
		case 'next':
		case 'previous':
		case 'save':
		case 'submit':
		case 'review':
			return { kind: raw };
	}
	const change = parseDynamicAction(raw);
	if (change) return { kind: 'save', change };
	const goto = /^goto:(\d{1,3})$/.exec(raw ?? '');
	return goto ? { kind: 'goto', page: Number(goto[1]) } : null;
}

export type PagePostOutcome =
	/** Saved; show page `page`. */
	| { kind: 'saved'; answers: Answers; page: number; furthest: number; anchor?: string }
	/** Saved, but the page has errors: show it again with them. */
	| { kind: 'invalid'; answers: Answers; page: number; furthest: number }
	/** Every visible page is valid: store these answers as the submitted response. */
	| { kind: 'submitted'; answers: Answers; page: number; furthest: number }
	/** Every visible page is valid: show the review before the final submit. */
	| { kind: 'review'; answers: Answers; page: number; furthest: number }
	/**
	 * Saved, but the answers made questions visible on this page that the respondent
	 * was not shown (a follow-up, without JavaScript): show the page again to ask them.
	 */
	| { kind: 'revealed'; answers: Answers; page: number; furthest: number; revealed: string[] };

/**
 * The pure core of a page post. `model` must be loaded with `current`. Answers are always kept, even when the page does
 * not validate (a respondent must never lose what they typed); validation only
 * decides where they go next.
 */
export function applyPagePost(
	model: Model,
	current: Answers,
	index: number | 'review',
	entries: [string, string][],
	action: PageAction,
	furthest: number,
	shown: ReadonlySet<string> = new Set()
): PagePostOutcome {
	// The review page carries no answers: it only confirms what is stored.
	if (index === 'review' && entries.length > 0) {
		throw new InvalidInputError('the review page sends no answers', [], 'unknown_field');
	}
	// What the page showed: what `current` made visible, and what the browser says it revealed itself.
	// The browser names questions by their form fields (field-names.ts).
	const before = new Set([...[...shown].map(nameOfField), ...(index === 'review' ? [] : shownQuestionNames(model, index))]);
	// The model arrives loaded with `current`; only what changed is set on it.
	let merged = index === 'review' ? current : mergePageAnswers(current, parsePageAnswers(model, index, entries));
	applyAnswerChanges(model, current, merged);
	if (index !== 'review') {
		// A question disabled (enableIf) under the new answers keeps what it had: its
		// fields are not posted, and a forged value must not get in either.
		const locked = model.visiblePages[index]?.questions.filter((q) => q.isReadOnly) ?? [];
		if (locked.length > 0) {
			const restored = mergePageAnswers(merged, Object.fromEntries(locked.map((q) => [q.getValueName(), current[q.getValueName()]])));
			applyAnswerChanges(model, merged, restored);
			merged = restored;
		}
	}
	if (action.kind === 'save' && action.change && index !== 'review') {
		const changed = mergePageAnswers(merged, applyDynamicChange(model, index, merged, action.change));
		applyAnswerChanges(model, merged, changed);
		merged = changed;
	}
	const pages = model.visiblePages;
	const last = pages.length - 1;
	const clamp = (page: number) => Math.max(0, Math.min(last, page));
	const here = index === 'review' ? last : index;
	const forward = action.kind === 'next' || action.kind === 'review' || action.kind === 'submit' || (action.kind === 'goto' && action.page > here);
	if (forward && index !== 'review') {
		const now = shownQuestions(model, here);
		const revealed = [...now.keys()].filter((name) => !before.has(name));
		if (revealed.length > 0) {
			// Ask them before moving on; the page's other problems are shown with them, but a
			// question not asked yet is not scolded (its required message would come first).
			pages[here]!.validate(true, false);
			for (const name of revealed) now.get(name)!.errors = [];
			return { kind: 'revealed', answers: merged, page: here, furthest, revealed };
		}
	}

	switch (action.kind) {
		case 'save':
			// After Add or Remove the page opens at the panel or row changed (dynamic-change.ts).
			if (action.change) return { kind: 'saved', answers: merged, page: here, furthest, anchor: changeAnchor(model, here, action.change) };
			return { kind: 'saved', answers: merged, page: here, furthest };
		case 'previous':
			return { kind: 'saved', answers: merged, page: index === 'review' ? last : clamp(index - 1), furthest };
		case 'goto':
			// Only pages already reached can be jumped to; the rest must be walked.
			return { kind: 'saved', answers: merged, page: clamp(Math.min(action.page, furthest)), furthest };
		case 'next': {
			if (!pages[here]!.validate(true, false)) {
				return { kind: 'invalid', answers: merged, page: here, furthest };
			}
			const next = clamp(here + 1);
			return { kind: 'saved', answers: merged, page: next, furthest: Math.max(furthest, next) };
		}
		case 'review':
		case 'submit': {
			const firstInvalid = firstInvalidPage(model);
			if (firstInvalid >= 0) {
				return { kind: 'invalid', answers: merged, page: firstInvalid, furthest: Math.max(furthest, firstInvalid) };
			}
			if (action.kind === 'review') return { kind: 'review', answers: merged, page: last, furthest: last };
			return { kind: 'submitted', answers: keepVisibleAnswers(model, merged), page: last, furthest: last };
		}
	}
}
