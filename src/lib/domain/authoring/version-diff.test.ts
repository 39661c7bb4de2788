import { describe, expect, it } from 'vitest';
import { diffVersions, localizeQuestionnaire } from './version-diff.ts';
import type { JsonObject } from './json-text.ts';

/** Two versions of a small questionnaire, in English and French. */
function version(overrides: { title?: JsonObject | string; choices?: unknown[]; mailSubject?: JsonObject } = {}): JsonObject {
	return {
		title: { default: 'Survey', fr: 'Enquête' },
		pages: [
			{
				name: 'p1',
				elements: [
					{
						type: 'radiogroup',
						name: 'overall',
						title: overrides.title ?? { default: 'How satisfied are you?', fr: 'Êtes-vous satisfait ?' },
						choices: overrides.choices ?? [
							{ value: 1, text: { default: 'Not at all', fr: 'Pas du tout' } },
							{ value: 2, text: { default: 'Very', fr: 'Très' } }
						]
					}
				]
			}
		],
		mailTemplates: { invitation: { subject: overrides.mailSubject ?? { default: 'Your invitation', fr: 'Votre invitation' } } }
	};
}

describe('diffVersions: changes per string and property, in the chosen language', () => {
	it('shows a changed title old → new in French, as plain text, not JSON', () => {
		const b = version({ title: { default: 'How satisfied are you?', fr: 'Dans quelle mesure êtes-vous satisfait ?' } });
		expect(diffVersions(version(), b, 'fr')).toEqual([
			{ name: 'overall', kind: 'changed', changes: [{ property: 'title', before: 'Êtes-vous satisfait ?', after: 'Dans quelle mesure êtes-vous satisfait ?' }] }
		]);
	});

	it('sees no change in English when only the French changed', () => {
		const b = version({ title: { default: 'How satisfied are you?', fr: 'Autre chose' } });
		expect(diffVersions(version(), b, 'en')).toEqual([]);
	});

	it('lists choices one by one: changed, added, removed and reordered', () => {
		const b = version({
			choices: [
				{ value: 3, text: { default: 'Somewhat', fr: 'Assez' } },
				{ value: 2, text: { default: 'Very much', fr: 'Très' } }
			]
		});
		const [entry] = diffVersions(version(), b, 'en');
		expect(entry!.changes).toEqual([
			{ property: 'choices › 1', before: 'Not at all', after: '∅' },
			{ property: 'choices › 2', before: 'Very', after: 'Very much' },
			{ property: 'choices › 3', before: '∅', after: 'Somewhat' }
		]);
		const reordered = version({
			choices: [
				{ value: 2, text: 'Very' },
				{ value: 1, text: 'Not at all' }
			]
		});
		expect(diffVersions(version(), reordered, 'en')[0]!.changes).toContainEqual({ property: 'choices (order)', before: '1, 2', after: '2, 1' });
	});

	it('shows a text the language lacks as ∅ and names the e-mail language', () => {
		const b = version({ title: { default: 'How satisfied are you?' }, mailSubject: { default: 'Your invitation', fr: 'Votre invitation à répondre' } });
		const entries = diffVersions(version(), b, 'fr');
		expect(entries).toContainEqual({ name: 'overall', kind: 'changed', changes: [{ property: 'title', before: 'Êtes-vous satisfait ?', after: '∅' }] });
		expect(entries).toContainEqual({
			name: 'e-mail invitation',
			kind: 'changed',
			changes: [{ property: 'subject [fr]', before: 'Votre invitation', after: 'Votre invitation à répondre' }]
		});
	});

	it('compares versions of two questionnaires: added and removed questions by name', () => {
		const other: JsonObject = { pages: [{ name: 'p1', elements: [{ type: 'comment', name: 'remarks', title: 'Remarks' }] }] };
		const entries = diffVersions(version(), other, 'en');
		expect(entries.filter((e) => e.kind !== 'changed').map((e) => `${e.name}:${e.kind}`)).toEqual([
			'e-mail invitation:removed',
			'overall:removed',
			'remarks:added'
		]);
	});

	it('leaves the input untouched', () => {
		const a = version();
		const before = JSON.stringify(a);
		localizeQuestionnaire(a, 'fr');
		expect(JSON.stringify(a)).toBe(before);
	});
});
