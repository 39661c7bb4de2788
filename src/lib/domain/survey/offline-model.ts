import { Model, type ISurveyWebProvider } from 'survey-core';

/**
 * A web provider that never answers. survey-core sends a question's `choicesByUrl` request
 * when the model loads (with fetch, in Node) and, when it fails or returns, clears any value
 * not among the loaded choices: that changed a cached model between two requests (the page
 * drew "country"'s default "United Kingdom" selected, the next request found it gone), and
 * made the server call whatever URL a questionnaire names. Through this provider the request
 * never leaves and never ends: survey-core keeps waiting for the choices, as the page is drawn
 * (kinds/choice.ts), and keeps the default, as in a browser before the service answers.
 */
const NEVER_ANSWERS: ISurveyWebProvider = { sendRequest: () => {} };

/** survey-core's model of a questionnaire, loaded without any web request (the server's only way to build one). */
export function offlineModel(definition: object): Model {
	const model = new Model();
	// Set before the JSON is loaded: loading runs the requests.
	model.webProvider = NEVER_ANSWERS;
	model.fromJSON(definition);
	return model;
}
