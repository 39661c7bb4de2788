import type { Catalogue } from './catalogue.ts';
import type { ScaleSummary } from './stats.ts';
import { isSuppressed, type Masked } from './suppression.ts';

/**
 * Wave comparison: a previous edition's aggregated results (one row per item: n,
 * mean, SD, optionally the satisfied share) set against the current edition's.
 * A row names the item by its stable name (`question` or `question.row`), or says
 * which current item it maps to (`maps_to`), for a question renamed between editions.
 */
export interface WaveItem {
	/** The current item's key. */
	key: string;
	/** The name in the previous edition's file. */
	sourceKey: string;
	n: number;
	mean: number;
	sd: number;
	satisfied: number | null;
}

export type WaveRow = Record<string, unknown>;

const REQUIRED_COLUMNS = ['question', 'n', 'mean', 'sd'] as const;

const numberOf = (v: unknown): number =>
	typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v.trim().replace(',', '.')) : Number.NaN;

/**
 * Checks every row against the current questionnaire and returns the items, or
 * every problem found (line numbers count the header as line 1): all or nothing.
 */
export function validateWaveRows(rows: readonly WaveRow[], catalogue: Catalogue): { items: WaveItem[]; problems: string[] } {
	const problems: string[] = [];
	if (rows.length === 0) return { items: [], problems: ['the file has no data rows'] };
	const columns = Object.keys(rows[0]!);
	for (const c of REQUIRED_COLUMNS)
		if (!columns.includes(c)) problems.push(`missing column "${c}" (expected: question, n, mean, sd, and optionally satisfied, scale_min, scale_max, maps_to)`);
	if (problems.length) return { items: [], problems };
	const items: WaveItem[] = [];
	const seen = new Set<string>();
	rows.forEach((row, i) => {
		const line = i + 2;
		const sourceKey = String(row.question ?? '').trim();
		const mapped = String(row.maps_to ?? '').trim();
		const key = mapped || sourceKey;
		const item = catalogue.scales.find((s) => s.key === key);
		if (!item) {
			problems.push(
				`line ${line}: "${key}" is not a rated item of the current questionnaire${mapped ? '' : ' (add a maps_to column to map a renamed question)'}`
			);
			return;
		}
		if (seen.has(key)) problems.push(`line ${line}: "${key}" appears twice`);
		seen.add(key);
		const [top, bottom] = [item.scale[0]!, item.scale[item.scale.length - 1]!];
		const n = numberOf(row.n);
		const mean = numberOf(row.mean);
		const sd = numberOf(row.sd);
		const satisfied = row.satisfied === undefined || row.satisfied === '' || row.satisfied === null ? null : numberOf(row.satisfied);
		if (row.scale_max !== undefined && row.scale_max !== '' && numberOf(row.scale_max) !== top)
			problems.push(`line ${line}: scale_max ${String(row.scale_max)} differs from the current scale (${bottom} to ${top})`);
		if (row.scale_min !== undefined && row.scale_min !== '' && numberOf(row.scale_min) !== bottom)
			problems.push(`line ${line}: scale_min ${String(row.scale_min)} differs from the current scale (${bottom} to ${top})`);
		if (!Number.isInteger(n) || n < 1) problems.push(`line ${line}: n must be a whole number of at least 1 (got "${String(row.n)}")`);
		if (!Number.isFinite(mean) || mean < bottom || mean > top) problems.push(`line ${line}: mean ${String(row.mean)} is outside the scale ${bottom} to ${top}`);
		if (!Number.isFinite(sd) || sd < 0 || sd > top - bottom) problems.push(`line ${line}: sd must be between 0 and ${top - bottom} (got "${String(row.sd)}")`);
		if (satisfied !== null && (!Number.isFinite(satisfied) || satisfied < 0 || satisfied > 1))
			problems.push(`line ${line}: satisfied must be a share from 0 to 1 (got "${String(row.satisfied)}")`);
		items.push({ key, sourceKey, n, mean, sd, satisfied });
	});
	return problems.length ? { items: [], problems } : { items, problems };
}

export interface WaveComparison {
	key: string;
	previous: WaveItem;
	/** null when the current figure is suppressed or has fewer than two answers. */
	current: { n: number; mean: number; sd: number } | null;
	difference: number | null;
	/** 95% CI of the difference of means (normal approximation, unequal variances). */
	ci95: [number, number] | null;
	/** The change is beyond what sampling explains: the difference's CI excludes 0. */
	significant: boolean | null;
}

const Z_975 = 1.96;

export function compareWave(previous: readonly WaveItem[], current: Record<string, Masked<ScaleSummary>>): WaveComparison[] {
	return previous.map((p) => {
		const c = current[p.key];
		if (!c || isSuppressed(c) || c.mean === null || c.sd === null)
			return { key: p.key, previous: p, current: null, difference: null, ci95: null, significant: null };
		const difference = c.mean - p.mean;
		const se = Math.sqrt((c.sd * c.sd) / c.n + (p.sd * p.sd) / p.n);
		const ci95: [number, number] = [difference - Z_975 * se, difference + Z_975 * se];
		return { key: p.key, previous: p, current: { n: c.n, mean: c.mean, sd: c.sd }, difference, ci95, significant: ci95[0] > 0 || ci95[1] < 0 };
	});
}
