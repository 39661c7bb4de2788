import { m } from '../paraglide/messages.js';
import type { Locale } from '../domain/locales.ts';
import type { SupportedQuestionType } from '../domain/survey/supported-types.ts';
import { bidiIsolate, currentLocale } from './locale.ts';

type Message = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

/**
 * A question type's name in the author's language, as SurveyJS Creator's toolbox names
 * them ("Radio button group", not `radiogroup`). The code stays in the JSON view, where
 * authors who write SurveyJS JSON by hand look for it.
 */
const TYPES: Readonly<Record<SupportedQuestionType, Message>> = {
	radiogroup: m.ui_qtype_radiogroup,
	checkbox: m.ui_qtype_checkbox,
	dropdown: m.ui_qtype_dropdown,
	rating: m.ui_qtype_rating,
	boolean: m.ui_qtype_boolean,
	text: m.ui_qtype_text,
	comment: m.ui_qtype_comment,
	matrix: m.ui_qtype_matrix,
	matrixdropdown: m.ui_qtype_matrixdropdown,
	multipletext: m.ui_qtype_multipletext,
	ranking: m.ui_qtype_ranking,
	tagbox: m.ui_qtype_tagbox,
	expression: m.ui_qtype_expression,
	panel: m.ui_qtype_panel,
	html: m.ui_qtype_html,
	paneldynamic: m.ui_qtype_paneldynamic,
	matrixdynamic: m.ui_qtype_matrixdynamic,
	imagepicker: m.ui_qtype_imagepicker,
	image: m.ui_qtype_image,
	slider: m.ui_qtype_slider,
	signaturepad: m.ui_qtype_signaturepad,
	file: m.ui_qtype_file
};

/** A type with no name of its own (a definition imported with a newer SurveyJS type) shows its code, isolated. */
export function questionTypeLabel(type: string | null | undefined, locale: Locale = currentLocale()): string {
	const message = type ? TYPES[type as SupportedQuestionType] : undefined;
	return message ? message({}, { locale }) : bidiIsolate(type ?? '');
}
