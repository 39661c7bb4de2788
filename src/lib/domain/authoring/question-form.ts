import { isObject, type JsonObject } from './json-text.ts';
import { englishText, pagesOf, allElements } from './elements.ts';
import { CHOICE_TYPES, itemLines } from './operations.ts';
import { columnLines, namedItemLines } from './columns.ts';

/** What the property form of one question shows: its current values as form text. */
export interface QuestionFormValues {
	name: string;
	type: string;
	title: string;
	description: string;
	isRequired: boolean;
	visibleIf: string;
	choices: string | null;
	rows: string | null;
	/** matrix: "value|text"; matrixdropdown: "name|title|cellType|choices" (see columns.ts). */
	columns: string | null;
	/** multipletext: "name|title". */
	items: string | null;
	rating: { rateMin: string; rateMax: string; rateStep: string } | null;
	minValue: string;
	maxValue: string;
	minLength: string;
	maxLength: string;
	regex: string;
	expression: string;
	criteria: string[];
	reportSection: string;
}

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));

export function questionFormValues(q: JsonObject): QuestionFormValues {
	const type = String(q.type);
	const validators = (Array.isArray(q.validators) ? q.validators : []).filter(isObject);
	const find = (t: string) => validators.find((v) => v.type === t) ?? {};
	const numeric = find('numeric');
	const length = find('text');
	return {
		name: String(q.name ?? ''),
		type,
		title: englishText(q.title),
		description: englishText(q.description),
		isRequired: q.isRequired === true,
		visibleIf: text(q.visibleIf),
		choices: (CHOICE_TYPES as readonly string[]).includes(type) ? itemLines(q.choices) : null,
		rows: type === 'matrix' || type === 'matrixdropdown' ? itemLines(q.rows) : null,
		columns: type === 'matrix' ? itemLines(q.columns) : type === 'matrixdropdown' ? columnLines(q.columns) : null,
		items: type === 'multipletext' ? namedItemLines(q.items) : null,
		rating: type === 'rating' ? { rateMin: text(q.rateMin ?? 1), rateMax: text(q.rateMax ?? 5), rateStep: text(q.rateStep ?? 1) } : null,
		minValue: text(numeric.minValue),
		maxValue: text(numeric.maxValue),
		minLength: text(length.minLength),
		maxLength: text(length.maxLength),
		regex: text(find('regex').regex),
		expression: text(find('expression').expression),
		criteria: Array.isArray(q.criteria) ? q.criteria.map(String) : [],
		reportSection: text(q.reportSection)
	};
}

export interface OutlinePage {
	index: number;
	name: string;
	title: string;
	description: string;
	/** `children` counts a panel's elements (a panel is removed only when empty). */
	elements: { name: string; type: string; title: string; depth: number; visibleIf: string; children: number }[];
}

/** Pages and their elements (panels' children indented), for the editor's outline. */
export function outline(json: JsonObject): OutlinePage[] {
	const pages: OutlinePage[] = pagesOf(json).map((p, index) => ({
		index,
		name: String(p.name ?? ''),
		title: englishText(p.title),
		description: englishText(p.description),
		elements: []
	}));
	for (const l of allElements(json)) {
		pages[l.pageIndex]?.elements.push({
			name: String(l.element.name ?? ''),
			type: String(l.element.type ?? ''),
			title: englishText(l.element.title),
			depth: l.position.split('/').length - 2,
			visibleIf: text(l.element.visibleIf),
			children: Array.isArray(l.element.elements) ? l.element.elements.length : 0
		});
	}
	return pages;
}

/** What the property form of one panel shows. */
export interface PanelFormValues {
	name: string;
	title: string;
	description: string;
	visibleIf: string;
}

export function panelFormValues(panel: JsonObject): PanelFormValues {
	return { name: String(panel.name ?? ''), title: englishText(panel.title), description: englishText(panel.description), visibleIf: text(panel.visibleIf) };
}
