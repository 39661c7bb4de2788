/** Number formatting shared by the results tables (the reader's locale, two decimals). */
export function formatters(locale: string) {
	const number = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
	const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
	return {
		num: (v: number | null | undefined) => (v === null || v === undefined ? '–' : number.format(v)),
		pct: (v: number | null | undefined) => (v === null || v === undefined ? '–' : percent.format(v)),
		ci: (v: [number, number] | null) => (v === null ? '–' : `${number.format(v[0])} – ${number.format(v[1])}`)
	};
}

/** A figure as the results view hands it to a table (one definition: the server's). */
export type { Figure as FigureLike } from '../../server/analysis/report/results-view.ts';
