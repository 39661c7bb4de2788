import type { Catalogue } from './catalogue.ts';
import { aggregate, type Respondent } from './aggregate.ts';
import { DIMENSIONS, groupsOf, type Dimension } from './dimensions.ts';

/**
 * The rule for a new results release (docs/analysis.md, "Results releases").
 *
 * A reader without raw-data rights can set any two releases side by side, so the
 * difference between two releases must never rest on fewer than `minCount`
 * respondents. A release keeps, per respondent, a "basis" line: which response
 * (id and a fingerprint of its answers and attributes), which groups it falls in,
 * and which figures it counts in. It keeps no answer.
 *
 * A cell is the whole edition, one group of one dimension (region = AFR) or a pair
 * of groups of two dimensions (region = AFR and category = sector_member): every
 * table a non-raw reader sees (overall, breakdowns, cross-tabulations, a regional
 * office's breakdowns of its region) is made of such cells. For each earlier release
 * and each figure of each cell that may be shown in both (at least `minCount` valid
 * answers in both), the responses that entered or left it must be none or at least
 * `minCount`. A response edited between the two releases changes the figure but is
 * not counted towards the `minCount` (its old and new answers differ by an unknown
 * amount), so an edit has to travel with enough other changes.
 */
export interface BasisLine {
	/** Response id. */
	id: string;
	/** Fingerprint of the answers and attributes: a different one means the response changed. */
	fp: string;
	groups: Record<Dimension, string[]>;
	/** Indexes into `Basis.figures` of the figures with a valid answer of this respondent. */
	valid: number[];
	/** Indexes of the figures it counts in otherwise ("don't know", no interaction). */
	other: number[];
}

export interface Basis {
	figures: string[];
	lines: BasisLine[];
}

export interface Violation {
	/** e.g. "all", "region=AFR", "region=AFR & category=sector_member". */
	cell: string;
	/** Responses that entered or left the cell since that release (edits not counted). */
	changed: number;
	/** Figures of the cell that would change on fewer than minCount responses. */
	figures: string[];
	/** The earlier release it is compared with. */
	release: number;
}

const FAMILIES = ['scales', 'choices', 'sections', 'criteria'] as const;

/** Every figure of a catalogue, named "family:key", in a fixed order. */
export function figureKeys(catalogue: Catalogue): string[] {
	const empty = aggregate(catalogue, []);
	return FAMILIES.flatMap((f) => Object.keys(empty[f]).map((k) => `${f}:${k}`));
}

/** One respondent's basis line; `fp` is computed by the caller (hashing is not pure domain). */
export function basisLine(catalogue: Catalogue, r: Respondent, fp: string, figures: readonly string[]): BasisLine {
	const alone = aggregate(catalogue, [r]);
	const valid: number[] = [];
	const other: number[] = [];
	figures.forEach((name, i) => {
		const [family, key] = name.split(/:(.*)/s) as [(typeof FAMILIES)[number], string];
		const summary = alone[family][key] as unknown as Record<string, unknown> | undefined;
		if (!summary) return;
		if (Number(summary.n) > 0) valid.push(i);
		else if (Number(summary.na ?? 0) > 0) other.push(i);
	});
	return { id: r.id, fp, groups: Object.fromEntries(DIMENSIONS.map((d) => [d, groupsOf(r, d)])) as Record<Dimension, string[]>, valid, other };
}

/** The cells a respondent falls in: all, each group, each pair of groups of two dimensions. */
export function cellsOf(line: BasisLine): string[] {
	const cells = ['all'];
	const singles = DIMENSIONS.map((d) => line.groups[d].map((g) => `${d}=${g}`));
	for (const s of singles) cells.push(...s);
	for (let a = 0; a < singles.length; a++)
		for (let b = a + 1; b < singles.length; b++) for (const x of singles[a]!) for (const y of singles[b]!) cells.push(`${x} & ${y}`);
	return cells;
}

/** Valid answers per cell and figure name. */
function validCounts(basis: Basis): Map<string, Map<string, number>> {
	const counts = new Map<string, Map<string, number>>();
	for (const line of basis.lines) {
		for (const cell of cellsOf(line)) {
			const m = counts.get(cell) ?? new Map<string, number>();
			for (const i of line.valid) m.set(basis.figures[i]!, (m.get(basis.figures[i]!) ?? 0) + 1);
			counts.set(cell, m);
		}
	}
	return counts;
}

interface Change {
	changed: Set<string>;
	counted: Map<string, number>;
	responses: Set<string>;
}

/** What the responses in `lines` change, cell by figure. */
function record(changes: Map<string, Change>, basis: Basis, line: BasisLine, counted: boolean): void {
	const figures = [...line.valid, ...line.other].map((i) => basis.figures[i]!);
	for (const cell of cellsOf(line)) {
		const c = changes.get(cell) ?? { changed: new Set<string>(), counted: new Map<string, number>(), responses: new Set<string>() };
		if (counted) c.responses.add(line.id);
		for (const f of figures) {
			c.changed.add(f);
			if (counted) c.counted.set(f, (c.counted.get(f) ?? 0) + 1);
		}
		changes.set(cell, c);
	}
}

/** Violations of the rule by `next` against one earlier release. */
function against(previous: Basis, release: number, next: Basis, nextCounts: Map<string, Map<string, number>>, minCount: number): Violation[] {
	const before = new Map(previous.lines.map((l) => [l.id, l]));
	const after = new Map(next.lines.map((l) => [l.id, l]));
	const changes = new Map<string, Change>();
	for (const l of next.lines) {
		const old = before.get(l.id);
		if (!old) record(changes, next, l, true);
		else if (old.fp !== l.fp) {
			record(changes, next, l, false);
			record(changes, previous, old, false);
		}
	}
	for (const l of previous.lines) if (!after.has(l.id)) record(changes, previous, l, true);
	if (changes.size === 0) return [];
	const previousCounts = validCounts(previous);
	const violations: Violation[] = [];
	for (const [cell, c] of changes) {
		const figures = [...c.changed].filter(
			(f) => (c.counted.get(f) ?? 0) < minCount && (previousCounts.get(cell)?.get(f) ?? 0) >= minCount && (nextCounts.get(cell)?.get(f) ?? 0) >= minCount
		);
		if (figures.length) violations.push({ cell, changed: c.responses.size, figures, release });
	}
	return violations;
}

/**
 * Whether `next` may be released after `previous` (every earlier release of the
 * edition, with its number): the violations, none when it may.
 */
export function releaseViolations(previous: readonly { number: number; basis: Basis }[], next: Basis, minCount: number): Violation[] {
	const nextCounts = validCounts(next);
	return previous.flatMap((p) => against(p.basis, p.number, next, nextCounts, minCount));
}
