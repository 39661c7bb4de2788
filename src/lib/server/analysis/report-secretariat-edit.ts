import type { Kysely } from 'kysely';
import type { Database } from '../db/schema/database.ts';
import { newId, nowIso } from '../db/ids.ts';
import { appendAudit } from '../access/audit/audit-repository.ts';
import { runImport } from '../import-worker/run-import.ts';
import { toXlsx } from '../translation/xlsx.ts';
import { TRANSLATION_FILE_MAX_BYTES, type ExportedFile, type ImportReport } from '../translation/files.ts';
import { ConflictError, InvalidInputError } from '../../domain/errors.ts';
import { isLocale, type Locale } from '../../domain/locales.ts';
import { completeness, isStoredStatus, type Completeness } from '../../domain/translation/status.ts';
import { planImport } from '../../domain/translation/file-import.ts';
import { toXliff, xliffLang } from '../../domain/translation/xliff.ts';
import { toXliff12 } from '../../domain/translation/xliff12.ts';
import { nextQuotationKey } from '../../domain/report/secretariat-texts.ts';
import {
	applySecretariatEdits,
	isSecretariatKey,
	secretariatKeys,
	secretariatCells,
	sameStoredTexts,
	secretariatStateIndex,
	secretariatStrings,
	type SecretariatEdit,
	type StoredSecretariatTexts
} from '../../domain/report/secretariat-strings.ts';
import { latestSecretariatTexts, type SecretariatTextsVersion } from './report-secretariat-texts.ts';

/** The editing page: the latest version and the completeness of each of the six languages. */
export async function secretariatTextsOverview(db: Kysely<Database>, editionSlug: string) {
	const latest = await latestSecretariatTexts(db, editionSlug);
	const overview: SecretariatTextsVersion & {
		keys: ReturnType<typeof secretariatKeys>;
		completeness: Record<Locale, Completeness>;
		cells: ReturnType<typeof secretariatCells>;
	} = {
		...latest,
		keys: secretariatKeys(latest.stored),
		completeness: completeness(secretariatStrings(latest.stored), secretariatStateIndex(latest.stored)),
		cells: secretariatCells(latest.stored)
	};
	return overview;
}

export interface SecretariatSave {
	locale: string;
	/** The version the page was opened on: a save over a newer one is refused (someone else saved). */
	version: number;
	texts: Record<string, string>;
	statuses: Record<string, string>;
	/** Only on the English page: the cover's date (yyyy-mm-dd) and original language. */
	documentDate?: string;
	originalLanguage?: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseLocale(locale: string): Locale {
	if (!isLocale(locale)) throw new InvalidInputError(`"${locale}" is not one of the six languages`);
	return locale;
}

/** Writes the next version when something changed; returns the version now current. */
export async function saveSecretariatTexts(db: Kysely<Database>, actor: string, editionSlug: string, input: SecretariatSave): Promise<number> {
	const locale = parseLocale(input.locale);
	// The eight fields and the quotations (editing a quotation's English to nothing removes it).
	const edits: SecretariatEdit[] = Object.keys(input.texts)
		.filter(isSecretariatKey)
		.map((field) => {
			const status = input.statuses[field] ?? 'draft';
			if (!isStoredStatus(status)) throw new InvalidInputError(`status "${status}" is not one of draft, machine, reviewed`);
			return { field, text: input.texts[field]!, status };
		});
	const documentDate = input.documentDate?.trim();
	if (documentDate && !(ISO_DATE.test(documentDate) && !Number.isNaN(Date.parse(documentDate))))
		throw new InvalidInputError(`"${documentDate}" is not a date (yyyy-mm-dd)`);
	const original = input.originalLanguage?.trim();
	if (original && !isLocale(original)) throw new InvalidInputError(`"${original}" is not one of the six languages`);
	return db.transaction().execute(async (trx) => {
		const latest = await latestSecretariatTexts(trx, editionSlug);
		if (latest.version !== input.version)
			throw new ConflictError(
				`the texts were saved by someone else meanwhile (version ${latest.version}): reload the page and make your change again`,
				'stale_version'
			);
		const stored = applySecretariatEdits(latest.stored, locale, edits);
		const cover = {
			documentDate: input.documentDate === undefined ? latest.documentDate : documentDate || null,
			originalLanguage: input.originalLanguage === undefined ? latest.originalLanguage : original || null
		};
		if (sameStoredTexts(stored, latest.stored) && cover.documentDate === latest.documentDate && cover.originalLanguage === latest.originalLanguage)
			return latest.version;
		return insertVersion(trx, latest, stored, cover, actor, { action: 'report_texts.save', locale });
	});
}

/** The longest quotation: a sentence or two, not a whole answer. */
export const QUOTATION_MAX_CHARS = 1000;

/**
 * Adds a quotation for section 9: an open answer as the analyst edited it (names removed), stored as
 * English text in the next version of the texts, with nothing that links it to the response.
 */
export async function addQuotation(db: Kysely<Database>, actor: string, editionSlug: string, input: { version: number; text: string }): Promise<number> {
	const text = input.text.replace(/\r\n?/g, '\n').trim();
	if (!text) throw new InvalidInputError('the quotation is empty');
	if (text.length > QUOTATION_MAX_CHARS) throw new InvalidInputError(`a quotation is at most ${QUOTATION_MAX_CHARS} characters (this one has ${text.length})`);
	return db.transaction().execute(async (trx) => {
		const latest = await latestSecretariatTexts(trx, editionSlug);
		if (latest.version !== input.version)
			throw new ConflictError(
				`the texts were saved by someone else meanwhile (version ${latest.version}): reload the page and make your change again`,
				'stale_version'
			);
		const key = nextQuotationKey(Object.keys(latest.stored.texts));
		const stored = applySecretariatEdits(latest.stored, 'en', [{ field: key, text, status: 'draft' }]);
		const cover = { documentDate: latest.documentDate, originalLanguage: latest.originalLanguage };
		return insertVersion(trx, latest, stored, cover, actor, { action: 'report_texts.quote', key });
	});
}

async function insertVersion(
	trx: Kysely<Database>,
	latest: SecretariatTextsVersion,
	stored: StoredSecretariatTexts,
	cover: { documentDate: string | null; originalLanguage: string | null },
	actor: string,
	audit: { action: string } & Record<string, unknown>
): Promise<number> {
	const version = latest.version + 1;
	await trx
		.insertInto('report_secretariat_text')
		.values({
			id: newId(),
			edition_id: latest.edition.id,
			version,
			texts_json: JSON.stringify(stored.texts),
			states_json: JSON.stringify(stored.states),
			document_date: cover.documentDate,
			original_language: cover.originalLanguage,
			created_by: actor,
			created_at: nowIso()
		})
		.execute();
	const { action, ...details } = audit;
	await appendAudit(trx, { actor, action, targetType: 'edition', targetId: latest.edition.id, details: { ...details, version } });
	return version;
}

const FORMATS = ['xliff', 'xliff12', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

function parseTarget(locale: string): Locale {
	if (!isLocale(locale) || locale === 'en') throw new InvalidInputError(`"${locale}" is not a target language (ar, zh, fr, ru, es)`);
	return locale;
}

function parseFormat(format: string): Format {
	if (!(FORMATS as readonly string[]).includes(format)) throw new InvalidInputError(`"${format}" is not a format (xliff, xliff12, xlsx)`);
	return format as Format;
}

/** The texts of one target language for translators, in the questionnaire's file formats. */
export async function exportSecretariatTexts(db: Kysely<Database>, editionSlug: string, localeText: string, formatText: string): Promise<ExportedFile> {
	const locale = parseTarget(localeText);
	const format = parseFormat(formatText);
	const latest = await latestSecretariatTexts(db, editionSlug);
	const strings = secretariatStrings(latest.stored);
	const states = secretariatStateIndex(latest.stored);
	const original = `${editionSlug}-report-texts`;
	const base = `${original}-v${latest.version}-${xliffLang(locale)}`;
	if (format === 'xliff')
		return { filename: `${base}.xlf`, contentType: 'application/xliff+xml; charset=utf-8', body: toXliff(strings, states, locale, original) };
	if (format === 'xliff12')
		return { filename: `${base}.xliff12.xlf`, contentType: 'application/xliff+xml; charset=utf-8', body: toXliff12(strings, states, locale, original) };
	return {
		filename: `${base}.xlsx`,
		contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		body: await toXlsx(strings, states, locale, original)
	};
}

/** A translated file back: checked whole against the current English, then saved as one new version, or not at all. */
export async function importSecretariatTexts(
	db: Kysely<Database>,
	actor: string,
	editionSlug: string,
	localeText: string,
	formatText: string,
	data: Uint8Array
): Promise<ImportReport> {
	const locale = parseTarget(localeText);
	const format = parseFormat(formatText);
	if (data.byteLength === 0) throw new InvalidInputError('choose a file to import');
	if (data.byteLength > TRANSLATION_FILE_MAX_BYTES) throw new InvalidInputError(`the file is larger than ${TRANSLATION_FILE_MAX_BYTES / 1024 / 1024} MB`);
	const parsed = await runImport('translationFile', { format, bytes: data });
	return db.transaction().execute(async (trx) => {
		const latest = await latestSecretariatTexts(trx, editionSlug);
		const plan = planImport(parsed, locale, secretariatStrings(latest.stored), secretariatStateIndex(latest.stored));
		if (plan.problems.length) return { ok: false, problems: plan.problems };
		if (plan.changes.length === 0) return { ok: true, applied: 0 };
		const stored = applySecretariatEdits(
			latest.stored,
			locale,
			plan.changes.map((c) => ({ field: c.key as SecretariatEdit['field'], text: c.text, status: c.status }))
		);
		await insertVersion(trx, latest, stored, { documentDate: latest.documentDate, originalLanguage: latest.originalLanguage }, actor, {
			action: 'report_texts.import',
			locale,
			format,
			applied: plan.changes.length
		});
		return { ok: true, applied: plan.changes.length };
	});
}
