import type { Db } from '../db/create-db.ts';
import type { ResponseRow } from '../db/schema/database.ts';
import { isLocale, LOCALES, textDirection, toLocale, type Locale } from '../../domain/locales.ts';
import { defaultAnswers, getModel, loadAnswers } from '../../domain/survey/model-cache.ts';
import { buildPageView, type PageView } from '../../domain/survey/page-view.ts';
import { mergePageAnswers, parseAnswers } from '../../domain/response/answers.ts';
import { dataIndependentPages } from '../../domain/survey/save-plan.ts';
import { parsePageAnswers } from '../../domain/survey/page-form.ts';
import type { ReviewSection } from '../../domain/response/review.ts';
import { markInvitationOpened, type LinkContext } from '../distribution/invitations/invitations.ts';
import { ensureResponse, findResponse, lockResponse, saveResponse, setResponseLocale } from './responses-repository.ts';
import { findQuestionnaireById } from '../authoring/questionnaires.ts';
import { writeBatcher } from '../db/write-batcher.ts';
import { prefilledOnPage, registryPrefillFor } from '../distribution/registry/prefill.ts';
import { planFor } from './plans.ts';
import { readPagePost } from './page-post-fields.ts';
import { decidePost, drawGet } from './page-engine.ts';
import { emitResponseSubmitted } from '../distribution/webhooks/emit.ts';
import { nowIso } from '../db/ids.ts';
import { persistFiles, stageUploads, withUploadMessages } from './uploads.ts';

/** How stale an invitation's "last opened" time may be before a page view writes it again. */
const LAST_OPENED_RESOLUTION_MS = 60_000;

/** Published questionnaire versions never change, so their parsed JSON is kept. */
const definitions = new Map<string, object>();

async function loadDefinition(db: Db, questionnaireId: string): Promise<object> {
	let definition = definitions.get(questionnaireId);
	if (!definition) {
		const row = await findQuestionnaireById(db, questionnaireId);
		if (!row) throw new Error(`questionnaire ${questionnaireId} is missing`);
		definition = JSON.parse(row.definition_json) as object;
		definitions.set(questionnaireId, definition);
	}
	return definition;
}

/**
 * Builds the models of a questionnaire in all six languages ahead of the first
 * respondent, so that nobody waits for survey-core's start-up cost (~0.4 s cold).
 */
export async function warmRespondentModels(db: Db, questionnaireId: string): Promise<void> {
	const definition = await loadDefinition(db, questionnaireId);
	defaultAnswers(questionnaireId, definition);
	for (const locale of LOCALES) {
		buildPageView(loadAnswers(getModel(questionnaireId, definition, locale), {}), 0);
		planFor(questionnaireId, definition, locale);
	}
}

export interface RespondentPage {
	locale: Locale;
	dir: 'rtl' | 'ltr';
	entityName: string;
	/** The questionnaire's title in the respondent's language. */
	surveyTitle: string;
	closesAt: string | null;
	revision: number;
	furthest: number;
	submitted: boolean;
	submittedAt: string | null;
	page: PageView | null;
	/** Every answer, shown before the final submit (and as the receipt once submitted). */
	review: ReviewSection[] | null;
	notice?: 'conflict' | 'saved';
	/** Titles of this page's questions that started from the registry (confirm or correct). */
	registryPrefilled: string[];
}

function pageFor(
	ctx: LinkContext,
	response: ResponseRow,
	/** The questionnaire's title in the response's language (the model's or the plan's). */
	surveyTitle: string,
	page: PageView | null,
	notice?: RespondentPage['notice'],
	review: ReviewSection[] | null = null
): RespondentPage {
	const locale = toLocale(response.locale);
	return {
		locale,
		dir: textDirection(locale),
		entityName: ctx.entity_name,
		surveyTitle: surveyTitle || ctx.edition_title,
		closesAt: ctx.closes_at,
		revision: response.revision,
		furthest: response.furthest_page,
		submitted: response.state === 'submitted',
		submittedAt: response.submitted_at,
		page,
		review,
		notice,
		registryPrefilled: page ? prefilledOnPage(response.registry_prefill_json, page.questions) : []
	};
}

async function openResponse(db: Db, ctx: LinkContext): Promise<ResponseRow> {
	const response = await ensureResponse(db, {
		editionId: ctx.edition_id,
		entityId: ctx.entity_id,
		invitationId: ctx.invitation_id,
		questionnaireId: ctx.questionnaire_id,
		locale: toLocale(ctx.entity_language),
		// survey-core shows defaults only in a fresh model: the response starts with them.
		answers: defaultAnswers(ctx.questionnaire_id, await loadDefinition(db, ctx.questionnaire_id)),
		prefill: async () => registryPrefillFor(db, ctx.entity_id, await loadDefinition(db, ctx.questionnaire_id))
	});
	// "Last opened" to the minute is all anyone reads; writing it at every page view cost a
	// durable write (an fsync) per GET under the page-turn load (bench/page-turns.ts).
	const lastOpened = ctx.last_opened_at === null ? 0 : Date.parse(ctx.last_opened_at);
	if (ctx.first_opened_at === null || Date.now() - lastOpened >= LAST_OPENED_RESOLUTION_MS) {
		await writeBatcher(db).run((trx) => markInvitationOpened(trx, ctx.invitation_id, ctx.first_opened_at === null));
	}
	return response;
}

/**
 * The page to show on GET: `requested` if already reached, else the furthest page
 * reached (so a returning respondent resumes where they stopped). `lang` switches
 * the response's language for this and later visits.
 */
export async function showRespondentPage(db: Db, ctx: LinkContext, requested: number | 'review' | null, lang: string | null): Promise<RespondentPage> {
	let response = await openResponse(db, ctx);
	if (lang !== null && isLocale(lang) && lang !== response.locale) {
		await setResponseLocale(db, response.id, lang);
		response = { ...response, locale: lang };
	}
	const locale = toLocale(response.locale);
	const version = { key: ctx.questionnaire_id, definition: await loadDefinition(db, ctx.questionnaire_id) };
	const submitted = response.state === 'submitted';
	// A link shown to a Secretariat user (not e-mailed to a focal point) gives the receipt
	// without the answers: a coordinator must never read submitted answers (docs/access.md).
	const drawn = drawGet(
		version,
		locale,
		{ id: response.id, furthest: response.furthest_page, submitted },
		parseAnswers(response.answers_json),
		requested,
		ctx.link_delivery === 'mailed'
	);
	return pageFor(ctx, response, drawn.title, drawn.page, undefined, drawn.review);
}

export type PostOutcome =
	/** `anchor`: the element id the page opens at (after a dynamic panel's Add or Remove). */
	| { kind: 'redirect'; page: number | 'review'; revision: number; conflict: boolean; anchor?: string }
	| { kind: 'show'; view: RespondentPage }
	| { kind: 'submitted' };

/**
 * One page post: parse, merge, validate, save, in one transaction. Answers are
 * saved even when the page has errors. A revision older than the stored one means
 * someone else saved in between: the posted page still wins for its own questions,
 * and the respondent is told.
 */
export async function postRespondentPage(db: Db, ctx: LinkContext, posted: FormData): Promise<PostOutcome> {
	const version = { key: ctx.questionnaire_id, definition: await loadDefinition(db, ctx.questionnaire_id) };
	// Files are read and checked before the transaction; a refused one keeps the respondent on the page, with its message.
	const upload = await stageUploads(posted, version.key, version.definition);
	const form = upload.form;
	if (upload.refused.size > 0 && !String(form.get('_action') ?? '').startsWith('lang:')) form.set('_action', 'save');
	const { action, lang, index, revision, entries, shown } = readPagePost(form);
	// Group commit, as autosaves: page posts arriving together share one transaction and one
	// fsync; each is answered after that commit. A commit alone blocked the event loop for
	// 10-15 ms on a busy disk, the largest single cost of a page turn (bench/page-turns.ts).
	const decide = () =>
		writeBatcher(db).run(async (trx): Promise<PostOutcome | null> => {
			await lockResponse(trx, ctx.edition_id, ctx.entity_id);
			const response = await findResponse(trx, ctx.edition_id, ctx.entity_id);
			// A post before any view (no response yet): opened below, outside the batch, then decided.
			if (!response) return null;
			if (response.state === 'submitted') return { kind: 'submitted' as const };
			const locale = lang ?? toLocale(response.locale);
			const current = parseAnswers(response.answers_json);
			// The compiled plan decides when it can; survey-core otherwise (page-engine.ts).
			const { outcome, title, view, redraw } = decidePost(version, locale, response.id, current, response.furthest_page, { index, entries, action, shown });
			const newRevision = await saveResponse(trx, response.id, {
				answers: await persistFiles(trx, response.id, outcome.answers, upload.staged),
				locale,
				furthestPage: outcome.furthest,
				submit: outcome.kind === 'submitted'
			});
			if (newRevision === null) return { kind: 'submitted' as const };
			if (outcome.kind === 'submitted') {
				await emitResponseSubmitted(trx, ctx.edition_id, nowIso());
				return { kind: 'submitted' as const };
			}
			const conflict = revision !== response.revision;
			if (outcome.kind === 'review') return { kind: 'redirect' as const, page: 'review' as const, revision: newRevision, conflict };
			const saved = { ...response, revision: newRevision, locale, furthest_page: outcome.furthest };
			if (upload.refused.size > 0) {
				const page = withUploadMessages(view ?? redraw(), upload.refused, locale);
				return { kind: 'show' as const, view: pageFor(ctx, saved, title, page, conflict ? 'conflict' : undefined) };
			}
			if (view) return { kind: 'show' as const, view: pageFor(ctx, saved, title, view, conflict ? 'conflict' : undefined) };
			if (conflict) return { kind: 'show' as const, view: pageFor(ctx, saved, title, redraw(), 'conflict') };
			return { kind: 'redirect' as const, page: outcome.page, revision: newRevision, conflict, anchor: outcome.kind === 'saved' ? outcome.anchor : undefined };
		});
	// The response is looked up once, inside the batch: a separate existence check cost a query per post.
	const decided = await decide();
	if (decided) return decided;
	await openResponse(db, ctx);
	return (await decide())!;
}

export type AutosaveOutcome = { kind: 'saved'; revision: number; conflict: boolean } | { kind: 'submitted' };

/** Per questionnaire version (immutable): which pages an autosave may parse without the answers. */
const savePlans = new Map<string, boolean[]>();

/**
 * An autosave (a page's fields, no navigation, no validation). On a page whose fields
 * cannot depend on the answers (src/lib/domain/survey/save-plan.ts) it parses the post
 * against the questionnaire alone and merges it into the stored answers in one short
 * transaction, without running survey-core's conditions: the same answers are stored
 * as on the full path (tested in save-plan.test.ts), at a fraction of the cost. Any
 * other page, a first visit or a language switch takes the full path.
 */
export async function autosaveRespondentPage(db: Db, ctx: LinkContext, form: FormData): Promise<AutosaveOutcome> {
	const post = readPagePost(form);
	const definition = await loadDefinition(db, ctx.questionnaire_id);
	let plan = savePlans.get(ctx.questionnaire_id);
	if (!plan) savePlans.set(ctx.questionnaire_id, (plan = dataIndependentPages(definition)));
	if (post.action.kind === 'save' && post.lang === null && post.index !== 'review' && plan[post.index]) {
		// Parsed (and refused) before any write; the cached model's answers play no part on such a page.
		const page = parsePageAnswers(getModel(ctx.questionnaire_id, definition, 'en'), post.index, post.entries);
		// Shares its commit with the autosaves arriving at the same moment (group commit).
		const fast = await writeBatcher(db).run(async (trx): Promise<AutosaveOutcome | null> => {
			await lockResponse(trx, ctx.edition_id, ctx.entity_id);
			const response = await findResponse(trx, ctx.edition_id, ctx.entity_id);
			if (!response) return null;
			if (response.state === 'submitted') return { kind: 'submitted' };
			const answers = mergePageAnswers(parseAnswers(response.answers_json), page);
			const revision = await saveResponse(trx, response.id, { answers, locale: response.locale, furthestPage: response.furthest_page, submit: false });
			if (revision === null) return { kind: 'submitted' };
			return { kind: 'saved', revision, conflict: post.revision !== response.revision };
		});
		if (fast) return fast;
	}
	form.set('_action', 'save');
	const outcome = await postRespondentPage(db, ctx, form);
	if (outcome.kind === 'submitted') return outcome;
	if (outcome.kind === 'redirect') return { kind: 'saved', revision: outcome.revision, conflict: outcome.conflict };
	return { kind: 'saved', revision: outcome.view.revision, conflict: outcome.view.notice === 'conflict' };
}

/** The link's reads behind the guessing throttle live with the throttle; routes take them from here. */
export { guardedRespondentLink, resolveRespondentLink } from './link-guard.ts';

/** A response row for an invitation, for answers entered on a respondent's behalf (distribution/on-behalf.ts). */
export { ensureResponse } from './responses-repository.ts';
