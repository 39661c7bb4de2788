import type { Db } from '../db/create-db.ts';
import type { SessionUser } from '../access/session.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { isObject, parseQuestionnaireText } from '../../domain/authoring/json-text.ts';
import { describeFinding, errorsOf, lintDraft } from '../../domain/authoring/lint.ts';
import { getModel, loadAnswers, type Answers } from '../../domain/survey/model-cache.ts';
import { buildPageView, type PageView } from '../../domain/survey/page-view.ts';
import { parsePageAnswers } from '../../domain/survey/page-form.ts';
import { mergePageAnswers, keepVisibleAnswers } from '../../domain/response/answers.ts';
import { isLocale, textDirection, toLocale, type Locale } from '../../domain/locales.ts';
import { assertAuthor, checksumOf, requireDraft } from './common.ts';

/** The preview's answers travel in the form itself (nothing is stored); more than this is no preview. */
const MAX_PREVIEW_ANSWERS_CHARS = 64 * 1024;

export interface PreviewView {
	locale: Locale;
	dir: 'rtl' | 'ltr';
	surveyTitle: string;
	page: PageView | null;
	answersJson: string;
	/** The unsaved JSON text shown (carried from page to page), or null for the saved draft. */
	jsonText: string | null;
}

export interface PreviewRequest {
	lang: string | null;
	page: number;
	/** Answers so far (JSON text from the form), and the fields of the posted page. */
	answersJson?: string;
	posted?: { page: number; entries: [string, string][] };
	/** The JSON view's unsaved text: previewed instead of the draft, never stored. */
	jsonText?: string;
}

/** The model of the unsaved text, if it would be saved (parses, no lint error); keyed by its checksum. */
function unsavedModelKey(text: string): { key: string; definition: object } {
	const json = parseQuestionnaireText(text);
	const errors = errorsOf(lintDraft(json, null));
	if (errors.length > 0)
		throw new InvalidInputError(
			`The JSON has ${errors.length} error(s); it is previewed once it would save.`,
			errors.map(describeFinding),
			'questionnaire_lint'
		);
	return { key: `text:${checksumOf(text)}`, definition: json };
}

function parsePreviewAnswers(text: string | undefined): Answers {
	if (!text) return {};
	if (text.length > MAX_PREVIEW_ANSWERS_CHARS) throw new InvalidInputError('The preview answers are too large.', [], 'too_large');
	try {
		const value: unknown = JSON.parse(text);
		if (isObject(value)) return value;
	} catch {
		// fall through
	}
	throw new InvalidInputError('The preview answers could not be read.', [], 'malformed_form');
}

/**
 * One page of the DRAFT through the respondent renderer's own view builder, in any
 * language; the answers given in the preview are carried in the page, never stored.
 */
export async function previewDraft(db: Db, user: SessionUser, slug: string, request: PreviewRequest): Promise<PreviewView> {
	assertAuthor(user);
	const draft = await requireDraft(db, slug);
	const locale = isLocale(request.lang) ? request.lang : toLocale(null);
	// A draft's model is keyed by its revision: an edit gets a fresh model.
	const source =
		request.jsonText !== undefined
			? unsavedModelKey(request.jsonText)
			: { key: `draft:${draft.id}:${draft.revision}`, definition: JSON.parse(draft.definition_json) as object };
	const model = getModel(source.key, source.definition, locale);
	let answers = parsePreviewAnswers(request.answersJson);
	loadAnswers(model, answers);
	if (request.posted) {
		answers = mergePageAnswers(answers, parsePageAnswers(model, request.posted.page, request.posted.entries));
		loadAnswers(model, answers);
		answers = keepVisibleAnswers(model, answers);
		loadAnswers(model, answers);
	}
	const count = model.visiblePages.length;
	const index = Math.max(0, Math.min(request.page, count - 1));
	return {
		locale,
		dir: textDirection(locale),
		surveyTitle: model.locTitle.renderedHtml || draft.title,
		page: count > 0 ? buildPageView(model, index) : null,
		answersJson: JSON.stringify(answers),
		jsonText: request.jsonText ?? null
	};
}
