import { Model, type ItemValue, type PageModel, type PanelModel, type Question } from 'survey-core';
import { rng } from './random.ts';

/**
 * A deterministic answer plan for a SurveyJS questionnaire, made by survey-core itself
 * (issue 18, item 4). Page by page it answers every visible, writable question with a
 * value of the right type (a choice, a number within min/max, a date, text…), then the
 * questions those answers revealed, until nothing new shows; it records what survey-core
 * shows at each step (visible questions, the messages of an empty submit) and, at the
 * end, the data survey-core would store. The equivalence test drives the browser with
 * the same values and compares.
 */
export interface PlanRound {
	/** Values set in this round, by question name (as survey-core holds them). */
	values: Record<string, unknown>;
	/** The page's visible questions after this round's values are set. */
	visibleAfter: string[];
	/** The text typed into the "Other" field, by question name (its value holds the other item). */
	others: Record<string, string>;
	/** Checkbox questions answered by ticking "Select all". */
	selectAll: string[];
	/** The text typed into a masked input, by question name (its value is what survey-core's mask made of it). */
	typed: Record<string, string>;
}

export interface PlanPage {
	name: string;
	/** Visible questions when the page is first shown. */
	visibleAtStart: string[];
	/** Messages survey-core shows for an empty submit of this page (only where a visible question is required). */
	emptyErrors: Record<string, string[]> | null;
	rounds: PlanRound[];
	/**
	 * Messages survey-core still shows once the page is answered, when no value the plan can
	 * give satisfies its validators (an unknown custom function, choices loaded from a web
	 * service): the page cannot be left, in survey-core as in the browser. The plan ends here.
	 */
	blockedErrors: Record<string, string[]> | null;
}

export interface AnswerPlan {
	pages: PlanPage[];
	/** survey-core's `model.data` after completing with the plan's values (null when a page blocks). */
	data: Record<string, unknown> | null;
	/** Each question's type, for the browser to know which fields to fill. */
	types: Record<string, string>;
	/** The types of each dynamic panel's template questions, by panel name then question name. */
	panelTypes: Record<string, Record<string, string>>;
}

/** What a person can answer (html and expression only display). */
const ANSWERABLE = new Set([
	'radiogroup',
	'dropdown',
	'rating',
	'checkbox',
	'tagbox',
	'boolean',
	'text',
	'comment',
	'matrix',
	'multipletext',
	'ranking',
	'file'
]);

/** A real 24×24 PNG: what the plan uploads to a file question (tests/e2e/surveyjs-file.test.ts uses the same). */
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAABgAAAAYCAIAAABvFaqvAAAAH0lEQVR4nGPQcDtBFcQwatCoQaMGjRo0atCoQQNvEADsl7mfEAFgAwAAAABJRU5ErkJggg==';

/** A file as survey-core holds it once a person picked it (storeDataAsText: the content is a data URL). */
export interface PlanFile {
	name: string;
	type: string;
	content: string;
}

/** The bytes of a plan file's data URL: what the browser uploads and the analyst's download must return. */
export const fileBytes = (file: PlanFile): Buffer => Buffer.from(file.content.slice(file.content.indexOf(',') + 1), 'base64');

/** The files a person picks: one picture, two where the question takes several. */
function planFiles(q: Question): PlanFile[] {
	const file = (name: string) => ({ name, type: 'image/png', content: `data:image/png;base64,${PNG_BASE64}` });
	return (q as Question & { allowMultiple?: boolean }).allowMultiple ? [file('first.png'), file('second.png')] : [file('answer.png')];
}

/** A person's answer: the value as survey-core holds it, with how it was given when that is not plain. */
interface Answer {
	value: unknown;
	/** The "Other" text typed with it. */
	other?: string;
	/** Given by ticking "Select all". */
	selectAll?: boolean;
	/** The text typed into a masked input. */
	typed?: string;
}

type Special = Question & {
	otherItem: ItemValue;
	noneItem: ItemValue;
	showOtherItem?: boolean;
	showNoneItem?: boolean;
	showSelectAllItem?: boolean;
	otherValue?: string;
	selectAll(): void;
};

/**
 * Now and then (seeded) the special items a person may pick: "Other" with its text, "None",
 * "Select all" (a checkbox's). Only questions offering one draw the extra number, so the other
 * questions keep their values.
 */
function specialAnswer(q: Special, random: () => number): Answer | undefined {
	const type = q.getType();
	if (!q.showOtherItem && !q.showNoneItem && !(q.showSelectAllItem && (type === 'checkbox' || type === 'tagbox'))) return undefined;
	const draw = random();
	const text = `Other ${Math.floor(random() * 1000)}`;
	if (q.showNoneItem && draw < 0.2) return { value: type === 'checkbox' || type === 'tagbox' ? [q.noneItem.value] : q.noneItem.value };
	if (q.showSelectAllItem && (type === 'checkbox' || type === 'tagbox') && draw < 0.4) return { value: undefined, selectAll: true };
	if (!q.showOtherItem || draw > 0.7) return undefined;
	if (type === 'checkbox' || type === 'tagbox') {
		const some = ordinaryChoices(q).filter(() => random() < 0.5);
		return { value: [...some.map((c) => c.value), q.otherItem.value], other: text };
	}
	return { value: q.otherItem.value, other: text };
}

/** Gives a question a person's answer in survey-core; returns what survey-core holds. */
function answer(q: Question, random: () => number): Answer | undefined {
	const special = ['radiogroup', 'dropdown', 'checkbox', 'tagbox'].includes(q.getType()) ? specialAnswer(q as Special, random) : undefined;
	if (special?.selectAll) {
		(q as Special).selectAll();
		return { value: q.value, selectAll: true };
	}
	const mask = maskedTyping(q, random);
	if (mask !== undefined) {
		// Typed as a person types into survey-core's masked input: the mask makes the value.
		(q as Question & { inputValue: string }).inputValue = mask;
		return q.isEmpty() ? undefined : { value: q.value, typed: mask };
	}
	const value = special ? special.value : valueFor(q, random);
	if (value === undefined || (Array.isArray(value) && value.length === 0)) return undefined;
	q.value = value;
	if (special?.other !== undefined) (q as Special).otherValue = special.other;
	return { value: q.value, other: special?.other };
}

type Dynamic = Question & { panelCount: number; maxPanelCount: number; allowAddPanel: boolean; panels: PanelModel[]; addPanel(): unknown };

/**
 * A dynamic panel: the panels it starts with, sometimes one more ("Add", seeded), each with its
 * template questions answered as they show when the panel is new (what an answer reveals inside a
 * panel is not asked: the page drawn without JavaScript shows it only after a post).
 */
function answerPanels(q: Dynamic, random: () => number): Answer | undefined {
	const target = Math.max(q.panelCount, 1) + (random() < 0.5 ? 1 : 0);
	while (q.panelCount < target && q.allowAddPanel !== false && (!q.maxPanelCount || q.panelCount < q.maxPanelCount)) q.addPanel();
	for (const panel of q.panels) {
		const shown = (panel.questions as Question[]).filter((inner) => inner.isVisible && !inner.isReadOnly && ANSWERABLE.has(inner.getType()));
		for (const inner of shown) if (inner.isEmpty()) answer(inner, random);
	}
	return q.panelCount ? { value: structuredClone(q.value) } : undefined;
}

/** The names of a page's visible questions, panels flattened (invisible panels hide theirs), sorted: a set. */
export function visibleQuestions(page: PageModel): string[] {
	return (page.questions as Question[])
		.filter((q) => q.isVisible && q.isParentVisible)
		.map((q) => q.name)
		.sort();
}

function seedOf(text: string): number {
	let h = 2166136261;
	for (const c of text) h = Math.imul(h ^ c.codePointAt(0)!, 16777619);
	return h >>> 0;
}

/** Ordinary choices only: "Other", "None" and "Select all" need rules of their own, tested elsewhere. */
function ordinaryChoices(q: Question): ItemValue[] {
	const special = new Set(['other', 'none', 'selectall', q.getPropertyValue('noneItem')?.value, q.getPropertyValue('otherItem')?.value]);
	const items = ((q as unknown as { visibleChoices?: ItemValue[] }).visibleChoices ?? []).filter(
		(c) => !special.has(String(c.value).toLowerCase()) && c.isEnabled !== false
	);
	return items.filter((c) => !(c as unknown as { isOther?: boolean }).isOther && !(c as unknown as { isNone?: boolean }).isNone);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Text a person would type into an input of this type, within the question's min/max. */
function typed(inputType: string, random: () => number, min?: unknown, max?: unknown): string {
	switch (inputType) {
		case 'number':
		case 'range': {
			const lo = min !== undefined && min !== '' && !isNaN(Number(min)) ? Number(min) : 1;
			const hi = max !== undefined && max !== '' && !isNaN(Number(max)) ? Number(max) : lo + 99;
			return String(Math.round(lo + random() * (hi - lo)));
		}
		case 'date':
			return `2026-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
		case 'time':
			return `${pad(8 + Math.floor(random() * 10))}:${pad(Math.floor(random() * 4) * 15)}`;
		case 'datetime-local':
			return `2026-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}T${pad(8 + Math.floor(random() * 10))}:00`;
		case 'month':
			return `2026-${pad(1 + Math.floor(random() * 12))}`;
		case 'week':
			return `2026-W${pad(1 + Math.floor(random() * 52))}`;
		case 'color':
			return `#${Math.floor(random() * 0xffffff)
				.toString(16)
				.padStart(6, '0')}`;
		case 'email':
			return `focal.point${Math.floor(random() * 100)}@example.org`;
		case 'tel':
			return `+41 22 730 ${1000 + Math.floor(random() * 9000)}`;
		case 'url':
			return 'https://example.org/answer';
		default:
			return `Answer ${Math.floor(random() * 1000)}`;
	}
}

/**
 * The text a person types into a masked text input (maskType), filling its mask: digits and
 * letters where a pattern wants them, a number, or a date in the mask's own format.
 */
function maskedTyping(q: Question, random: () => number): string | undefined {
	const p = q as unknown as { maskType?: string; maskSettings?: { pattern?: string; getMaskedValue(v: unknown): string } };
	if (q.getType() !== 'text' || !p.maskType || p.maskType === 'none' || !p.maskSettings) return undefined;
	const digit = () => String(Math.floor(random() * 10));
	const letter = () => String.fromCharCode(97 + Math.floor(random() * 26));
	switch (p.maskType) {
		case 'pattern':
			return [...(p.maskSettings.pattern ?? '')].map((c) => (c === '9' ? digit() : c === 'a' ? letter() : c === '#' ? digit() : c)).join('');
		case 'numeric':
		case 'currency':
			return p.maskSettings.getMaskedValue(Math.round(random() * 100000) / 100);
		case 'datetime':
			return p.maskSettings.getMaskedValue(typed('date', random));
		default:
			return undefined;
	}
}

/** A value of the question's type, as survey-core holds it after a person's input. */
function valueFor(q: Question, random: () => number): unknown {
	const pick = <T>(list: T[]): T | undefined => (list.length ? list[Math.floor(random() * list.length)] : undefined);
	const p = q as unknown as Record<string, unknown>;
	switch (q.getType()) {
		case 'radiogroup':
		case 'dropdown':
			return pick(ordinaryChoices(q))?.value;
		case 'rating':
			return pick((p.visibleRateValues as ItemValue[]) ?? [])?.value;
		case 'checkbox':
		case 'tagbox': {
			const chosen = ordinaryChoices(q).filter(() => random() < 0.5);
			const all = ordinaryChoices(q);
			return (chosen.length ? chosen : all.slice(0, 1)).map((c) => c.value);
		}
		case 'boolean':
			return random() < 0.5 ? (p.valueTrue ?? true) : (p.valueFalse ?? false);
		case 'text':
			return typed(String(p.inputType ?? 'text'), random, p.min, p.max);
		case 'comment':
			return `Comment ${Math.floor(random() * 1000)}`;
		case 'file':
			return planFiles(q);
		case 'matrix': {
			const columns = (p.visibleColumns as ItemValue[]) ?? [];
			// visibleRows are survey-core's row models: the row's value is its item's.
			return Object.fromEntries(((p.visibleRows as { item: ItemValue }[]) ?? []).map((row) => [row.item.value, pick(columns)?.value]));
		}
		case 'multipletext':
			return Object.fromEntries(
				((p.items as { name: string; inputType?: string }[]) ?? []).map((item) => [item.name, typed(item.inputType ?? 'text', random)])
			);
		case 'ranking': {
			const order = ordinaryChoices(q).map((c) => c.value);
			for (let i = order.length - 1; i > 0; i--) {
				const j = Math.floor(random() * (i + 1));
				[order[i], order[j]] = [order[j], order[i]];
			}
			return order;
		}
		default:
			return undefined;
	}
}

/** A question's messages as survey-core shows them. */
function errorsOf(page: PageModel): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const q of page.questions as Question[]) if (q.errors.length) out[q.name] = q.errors.map((e) => e.getText());
	return out;
}

/** Builds the plan; `seed` makes it reproducible (a failure names the questionnaire, which is the seed). */
export function answerPlan(json: object, seed: string, locale = 'en'): AnswerPlan {
	const model = new Model(json);
	model.locale = locale;
	const types: Record<string, string> = {};
	const panelTypes: Record<string, Record<string, string>> = {};
	for (const q of model.getAllQuestions() as Question[]) {
		types[q.name] = q.getType();
		if (q.getType() !== 'paneldynamic') continue;
		const template = (q as unknown as { template: PanelModel }).template;
		panelTypes[q.name] = Object.fromEntries((template.questions as Question[]).map((inner) => [inner.name, inner.getType()]));
	}
	const pages: PlanPage[] = [];
	let checkedEmpty = false;
	for (let guard = 0; guard < 100; guard++) {
		const page = model.currentPage as PageModel;
		// One generator per question: a page whose questions survey-core orders at random still gets the same values.
		const randoms = new Map<string, () => number>();
		const random = (q: Question) => randoms.get(q.name) ?? randoms.set(q.name, rng(seedOf(`${seed}/${q.name}`))).get(q.name)!;
		const visibleAtStart = visibleQuestions(page);
		let emptyErrors: Record<string, string[]> | null = null;
		const required = (page.questions as Question[]).some((q) => q.isVisible && q.isParentVisible && q.isRequired && q.isEmpty());
		// The empty submit is compared once per questionnaire: on the first page with a required question.
		if (!checkedEmpty && required) {
			page.validate(true);
			emptyErrors = errorsOf(page);
			checkedEmpty = true;
		}
		const rounds: PlanRound[] = [];
		const answered = new Set<string>();
		for (let round = 0; round < 20; round++) {
			// A round answers what shows at its start, as a person without JavaScript sees it; what
			// those answers reveal is the next round (the server shows the page again to ask it).
			const values: Record<string, unknown> = {};
			const others: Record<string, string> = {};
			const selectAll: string[] = [];
			const typedText: Record<string, string> = {};
			const shown = new Set(visibleQuestions(page));
			for (const q of page.questions as Question[]) {
				const dynamic = q.getType() === 'paneldynamic';
				if (answered.has(q.name) || !shown.has(q.name) || q.isReadOnly || !(ANSWERABLE.has(q.getType()) || dynamic)) continue;
				answered.add(q.name);
				// A value already there (a default, a trigger's) is left as a person would leave it.
				if (!dynamic && !q.isEmpty()) continue;
				const given = dynamic ? answerPanels(q as Dynamic, random(q)) : answer(q, random(q));
				if (!given) continue;
				values[q.name] = given.value;
				if (given.other !== undefined) others[q.name] = given.other;
				if (given.selectAll) selectAll.push(q.name);
				if (given.typed !== undefined) typedText[q.name] = given.typed;
			}
			if (!Object.keys(values).length) break;
			rounds.push({ values, visibleAfter: visibleQuestions(page), others, selectAll, typed: typedText });
		}
		// A value a validator refuses (an end date before the start date…) is drawn again, a few times.
		for (let attempt = 0; attempt < 20 && !page.validate(true); attempt++) {
			for (const round of rounds)
				for (const name of Object.keys(round.values)) {
					const q = model.getQuestionByName(name) as Question;
					if (q.getType() === 'paneldynamic') {
						// A template question a validator refuses (an end date before the start date) is drawn again.
						for (const panel of (q as Dynamic).panels)
							for (const inner of panel.questions as Question[]) if (inner.errors.length) inner.value = valueFor(inner, random(q));
						round.values[name] = structuredClone(q.value);
						continue;
					}
					if (!q.errors.length) continue;
					const given = answer(q, random(q));
					round.values[name] = given?.value;
					if (given?.other !== undefined) round.others[name] = given.other;
					else delete round.others[name];
					round.selectAll = round.selectAll.filter((n) => n !== name || given?.selectAll);
					if (given?.typed !== undefined) round.typed[name] = given.typed;
					else delete round.typed[name];
				}
			if (rounds.length) rounds.at(-1)!.visibleAfter = visibleQuestions(page);
		}
		const blockedErrors = page.validate(true) ? null : errorsOf(page);
		pages.push({ name: page.name, visibleAtStart, emptyErrors, rounds, blockedErrors });
		if (blockedErrors) return { pages, data: null, types, panelTypes };
		if (model.isLastPage) {
			if (!model.completeLastPage()) throw new Error(`survey-core refuses the plan's last page: ${JSON.stringify(errorsOf(page))}`);
			break;
		}
		if (!model.nextPage()) throw new Error(`survey-core refuses the plan's page ${page.name}: ${JSON.stringify(errorsOf(page))}`);
	}
	return { pages, data: model.data, types, panelTypes };
}
