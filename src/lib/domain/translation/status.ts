import { LOCALES, type Locale } from '../locales.ts';
import type { TranslatableString } from './strings.ts';

export const STORED_STATUSES = ['draft', 'machine', 'reviewed'] as const;
export type StoredStatus = (typeof STORED_STATUSES)[number];
/** "missing" and "needs_review" are derived, never stored. */
export const CELL_STATUSES = ['missing', 'needs_review', 'machine', 'draft', 'reviewed'] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];

export function isStoredStatus(v: unknown): v is StoredStatus {
	return typeof v === 'string' && (STORED_STATUSES as readonly string[]).includes(v);
}
export function isCellStatus(v: unknown): v is CellStatus {
	return typeof v === 'string' && (CELL_STATUSES as readonly string[]).includes(v);
}

const FNV64_OFFSET = 0xcbf29ce484222325n;
const FNV64_PRIME = 0x100000001b3n;
const U64 = (1n << 64n) - 1n;

/**
 * FNV-1a 64 of the UTF-8 bytes, as 16 hex digits: enough to notice that a source text
 * changed (it is not a security boundary), and portable (no node:crypto in the domain).
 */
export function sourceHash(text: string): string {
	let h = FNV64_OFFSET;
	for (const byte of new TextEncoder().encode(text)) {
		h ^= BigInt(byte);
		h = (h * FNV64_PRIME) & U64;
	}
	return h.toString(16).padStart(16, '0');
}

export interface StoredState {
	status: StoredStatus;
	sourceHash: string;
}

/** The status of one cell: no text is missing; a changed source needs review; no stored row is draft. */
export function cellStatus(text: string | null, stored: StoredState | undefined, englishText: string | null): CellStatus {
	if (!text) return 'missing';
	if (stored && stored.sourceHash !== sourceHash(englishText ?? '')) return 'needs_review';
	return stored?.status ?? 'draft';
}

export type StateIndex = ReadonlyMap<string, StoredState>;
export const stateKey = (stringKey: string, locale: Locale) => `${locale}\u0000${stringKey}`;

export interface Cell {
	text: string | null;
	status: CellStatus;
}

/** English is the source: present means reviewed. */
export function cellOf(s: TranslatableString, locale: Locale, states: StateIndex): Cell {
	const text = s.texts[locale];
	if (locale === 'en') return { text, status: text ? 'reviewed' : 'missing' };
	return { text, status: cellStatus(text, states.get(stateKey(s.key, locale)), s.texts.en) };
}

export type Completeness = Record<CellStatus, number> & { total: number; complete: number };

/** A cell is complete when it has a human translation of the current source: draft or reviewed. */
export function isComplete(status: CellStatus): boolean {
	return status === 'draft' || status === 'reviewed';
}

export function completeness(strings: readonly TranslatableString[], states: StateIndex): Record<Locale, Completeness> {
	const out = {} as Record<Locale, Completeness>;
	for (const l of LOCALES) {
		const c: Completeness = { total: strings.length, complete: 0, missing: 0, needs_review: 0, machine: 0, draft: 0, reviewed: 0 };
		for (const s of strings) {
			const st = cellOf(s, l, states).status;
			c[st] += 1;
			if (isComplete(st)) c.complete += 1;
		}
		out[l] = c;
	}
	return out;
}

/** Languages that keep an edition from opening, with what is wrong in each. */
export function incompleteLanguages(
	strings: readonly TranslatableString[],
	states: StateIndex
): { locale: Locale; missing: number; needsReview: number; machine: number }[] {
	const all = completeness(strings, states);
	return LOCALES.filter((l) => all[l].complete < all[l].total).map((l) => ({
		locale: l,
		missing: all[l].missing,
		needsReview: all[l].needs_review,
		machine: all[l].machine
	}));
}
