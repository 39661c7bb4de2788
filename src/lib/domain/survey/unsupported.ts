import { Serializer } from 'survey-core';
import { SUPPORTED_QUESTION_TYPES } from './supported-types.ts';

/**
 * SurveyJS types this platform deliberately does not draw (yet), each with its reason:
 * an import is refused with that reason rather than drawn half-broken to a respondent.
 * docs/authoring.md lists the same constructs.
 */
export const UNSUPPORTED_TYPE_REASONS: Record<string, string> = {};

export interface Refusal {
	rule: string;
	message: string;
}

/** Why an element of `type` cannot be imported, or null when the renderer draws it. */
export function typeRefusal(type: string, name: string): Refusal | null {
	if ((SUPPORTED_QUESTION_TYPES as readonly string[]).includes(type)) return null;
	const reason = UNSUPPORTED_TYPE_REASONS[type];
	if (reason) {
		return { rule: 'renderer/unsupported-type', message: `"${name}" is a "${type}" question, which this platform deliberately does not support: ${reason}.` };
	}
	if (type && !Serializer.findClass(type)) {
		return {
			rule: 'renderer/custom-type',
			message: `"${name}" has type "${type}", a custom question type (registered in code by the questionnaire's own application); its definition is not in the file, so it cannot be drawn. Replace it with built-in SurveyJS questions.`
		};
	}
	return {
		rule: 'renderer/unsupported-type',
		message: `"${name}" has type "${type}", which this platform deliberately does not support (it draws: ${SUPPORTED_QUESTION_TYPES.join(', ')}).`
	};
}
