/**
 * The question types our server-side renderer draws. Anything else is refused at
 * import, with a message, rather than rendered half-broken to a respondent.
 */
export const SUPPORTED_QUESTION_TYPES = [
	'radiogroup',
	'checkbox',
	'dropdown',
	'rating',
	'boolean',
	'text',
	'comment',
	'matrix',
	'matrixdropdown',
	'multipletext',
	'ranking',
	'tagbox',
	'expression',
	'panel',
	'html',
	'paneldynamic',
	'matrixdynamic',
	'imagepicker',
	'image',
	'slider',
	'signaturepad',
	'file'
] as const;
export type SupportedQuestionType = (typeof SUPPORTED_QUESTION_TYPES)[number];
