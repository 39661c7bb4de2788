import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { Kysely } from 'kysely';
import type { Question } from 'survey-core';
import type { Database } from '../db/schema/database.ts';
import { newId, nowIso } from '../db/ids.ts';
import { fieldName } from '../../domain/survey/field-names.ts';
import { getModel } from '../../domain/survey/model-cache.ts';
import { FILE_SIZE_CAP, fileMaxSize, uploadFieldOf } from '../../domain/survey/kinds/file.ts';
import { acceptsType, fileIdOf, fileRef, fileRefs, formatSize, mapStoredFiles, type StoredFile } from '../../domain/survey/kinds/file-rules.ts';
import type { PageView } from '../../domain/survey/page-view.ts';
import type { Locale } from '../../domain/locales.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { m } from '../../paraglide/messages.js';

/**
 * File uploads of a page post (issue 18 item 3; docs/authoring.md "File upload").
 * Before the answers are parsed, each file part sent for a file question is read,
 * its type recognised from its bytes (file-type; the name and the browser's type are
 * never trusted), and checked against the question's acceptedTypes and maxSize
 * (within FILE_SIZE_CAP). An accepted file is staged with its final id and reaches the
 * question's parser as a JSON text (kinds/file.ts); a refused one becomes a message
 * on the page, and the rest of the page is saved as usual. Staged files are written
 * in the page save's own transaction (persistFiles), so a crash keeps both or neither.
 */
export interface StagedFile {
	id: string;
	question: string;
	name: string;
	type: string;
	bytes: Uint8Array;
}

export type Refused = { why: 'too_large'; name: string; max: number } | { why: 'type'; name: string; types: string };

export interface StagedUploads {
	/** The form with each file part replaced by its stored-file JSON (refused and empty ones dropped). */
	form: FormData;
	staged: Map<string, StagedFile>;
	/** What was refused, by question field (drawn as messages in the page's language). */
	refused: Map<string, Refused[]>;
}

function fileQuestions(questionnaireId: string, definition: object): Map<string, Question> {
	const model = getModel(questionnaireId, definition, 'en');
	return new Map((model.getAllQuestions(false) as Question[]).filter((q) => q.getType() === 'file').map((q) => [uploadFieldOf(fieldName(q.name)), q]));
}

async function stageOne(q: Question, file: File): Promise<StagedFile | Refused> {
	const name = file.name.slice(0, 255) || 'file';
	const max = fileMaxSize(q, FILE_SIZE_CAP);
	if (file.size > max) return { why: 'too_large', name, max };
	const bytes = new Uint8Array(await file.arrayBuffer());
	// Text files have no signature: without one the file counts as text only if it decodes as UTF-8 without control bytes.
	const sniffed = (await fileTypeFromBuffer(bytes)) ?? plainText(bytes);
	const accepted = String((q as Question & { acceptedTypes?: unknown }).acceptedTypes ?? '');
	if (!sniffed || !acceptsType(accepted, sniffed.mime, sniffed.ext)) return { why: 'type', name, types: accepted };
	return { id: newId(), question: q.getValueName(), name, type: sniffed.mime, bytes };
}

function plainText(bytes: Uint8Array): { mime: string; ext: string } | undefined {
	try {
		const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		// eslint-disable-next-line no-control-regex -- binary content is what this refuses
		return /[\u0000-\u0008\u000E-\u001F]/.test(text) ? undefined : { mime: 'text/plain', ext: 'txt' };
	} catch {
		return undefined;
	}
}

/** Reads and checks the file parts of `form`; other parts pass through unchanged. */
export async function stageUploads(form: FormData, questionnaireId: string, definition: object): Promise<StagedUploads> {
	const staged = new Map<string, StagedFile>();
	const refused = new Map<string, Refused[]>();
	const out = new FormData();
	let questions: Map<string, Question> | null = null;
	for (const [field, value] of form.entries()) {
		if (typeof value === 'string') {
			out.append(field, value);
			continue;
		}
		questions ??= fileQuestions(questionnaireId, definition);
		const q = questions.get(field);
		// A file where no file question is: left for readPagePost to refuse.
		if (!q) {
			out.append(field, value);
			continue;
		}
		// An empty file input sends a part with no name and no bytes.
		if (value.size === 0 && value.name === '') continue;
		const result = await stageOne(q, value);
		if (!('bytes' in result)) {
			const own = fieldName(q.name);
			refused.set(own, [...(refused.get(own) ?? []), result]);
			continue;
		}
		staged.set(result.id, result);
		const stored: StoredFile = { name: result.name, type: result.type, content: fileRef(result.id), size: result.bytes.byteLength };
		// Under the question's own field, after the files it keeps (hidden fields come first in the form).
		out.append(fieldName(q.name), JSON.stringify(stored));
	}
	return { form: out, staged, refused };
}

/**
 * In the page save's transaction: writes the staged files the answers refer to, checks
 * that every other reference is a file of this response (a forged one is refused),
 * deletes the response's files no answer refers to any more (removed or replaced), and
 * returns the answers with each file's name, type and size as stored.
 */
export async function persistFiles(
	trx: Kysely<Database>,
	responseId: string,
	answers: Record<string, unknown>,
	staged: ReadonlyMap<string, StagedFile>
): Promise<Record<string, unknown>> {
	const refs = fileRefs(answers);
	const existing = await trx.selectFrom('response_file').select(['id', 'name', 'type', 'size']).where('response_id', '=', responseId).execute();
	if (refs.size === 0 && existing.length === 0) return answers;
	const known = new Map(existing.map((r) => [r.id, { name: r.name, type: r.type, size: Number(r.size) }]));
	const now = nowIso();
	for (const ref of refs) {
		const id = fileIdOf(ref);
		if (known.has(id)) continue;
		const file = staged.get(id);
		if (!file) throw new InvalidInputError(`"${ref}" is not a file of this response`, [], 'invalid_file');
		const sha256 = createHash('sha256').update(file.bytes).digest('hex');
		await trx
			.insertInto('response_file')
			.values({
				id,
				response_id: responseId,
				question: file.question,
				name: file.name,
				type: file.type,
				size: file.bytes.byteLength,
				sha256,
				content: file.bytes,
				created_at: now
			})
			.execute();
		known.set(id, { name: file.name, type: file.type, size: file.bytes.byteLength });
	}
	const unused = existing.filter((r) => !refs.has(fileRef(r.id))).map((r) => r.id);
	if (unused.length > 0) await trx.deleteFrom('response_file').where('response_id', '=', responseId).where('id', 'in', unused).execute();
	return mapStoredFiles(answers, (f) => ({ ...f, ...known.get(fileIdOf(f.content))! })) as Record<string, unknown>;
}

function message(r: Refused, locale: Locale): string {
	if (r.why === 'too_large') return m.file_too_large({ name: r.name, max: formatSize(r.max) }, { locale });
	return r.types ? m.file_type_refused({ name: r.name, types: r.types }, { locale }) : m.file_type_unknown({ name: r.name }, { locale });
}

/** The page shown again with the upload refusals on their questions (the page's other answers were saved). */
export function withUploadMessages(page: PageView, refused: ReadonlyMap<string, Refused[]>, locale: Locale): PageView {
	// A freshly drawn view: its question views are the ones its elements hold, so they are amended in place.
	for (const q of page.questions) {
		const own = refused.get(q.field);
		if (own) q.errors = [...q.errors, ...own.map((r) => message(r, locale))];
	}
	return page;
}
