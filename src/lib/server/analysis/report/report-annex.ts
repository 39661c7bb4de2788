import { localize, type Catalogue, type LocalizedText } from '../../../domain/analysis/catalogue.ts';
import { surveyCoreLocale, type Locale } from '../../../domain/locales.ts';
import { conditionWords } from '../../../domain/report/condition-words.ts';
import { CouncilWords } from './docx/council-words.ts';
import type { ReportModel } from './docx/council-docx.ts';

type Element = Record<string, unknown>;
type AnnexEntry = ReportModel['annex'][number];

const list = (v: unknown): Element[] => (Array.isArray(v) ? (v as Element[]) : []);

/** The questions as a respondent meets them: a panel's and a dynamic panel's questions in place of the panel. */
function questionsOf(elements: Element[]): { element: Element; panel: Element | null }[] {
	return elements.flatMap((e) => {
		if (e.type === 'panel') return questionsOf(list(e.elements));
		if (e.type === 'paneldynamic') return [{ element: e, panel: null }, ...questionsOf(list(e.templateElements)).map((q) => ({ ...q, panel: e }))];
		return [{ element: e, panel: null }];
	});
}

/** The questionnaire question by question, with each display condition and each piped answer in words (never as code). */
export function annexOf(definition: Element, catalogue: Catalogue, locale: Locale): ReportModel['annex'] {
	const sl = surveyCoreLocale(locale);
	const words = new CouncilWords(locale);
	const questions = questionsOf(list(definition.pages).flatMap((p) => list(p.elements)));
	const byName = new Map(questions.map(({ element }) => [String(element.name), element]));
	const text = (c: unknown) =>
		typeof c === 'object' && c !== null ? localize(((c as Element).text as LocalizedText) ?? String((c as Element).value), sl) : String(c);
	const titleOf = (e: Element) => localize((e.title as LocalizedText) ?? String(e.name), sl);
	const title = (q: string) => {
		const e = byName.get(q);
		return e ? titleOf(e) : q;
	};
	const value = (q: string, v: string) => {
		if (/^\d+$/.test(v)) return words.int(Number(v));
		const e = byName.get(q);
		// survey-core's own "none" and "other" items are not among the choices: named by their texts ("none" was printed).
		if (v === 'none' && e?.showNoneItem && e.noneText) return `“${localize(e.noneText as LocalizedText, sl)}”`;
		if (v === 'other' && e?.showOtherItem && e.otherText) return `“${localize(e.otherText as LocalizedText, sl)}”`;
		const choice = list(e?.choices).find((c) => (typeof c === 'object' && c !== null ? String(c.value) : String(c)) === v);
		return choice === undefined ? v : `“${text(choice)}”`;
	};
	const points = (q: string) => catalogue.scales.find((s) => s.question === q)?.scale ?? null;
	// A title that pipes an earlier answer in ("You answered "{overall_satisfaction}"") names that answer in words.
	const piped = (s: string) => s.replace(/\{([\w.-]+)\}/g, (_, name: string) => words.m.cr_piped_answer({ question: title(name) }, { locale }));
	const condition = (e: Element) =>
		typeof e.visibleIf === 'string' && e.visibleIf.trim() ? words.condition(conditionWords(e.visibleIf, points), title, value) : null;
	return questions.flatMap(({ element: e, panel }): AnnexEntry[] => {
		const own = piped(titleOf(e));
		const heading = panel ? `${piped(titleOf(panel))}: ${own}` : own;
		if (e.type === 'paneldynamic') return [{ title: heading, choices: [], condition: condition(e) }];
		if (e.type === 'matrix') return [{ title: heading, rows: list(e.rows).map(text), choices: list(e.columns).map(text), condition: condition(e) }];
		if (e.type === 'matrixdropdown' || e.type === 'matrixdynamic') {
			// Each column is a question asked for every row: listed under the matrix with its own answers.
			const rows = list(e.rows).map(text);
			const columns = list(e.columns).map((c) => ({
				title: `${heading}: ${piped(localize((c.title as LocalizedText) ?? String(c.name), sl))}`,
				choices: list(c.choices ?? e.choices).map(text),
				condition: null
			}));
			return [{ title: heading, rows, choices: [], condition: condition(e) }, ...columns];
		}
		return [{ title: heading, choices: list(e.choices).map(text), condition: condition(e) }];
	});
}
