import { describe, expect, it } from 'vitest';
import { Model } from 'survey-core';
import { getModel, loadAnswers } from '../model-cache.ts';
import { parsePageAnswers } from '../page-form.ts';
import { buildPageView } from '../page-view.ts';
import { checkQuestionnaire, lintQuestionnaireJson } from '../definition.ts';
import { signatureSummary } from './signaturepad.ts';

/** Image picker, image, slider and signature stored exactly as survey-core stores them (issue 18, item 3). */
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const json = {
	pages: [
		{
			name: 'p',
			elements: [
				{ type: 'image', name: 'logo', imageLink: PNG, altText: 'Our logo' },
				{
					type: 'imagepicker',
					name: 'animal',
					imageWidth: 120,
					imageHeight: 90,
					choices: [
						{ value: 'cat', text: 'A cat', imageLink: PNG },
						{ value: 'dog', imageLink: 'https://example.org/dog.png' }
					]
				},
				{
					type: 'imagepicker',
					name: 'pets',
					multiSelect: true,
					choices: [
						{ value: 'cat', imageLink: PNG },
						{ value: 'dog', imageLink: PNG },
						{ value: 'fish', imageLink: PNG }
					]
				},
				{ type: 'slider', name: 'score', min: 0, max: 10, step: 2 },
				{ type: 'slider', name: 'price range', sliderType: 'range', min: 0, max: 100 },
				{ type: 'signaturepad', name: 'sign' },
				{ type: 'signaturepad', name: 'sign2', dataFormat: 'jpeg' }
			]
		}
	]
};
const clean = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
const parse = (entries: [string, string][]) => clean(parsePageAnswers(loadAnswers(getModel('media', json, 'en'), {}), 0, entries));
const JPEG = 'data:image/jpeg;base64,/9j/4AAQSkZJRg==';
const RANGE = 'x-70-72-69-63-65-20-72-61-6e-67-65';

describe('image picker, slider and signature', () => {
	it('are imported and drawn with safe images and alternative text', () => {
		expect(() => checkQuestionnaire(JSON.stringify(json))).not.toThrow();
		const view = buildPageView(loadAnswers(getModel('media', json, 'en'), { animal: 'dog', score: 4 }), 0);
		const [logo, animal, pets, score, range, sign] = view.elements;
		expect(logo).toMatchObject({ kind: 'image', src: PNG, alt: 'Our logo' });
		expect(animal).toMatchObject({ kind: 'imagepicker', multiSelect: false, width: 120, height: 90, selected: ['dog'] });
		expect(animal?.kind === 'imagepicker' && animal.choices).toEqual([
			{ value: 'cat', text: 'A cat', src: PNG },
			{ value: 'dog', text: 'dog', src: 'https://example.org/dog.png' }
		]);
		expect(pets).toMatchObject({ kind: 'imagepicker', multiSelect: true });
		expect(score).toMatchObject({ kind: 'slider', range: false, min: 0, max: 10, step: 2, values: ['4'], fields: ['score'] });
		expect(range).toMatchObject({ kind: 'slider', range: true, values: ['', ''], fields: [`${RANGE}::from`, `${RANGE}::to`] });
		expect(sign).toMatchObject({ kind: 'signaturepad', format: 'image/png', drawnField: 'sign::drawn', nameField: 'sign::name' });
	});

	it('stores what survey-core stores for the same inputs', () => {
		const answers = parse([
			['animal', 'cat'],
			['pets', 'fish'],
			['pets', 'cat'],
			['score', '6'],
			[`${RANGE}::from`, '70'],
			[`${RANGE}::to`, '20'],
			['sign::drawn', PNG],
			['sign::name', ''],
			['sign2::drawn', JPEG]
		]);
		const reference = new Model(json);
		reference.getQuestionByName('animal').value = 'cat';
		reference.getQuestionByName('pets').value = ['cat', 'fish'];
		reference.getQuestionByName('score').value = 6;
		reference.getQuestionByName('price range').value = [20, 70];
		reference.getQuestionByName('sign').value = PNG;
		reference.getQuestionByName('sign2').value = JPEG;
		expect(answers).toEqual(JSON.parse(JSON.stringify(reference.data)));
	});

	it('brings a slider value outside min..max to the nearer end, as survey-core does', () => {
		const reference = new Model(json);
		reference.getQuestionByName('score').value = 50;
		expect(parse([['score', '50']])).toEqual({ score: reference.data.score });
		expect(parse([[`${RANGE}::to`, '30']])).toEqual({ 'price range': [0, 30] });
	});

	it('stores a typed signature as such, and exports say which', () => {
		expect(parse([['sign::name', ' Ada Lovelace ']])).toEqual({ sign: { typedName: 'Ada Lovelace' } });
		expect(signatureSummary({ typedName: 'Ada Lovelace' })).toBe('signed (typed: Ada Lovelace)');
		expect(signatureSummary(PNG)).toBe('signed (drawn)');
		const view = buildPageView(loadAnswers(getModel('media', json, 'en'), { sign: { typedName: 'Ada' } }), 0);
		expect(view.elements[5]).toMatchObject({ typedName: 'Ada', drawn: '' });
	});

	it('refuses what our form could not send', () => {
		expect(() => parse([['animal', 'horse']])).toThrow(/not a choice/);
		expect(() => parse([['score', 'abc']])).toThrow(/not a number/);
		expect(() => parse([['sign::drawn', 'javascript:alert(1)']])).toThrow(/data URL/);
		expect(() => parse([['sign::drawn', JPEG]])).toThrow(/image\/png/);
	});

	it('refuses unsafe image addresses at import with a clear message', () => {
		const bad = (imageLink: unknown, type = 'imagepicker') =>
			lintQuestionnaireJson({
				pages: [
					{
						name: 'p',
						elements: [type === 'image' ? { type, name: 'i', imageLink } : { type, name: 'i', choices: [{ value: 'a', imageLink }] }]
					}
				]
			}).filter((f) => f.rule === 'renderer/unsafe-image-link');
		expect(bad('javascript:alert(1)')[0]?.message).toMatch(/only https: addresses and data:image\/png, jpeg, gif or webp/);
		expect(bad('data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=')).toHaveLength(1);
		expect(bad('http://example.org/a.png', 'image')).toHaveLength(1);
		expect(bad({ default: 'https://example.org/a.png', fr: 'javascript:x' })).toHaveLength(1);
		expect(bad('https://example.org/a.png')).toHaveLength(0);
		expect(bad(PNG, 'image')).toHaveLength(0);
	});
});
