import { Serializer } from 'survey-core';

/**
 * Resolution 25 (Rev. Bucharest, 2022), "convinced d)": the criteria the regional
 * presence is judged by. "control" is in the resolution but no respondent can rate
 * it, so questionnaires may use it but ours does not.
 */
export const RESOLUTION_25_CRITERIA = ['coherence', 'relevance', 'control', 'efficiency', 'effectiveness', 'impact', 'sustainability'] as const;
export type Criterion = (typeof RESOLUTION_25_CRITERIA)[number];

let registered = false;

/**
 * Teaches survey-core our own properties so that they survive a round trip through
 * the model (and the linter does not report them as unknown). Idempotent: every
 * entry point that builds a Model calls it first.
 */
export function registerCustomProperties(): void {
	if (registered) return;
	registered = true;
	const criteria = {
		name: 'criteria:multiplevalues',
		category: 'reporting',
		choices: [...RESOLUTION_25_CRITERIA]
	};
	Serializer.addProperty('question', criteria);
	// Matrix rows are item values: a Likert grid can tag each row on its own.
	Serializer.addProperty('itemvalue', criteria);
	Serializer.addProperty('question', { name: 'reportSection', category: 'reporting' });
	Serializer.addProperty('page', { name: 'reportSection', category: 'reporting' });
	// Per-language review state of the translations: { "fr": "draft", ... }.
	Serializer.addProperty('survey', { name: 'translationStatus:object', category: 'translation' });
	// The invitation and reminder e-mails (domain/mail/mail-texts.ts): known to the linter,
	// kept by the model, read by the mail sender only; no element or renderer reads it.
	Serializer.addProperty('survey', { name: 'mailTemplates:object', category: 'mail' });
	// The value of a choice that means "no interaction / don't know": left out of indices.
	Serializer.addProperty('question', { name: 'notApplicableValue', category: 'reporting' });
	// What the registry knows of the entity (domain/response/registry-prefill.ts): the
	// question starts with it, and the microdata say whether it was confirmed or corrected.
	Serializer.addProperty('question', { name: 'registryField', category: 'registry', choices: ['category', 'sectors'] });
}
