import type { Db } from '../db/create-db.ts';
import type { SessionUser } from '../auth/session.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { isObject } from '../../domain/authoring/json-text.ts';
import { getModel, loadAnswers, type Answers } from '../../domain/survey/model-cache.ts';
import { buildPageView, type PageView } from '../../domain/survey/page-view.ts';
import { parsePageAnswers } from '../../domain/survey/page-form.ts';
import { mergePageAnswers, keepVisibleAnswers } from '../../domain/response/answers.ts';
import { isLocale, textDirection, toLocale, type Locale } from '../../domain/locales.ts';
import { assertAuthor, requireDraft } from './authoring-common.ts';

/** The preview's answers travel in the form itself (nothing is stored); more than this is no preview. */
const MAX_PREVIEW_ANSWERS_CHARS = 64 * 1024;

export interface PreviewView {
	locale: Locale;
	dir: 'rtl' | 'ltr';
	surveyTitle: string;
	page: PageView | null;
	answersJson: string;
}

export interface PreviewRequest {
	lang: string | null;
	page: number;
	/** Answers so far (JSON text from the form), and the fields of the posted page. */
	answersJson?: string;
	posted?: { page: number; entries: [string, string][] };
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
	const model = getModel(`draft:${draft.id}:${draft.revision}`, JSON.parse(draft.definition_json) as object, locale);
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
		answersJson: JSON.stringify(answers)
	};
}
