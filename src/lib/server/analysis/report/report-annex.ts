import { localize, type Catalogue, type LocalizedText } from '../../../domain/analysis/catalogue.ts';
import { surveyCoreLocale, type Locale } from '../../../domain/locales.ts';
import { conditionWords } from '../../../domain/report/condition-words.ts';
import { CouncilWords } from './docx/council-words.ts';
import type { ReportModel } from './docx/council-docx.ts';

type Element = Record<string, unknown>;

/** The questionnaire question by question, with each display condition in words (never as code). */
export function annexOf(definition: Element, catalogue: Catalogue, locale: Locale): ReportModel['annex'] {
	const sl = surveyCoreLocale(locale);
	const words = new CouncilWords(locale);
	const elements = (Array.isArray(definition.pages) ? (definition.pages as Element[]) : []).flatMap((p) => (p.elements as Element[] | undefined) ?? []);
	const byName = new Map(elements.map((e) => [String(e.name), e]));
	const text = (c: unknown) =>
		typeof c === 'object' && c !== null ? localize(((c as Element).text as LocalizedText) ?? String((c as Element).value), sl) : String(c);
	const title = (q: string) => {
		const e = byName.get(q);
		return e ? localize((e.title as LocalizedText) ?? q, sl) : q;
	};
	const value = (q: string, v: string) => {
		if (/^\d+$/.test(v)) return words.int(Number(v));
		const choice = ((byName.get(q)?.choices as unknown[] | undefined) ?? []).find(
			(c) => (typeof c === 'object' && c !== null ? String((c as Element).value) : String(c)) === v
		);
		return choice === undefined ? v : `“${text(choice)}”`;
	};
	const points = (q: string) => catalogue.scales.find((s) => s.question === q)?.scale ?? null;
	// A title that pipes an earlier answer in ("You answered "{overall_satisfaction}"") shows an ellipsis there.
	const piped = (text: string) => text.replace(/\{[\w.-]+\}/g, '…');
	return elements.map((e) => ({
		title: piped(title(String(e.name))),
		choices: ((e.rows ?? e.choices ?? []) as unknown[]).map(text),
		condition: typeof e.visibleIf === 'string' && e.visibleIf.trim() ? words.condition(conditionWords(e.visibleIf, points), title, value) : null
	}));
}
