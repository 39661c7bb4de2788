import type { Kysely } from 'kysely';
import type { Database } from '../db/schema/database.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { isLocale, type Locale } from '../../domain/locales.ts';
import { extractStrings, setTranslations, type Json } from '../../domain/translation/strings.ts';
import { sourceHash } from '../../domain/translation/status.ts';
import { planImport, type ImportProblem } from '../../domain/translation/file-import.ts';
import { toXliff, xliffLang } from '../../domain/translation/xliff.ts';
import { toXliff12 } from '../../domain/translation/xliff12.ts';
import { toXlsx } from '../translation/xlsx.ts';
import { runImport } from '../import-worker/run-import.ts';
import { appendAudit } from '../access/audit/audit-repository.ts';
import { upsertTranslationStates } from './states-repository.ts';
import { saveDraftJson, stateIndex } from './drafts.ts';
import { requireDraft } from '../authoring/common.ts';

/** A questionnaire's file for one language is tens of kilobytes; this leaves ample room. */
export const TRANSLATION_FILE_MAX_BYTES = 5 * 1024 * 1024;
export const TRANSLATION_FORMATS = ['xliff', 'xliff12', 'xlsx'] as const;
export type TranslationFormat = (typeof TRANSLATION_FORMATS)[number];

function parseFormat(format: string): TranslationFormat {
	if (!(TRANSLATION_FORMATS as readonly string[]).includes(format)) throw new InvalidInputError(`"${format}" is not a format (xliff, xliff12, xlsx)`);
	return format as TranslationFormat;
}

function parseTarget(locale: string): Locale {
	if (!isLocale(locale) || locale === 'en') throw new InvalidInputError(`"${locale}" is not a target language (ar, zh, fr, ru, es)`);
	return locale;
}

export interface ExportedFile {
	filename: string;
	contentType: string;
	body: Uint8Array | string;
}

export async function exportTranslations(db: Kysely<Database>, slug: string, localeText: string, formatText: string): Promise<ExportedFile> {
	const locale = parseTarget(localeText);
	const format = parseFormat(formatText);
	const draft = await requireDraft(db, slug);
	const strings = extractStrings(JSON.parse(draft.definition_json) as Json);
	const states = await stateIndex(db, draft.id);
	const base = `${slug}-r${draft.revision}-${xliffLang(locale)}`;
	if (format === 'xliff') return { filename: `${base}.xlf`, contentType: 'application/xliff+xml; charset=utf-8', body: toXliff(strings, states, locale, slug) };
	if (format === 'xliff12')
		return { filename: `${base}.xliff12.xlf`, contentType: 'application/xliff+xml; charset=utf-8', body: toXliff12(strings, states, locale, slug) };
	return {
		filename: `${base}.xlsx`,
		contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		body: await toXlsx(strings, states, locale, slug)
	};
}

export type ImportReport = { ok: true; applied: number } | { ok: false; problems: ImportProblem[] };

/**
 * Imports a whole file for one language: it is checked first against the draft as it
 * is, then applied in one transaction, or not at all (the report lists every problem).
 */
export async function importTranslations(
	db: Kysely<Database>,
	slug: string,
	localeText: string,
	formatText: string,
	data: Uint8Array,
	actor: string
): Promise<ImportReport> {
	const locale = parseTarget(localeText);
	const format = parseFormat(formatText);
	if (data.byteLength === 0) throw new InvalidInputError('choose a file to import');
	if (data.byteLength > TRANSLATION_FILE_MAX_BYTES) throw new InvalidInputError(`the file is larger than ${TRANSLATION_FILE_MAX_BYTES / 1024 / 1024} MB`);
	const parsed = await runImport('translationFile', { format, bytes: data });
	return db.transaction().execute(async (trx) => {
		const draft = await requireDraft(trx, slug);
		const json = JSON.parse(draft.definition_json) as Json;
		const strings = extractStrings(json);
		const plan = planImport(parsed, locale, strings, await stateIndex(trx, draft.id));
		if (plan.problems.length) return { ok: false, problems: plan.problems };
		if (plan.changes.length === 0) return { ok: true, applied: 0 };
		const english = new Map(strings.map((s) => [s.key, s.texts.en ?? '']));
		await saveDraftJson(
			trx,
			draft,
			draft.revision,
			setTranslations(
				json,
				plan.changes.map((c) => ({ key: c.key, locale, text: c.text }))
			),
			actor
		);
		await upsertTranslationStates(
			trx,
			draft.id,
			plan.changes.map((c) => ({ stringKey: c.key, locale, status: c.status, sourceHash: sourceHash(english.get(c.key) ?? '') })),
			actor
		);
		await appendAudit(trx, {
			actor,
			action: 'translation.import',
			targetType: 'questionnaire_draft',
			targetId: draft.id,
			details: { locale, format, applied: plan.changes.length }
		});
		return { ok: true, applied: plan.changes.length };
	});
}
