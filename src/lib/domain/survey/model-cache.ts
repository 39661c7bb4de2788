import { Model } from 'survey-core';
import 'survey-core/i18n';
import { registerCustomProperties } from './custom-properties.ts';
import { surveyCoreLocale, type Locale } from '../locales.ts';

/**
 * Building a survey-core Model costs ~6 ms; reusing one costs ~1 ms. Models are
 * kept per (questionnaire version, locale) and reused. A cached model is only
 * ever used synchronously (set data, read, return plain values), so concurrent
 * requests on Node's single thread never see each other's answers.
 */
const MAX_MODELS = 64;
const models = new Map<string, Model>();

export type Answers = Record<string, unknown>;

export function getModel(versionKey: string, definition: object, locale: Locale): Model {
	const key = `${versionKey}\u0000${locale}`;
	let model = models.get(key);
	if (!model) {
		registerCustomProperties();
		model = new Model(definition);
		model.locale = surveyCoreLocale(locale);
		if (models.size >= MAX_MODELS) models.delete(models.keys().next().value as string);
		models.set(key, model);
	}
	return model;
}

/** Loads answers into a cached model, clearing what a previous use left behind. */
export function loadAnswers(model: Model, answers: Answers): Model {
	model.data = structuredClone(answers);
	for (const question of model.getAllQuestions()) question.errors = [];
	return model;
}
