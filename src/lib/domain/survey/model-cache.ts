import { settings, type Model } from 'survey-core';
import 'survey-core/i18n';
import { registerCustomProperties } from './custom-properties.ts';
import { holdExclusiveChoices } from './exclusive-choice.ts';
import { offlineModel } from './offline-model.ts';
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

/** A model with our properties and the rules survey-core's UI would otherwise hold alone. */
function newModel(definition: object, locale: Locale): Model {
	registerCustomProperties();
	const model = holdExclusiveChoices(offlineModel(definition));
	model.locale = surveyCoreLocale(locale);
	return model;
}

export function getModel(versionKey: string, definition: object, locale: Locale): Model {
	const key = `${versionKey}\u0000${locale}`;
	let model = models.get(key);
	if (!model) {
		model = newModel(definition, locale);
		if (models.size >= MAX_MODELS) models.delete(models.keys().next().value as string);
		models.set(key, model);
	}
	return model;
}

/**
 * One model per response being answered (LRU): a respondent's successive saves find
 * their model already holding their answers, so survey-core does not reload all data
 * (~8 ms on our questionnaire) at every autosave. Keyed by the stored answers' text:
 * a model whose answers differ from the stored ones is reloaded, never trusted.
 */
const MAX_RESPONSE_MODELS = 256;
const responseModels = new Map<string, { model: Model; json: string }>();

export function getResponseModel(versionKey: string, definition: object, locale: Locale, responseId: string, answersJson: string): Model {
	const key = `${versionKey}\u0000${locale}\u0000${responseId}`;
	let entry = responseModels.get(key);
	if (entry) {
		responseModels.delete(key);
		if (entry.json !== answersJson) {
			loadAnswers(entry.model, JSON.parse(answersJson) as Answers);
			entry.json = answersJson;
		} else {
			clearErrors(entry.model);
		}
	} else {
		const model = newModel(definition, locale);
		loadAnswers(model, JSON.parse(answersJson) as Answers);
		entry = { model, json: answersJson };
		if (responseModels.size >= MAX_RESPONSE_MODELS) responseModels.delete(responseModels.keys().next().value as string);
	}
	responseModels.set(key, entry);
	return entry.model;
}

/** Records that a response's model now holds `answersJson` (after a save). */
export function rememberResponseAnswers(versionKey: string, locale: Locale, responseId: string, answersJson: string): void {
	const entry = responseModels.get(`${versionKey}\u0000${locale}\u0000${responseId}`);
	if (entry) entry.json = answersJson;
}

/** Loads answers into a cached model, clearing what a previous use left behind. */
export function loadAnswers(model: Model, answers: Answers): Model {
	model.data = structuredClone(answers);
	clearErrors(model);
	return model;
}

/**
 * Moves a loaded model from `before` to `after` by setting only the values that
 * changed: survey-core re-runs just the dependent conditions, several times cheaper
 * than replacing all data (measured ~3 ms against ~8 ms on our questionnaire).
 */
export function applyAnswerChanges(model: Model, before: Answers, after: Answers): Model {
	for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
		if (JSON.stringify(before[name]) === JSON.stringify(after[name])) continue;
		// An "Other" text (`<valueName>-Comment`) reaches its question only through setComment.
		const commented = name.endsWith(settings.commentSuffix) ? name.slice(0, -settings.commentSuffix.length) : null;
		if (commented && model.getQuestionByValueName(commented)) model.setComment(commented, after[name] === undefined ? '' : String(after[name]));
		else if (after[name] === undefined) model.clearValue(name);
		else model.setValue(name, structuredClone(after[name]));
	}
	clearErrors(model);
	return model;
}

/** Per questionnaire version (immutable): the answers its questions' defaultValue give a fresh response. */
const defaults = new Map<string, Answers>();

/**
 * The answers a new response starts with: the questions' defaultValue, as survey-core
 * applies them to a fresh model. survey-core re-applies defaults only to a fresh or
 * cleared survey, never when saved data is restored (`model.data = ...`), so they must
 * be part of the response from its creation: shown on the first view, saved with it,
 * and gone for good once the respondent clears one.
 */
export function defaultAnswers(versionKey: string, definition: object): Answers {
	let answers = defaults.get(versionKey);
	if (!answers) {
		registerCustomProperties();
		answers = structuredClone(offlineModel(definition).data) as Answers;
		if (defaults.size >= MAX_MODELS) defaults.delete(defaults.keys().next().value as string);
		defaults.set(versionKey, answers);
	}
	return structuredClone(answers);
}

/** Clears validation messages a previous use left; assigning survey-core's errors notifies, so only where there are some. */
function clearErrors(model: Model): void {
	for (const question of model.getAllQuestions()) if (question.errors.length > 0) question.errors = [];
}
