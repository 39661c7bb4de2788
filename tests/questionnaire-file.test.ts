import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { Model, Serializer, type Question } from 'survey-core';
import { lintSurvey } from 'survey-core/linter';
import { registerCustomProperties, RESOLUTION_25_CRITERIA } from '../src/lib/domain/survey/custom-properties.ts';

/**
 * Checks of the questionnaire file itself (not of the code that serves it): the JSON is
 * valid SurveyJS, lint-clean, fully translated into the six official languages, and its
 * question names are stable identifiers that later editions are compared on.
 */

const FILE = new URL('../surveys/regional-presence-2026.json', import.meta.url);

/** survey-core's locale codes; "zh-cn" is what survey-core/i18n/simplified-chinese registers. */
const TRANSLATIONS = ['ar', 'zh-cn', 'fr', 'ru', 'es'] as const;
const LOCALE_KEYS = ['default', ...TRANSLATIONS];

const ALLOWED_TYPES = new Set(['radiogroup', 'checkbox', 'dropdown', 'rating', 'boolean', 'text', 'comment', 'matrix', 'html']);
const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
// "control" is a Resolution 25 criterion that respondents cannot rate.
const RATEABLE_CRITERIA = RESOLUTION_25_CRITERIA.filter((c) => c !== 'control') as string[];

const SCALE_VALUES = [5, 4, 3, 2, 1, 'na'];
const SCALE_TEXTS = ['Very satisfied', 'Satisfied', 'Neither satisfied nor dissatisfied', 'Dissatisfied', 'Very dissatisfied', "No interaction / don't know"];

const EXPECTED_PAGES: Record<string, string[]> = {
	respondent_profile: ['respondent_category', 'sectors_involved', 'offices_dealt_with', 'interaction_frequency'],
	services_to_members: [
		'sat_responsiveness',
		'sat_technical_assistance',
		'technical_assistance_improvement',
		'sat_resource_mobilization',
		'sat_ldc_sids_lldc',
		'sat_regional_initiatives'
	],
	support_to_sectors: ['sat_information', 'sat_itud_priorities', 'sat_itur_support', 'sat_itut_support', 'sat_one_itu'],
	events_cooperation: ['sat_regional_events', 'events_office', 'sat_rto_cooperation', 'sat_needs_to_hq', 'sat_own_language', 'sat_remote_engagement'],
	overall_assessment: ['overall_satisfaction', 'overall_reason', 'change_since_last', 'priorities', 'suggestions']
};

type Json = any;

function readJson(): Json {
	return JSON.parse(readFileSync(FILE, 'utf8'));
}

/** Every question element of the JSON, in document order (the file has no panels). */
function jsonQuestions(json: Json): Json[] {
	return (json.pages as Json[]).flatMap((p) => (p.elements ?? []) as Json[]);
}

/** Names of every localizable property of the classes the file may use, from the Serializer itself. */
function localizablePropertyNames(): Set<string> {
	const classes = ['survey', 'page', ...ALLOWED_TYPES, 'itemvalue', 'choiceitem', 'checkboxitem', 'matrixcolumn'];
	const names = new Set<string>();
	for (const cls of classes) {
		for (const prop of Serializer.getProperties(cls)) if (prop.isLocalizable) names.add(prop.name);
	}
	return names;
}

/** Every localizable value in the JSON with its path. */
function localizableValues(json: Json, names: Set<string>): Array<{ path: string; value: unknown }> {
	const found: Array<{ path: string; value: unknown }> = [];
	const walk = (node: unknown, path: string): void => {
		if (Array.isArray(node)) {
			node.forEach((item, i) => walk(item, `${path}[${i}]`));
			return;
		}
		if (node === null || typeof node !== 'object') return;
		for (const [key, value] of Object.entries(node)) {
			const here = path ? `${path}.${key}` : key;
			if (names.has(key)) found.push({ path: here, value });
			else walk(value, here);
		}
	};
	walk(json, '');
	return found;
}

/** Item values shown to respondents: choices, none item, matrix rows and columns. */
function visibleItems(q: Question): Array<{ where: string; value: unknown; text: string }> {
	const any = q as any;
	const items: Array<{ where: string; value: unknown; text: string }> = [];
	for (const c of any.choices ?? []) items.push({ where: 'choice', value: c.value, text: c.text });
	if (any.showNoneItem) items.push({ where: 'none', value: 'none', text: any.noneText });
	if (q.getType() === 'matrix') {
		for (const r of any.rows) items.push({ where: 'row', value: r.value, text: r.text });
		for (const c of any.columns) items.push({ where: 'column', value: c.value, text: c.text });
	}
	return items;
}

describe('surveys/regional-presence-2026.json', () => {
	let json: Json;

	beforeAll(() => {
		registerCustomProperties();
		json = readJson();
	});

	it('is lint-clean (no errors, warnings or info findings)', () => {
		const result = lintSurvey(json);
		const summary = result.findings.map((f) => `${f.severity} ${f.ruleId} at ${f.path}: ${f.message}`);
		expect(summary).toEqual([]);
		expect(result.errorCount).toBe(0);
		expect(result.warningCount).toBe(0);
		expect(result.infoCount).toBe(0);
	});

	it('has the survey-level settings of the edition', () => {
		expect(json.locale).toBeUndefined();
		expect(json.version).toBeUndefined();
		expect(json.translationStatus).toEqual({ ar: 'draft', 'zh-cn': 'draft', fr: 'draft', ru: 'draft', es: 'draft' });
		for (const key of ['title', 'description', 'completedHtml']) expect(json[key]).toBeTypeOf('object');
	});

	it('builds a model with the expected pages and questions', () => {
		const model = new Model(json);
		expect(model.pages.map((p) => p.name)).toEqual(Object.keys(EXPECTED_PAGES));
		for (const page of model.pages) {
			expect(
				page.questions.map((q) => q.name),
				page.name
			).toEqual(EXPECTED_PAGES[page.name]);
			expect(page.title, page.name).not.toBe('');
			expect(page.getPropertyValue('reportSection'), page.name).toBeTruthy();
		}
		expect(model.getAllQuestions().length).toBe(Object.values(EXPECTED_PAGES).flat().length);
	});

	it('uses only the allowed question types, each with a title and no valueName', () => {
		for (const q of jsonQuestions(json)) {
			expect(ALLOWED_TYPES.has(q.type), `${q.name}: ${q.type}`).toBe(true);
			expect(q.title, q.name).toBeTruthy();
			expect(q.valueName, q.name).toBeUndefined();
		}
	});

	it('has unique snake_case question names', () => {
		const names = jsonQuestions(json).map((q) => q.name as string);
		expect(new Set(names).size).toBe(names.length);
		for (const name of names) expect(name, name).toMatch(SNAKE_CASE);
	});

	it('tags every satisfaction item with Resolution 25 criteria and the five-point + n/a scale', () => {
		const rated = jsonQuestions(json).filter((q) => q.name.startsWith('sat_') || q.name === 'overall_satisfaction');
		expect(rated.length).toBeGreaterThanOrEqual(16);
		for (const q of rated) {
			expect(Array.isArray(q.criteria), q.name).toBe(true);
			expect(q.criteria.length, q.name).toBeGreaterThanOrEqual(1);
			expect(q.criteria.length, q.name).toBeLessThanOrEqual(3);
			for (const c of q.criteria) expect(RATEABLE_CRITERIA, `${q.name}: ${c}`).toContain(c);
			expect(q.notApplicableValue, q.name).toBe('na');
			const scale = q.type === 'matrix' ? q.columns : q.choices;
			expect(
				scale.map((c: Json) => c.value),
				q.name
			).toEqual(SCALE_VALUES);
			expect(
				scale.map((c: Json) => c.text.default),
				q.name
			).toEqual(SCALE_TEXTS);
			if (q.type === 'matrix') {
				for (const row of q.rows) {
					expect(Array.isArray(row.criteria), `${q.name}.${row.value}`).toBe(true);
					for (const c of row.criteria) expect(RATEABLE_CRITERIA).toContain(c);
				}
			} else {
				expect(q.type, q.name).toBe('radiogroup');
				expect(q.isRequired, q.name).toBe(true);
			}
		}
		const matrix = jsonQuestions(json).find((q) => q.name === 'sat_itud_priorities');
		expect(matrix.type).toBe('matrix');
		expect(matrix.rows.map((r: Json) => r.value)).toEqual([
			'affordable_connectivity',
			'digital_transformation',
			'enabling_environment',
			'resource_mobilization',
			'inclusive_secure_ict'
		]);
	});

	it('keeps the criteria when the model round-trips the JSON', () => {
		const model = new Model(json);
		const q = model.getQuestionByName('sat_technical_assistance');
		expect([...q.getPropertyValue('criteria')]).toEqual(['effectiveness', 'impact', 'sustainability']);
		const out = model.toJSON();
		expect(out.translationStatus).toEqual(json.translationStatus);
		expect(out.pages[0].reportSection).toBe('profile');
	});

	it('gives every localizable string all six languages, none empty', () => {
		const values = localizableValues(json, localizablePropertyNames());
		expect(values.length).toBeGreaterThan(100);
		for (const { path, value } of values) {
			expect(value, path).toBeTypeOf('object');
			expect(Object.keys(value as object).sort(), path).toEqual([...LOCALE_KEYS].sort());
			for (const key of LOCALE_KEYS) {
				const text = (value as Record<string, unknown>)[key];
				expect(typeof text === 'string' && text.trim() !== '', `${path}.${key}`).toBe(true);
			}
		}
	});

	it.each(TRANSLATIONS)('translates every title and item into %s', (locale) => {
		const english = new Model(json);
		const translated = new Model(json);
		translated.locale = locale;
		expect(translated.title).not.toBe(english.title);
		expect(translated.description).not.toBe(english.description);
		expect(translated.completedHtml).not.toBe(english.completedHtml);
		for (const page of translated.pages) {
			expect(page.title, page.name).not.toBe(english.getPageByName(page.name).title);
		}
		for (const q of translated.getAllQuestions()) {
			const en = english.getQuestionByName(q.name);
			expect(q.title, q.name).not.toBe(en.title);
			if (en.description) expect(q.description, q.name).not.toBe(en.description);
			const enItems = visibleItems(en);
			const items = visibleItems(q);
			expect(items.length, q.name).toBe(enItems.length);
			items.forEach((item, i) => {
				expect(item.text, `${q.name} ${item.where} ${String(item.value)}`).not.toBe(enItems[i]!.text);
			});
		}
	});

	it('shows the follow-ups and applies the conditional requirement', () => {
		const model = new Model(json);
		const improve = model.getQuestionByName('technical_assistance_improvement');
		model.setValue('sat_technical_assistance', 4);
		expect(improve.isVisible).toBe(false);
		model.setValue('sat_technical_assistance', 'na');
		expect(improve.isVisible).toBe(false);
		model.setValue('sat_technical_assistance', 2);
		expect(improve.isVisible).toBe(true);

		const frequency = model.getQuestionByName('interaction_frequency');
		const eventsOffice = model.getQuestionByName('events_office');
		model.setValue('offices_dealt_with', ['none']);
		model.setValue('sat_regional_events', 4);
		expect(frequency.isRequired).toBe(false);
		expect(eventsOffice.isVisible).toBe(false);
		model.setValue('offices_dealt_with', ['RO-AFR', 'AO-DKR']);
		expect(frequency.isRequired).toBe(true);
		expect(eventsOffice.isVisible).toBe(true);
		expect(eventsOffice.visibleChoices.map((c: { value: unknown }) => c.value)).toEqual(['RO-AFR', 'AO-DKR']);

		const reason = model.getQuestionByName('overall_reason');
		model.setValue('overall_satisfaction', 5);
		expect(reason.isVisible).toBe(false);
		model.locale = 'fr';
		model.setValue('overall_satisfaction', 1);
		expect(reason.isVisible).toBe(true);
		expect(reason.locTitle.renderedHtml).toContain('Très insatisfait');
	});

	it('caps the priorities at three', () => {
		const q = jsonQuestions(json).find((x) => x.name === 'priorities');
		expect(q.type).toBe('checkbox');
		expect(q.maxSelectedChoices).toBe(3);
	});
});
