/**
 * An edition's life: draft -> open -> closed -> archived. A closed edition may be
 * reopened (the Council extended the deadline); an archived one is final, and a
 * draft cannot skip to closed.
 */
export const EDITION_STATES = ['draft', 'open', 'closed', 'archived'] as const;
export type EditionState = (typeof EDITION_STATES)[number];

const TRANSITIONS: Record<EditionState, readonly EditionState[]> = {
	draft: ['open'],
	open: ['closed'],
	closed: ['open', 'archived'],
	archived: []
};

export function nextStates(from: EditionState): readonly EditionState[] {
	return TRANSITIONS[from];
}

export function canTransition(from: EditionState, to: EditionState): boolean {
	return TRANSITIONS[from].includes(to);
}

export interface AnswerWindow {
	state: EditionState;
	opens_at: string | null;
	closes_at: string | null;
}

/**
 * Whether answers are taken at `at` (ISO-8601 UTC): the edition is open and within its
 * window, or one entity holds an extension past the closing (never for a draft or an
 * archived edition, and never before the opening).
 */
export function acceptsAnswers(edition: AnswerWindow, at: string, extendedUntil: string | null = null): boolean {
	if (edition.state === 'draft' || edition.state === 'archived') return false;
	if (edition.opens_at && at < edition.opens_at) return false;
	if (extendedUntil && at < extendedUntil) return true;
	if (edition.state !== 'open') return false;
	return !(edition.closes_at && at >= edition.closes_at);
}
