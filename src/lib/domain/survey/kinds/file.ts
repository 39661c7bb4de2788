import type { Question } from 'survey-core';
import { subField } from '../field-names.ts';
import type { BaseQuestionView, QuestionKind } from './kind.ts';
import { refuse } from './pick.ts';
import { FILE_REF, isStoredFile, type StoredFile } from './file-rules.ts';

/**
 * A file upload (issue 18, item 3), drawn as a plain `<input type="file">` in a
 * multipart form, so it works without JavaScript. The bytes never travel through
 * here: the server (src/lib/server/respondent/uploads.ts) reads the file parts,
 * checks them by content and limits, and hands this parser each accepted file as a
 * JSON text under the question's field, exactly as the page's hidden fields carry the
 * files already stored. The server checks every reference again before it saves.
 *
 * The stored answer is survey-core's own value for a file question with an upload
 * handler, `[{ name, type, content }]`, where `content` is our reference
 * (`rps-file:<id>`, a row of response_file), not a data URL, plus `size` in bytes.
 */
export type FileView = BaseQuestionView & {
	kind: 'file';
	type: 'file';
	files: StoredFile[];
	/** The `accept` attribute: acceptedTypes as the author wrote them ('' = any). */
	accept: string;
	multiple: boolean;
	/** The effective limit per file in bytes (the question's maxSize within the server's cap). */
	maxSize: number;
	removeField: string;
	/** The file input: its parts are read by the server (uploads.ts), never by parse. */
	uploadField: string;
};

export const removeFieldOf = (field: string) => subField(field, 'remove');
export const uploadFieldOf = (field: string) => subField(field, 'upload');

function storedFiles(value: unknown): StoredFile[] {
	return Array.isArray(value) ? value.filter(isStoredFile) : [];
}

export function fileMaxSize(q: Question, cap: number): number {
	const own = Number((q as Question & { maxSize?: unknown }).maxSize);
	return Number.isFinite(own) && own > 0 ? Math.min(own, cap) : cap;
}

/** The limit every file question shares (config FILE_UPLOAD_MAX_BYTES overrides it on the server). */
export const FILE_SIZE_CAP = 5 * 1024 * 1024;

export const fileKind: QuestionKind<FileView> = {
	types: ['file'],
	view(q, base) {
		const own = q as Question & { acceptedTypes?: unknown; allowMultiple?: unknown };
		return {
			...base,
			kind: 'file',
			type: 'file',
			files: storedFiles(q.value),
			accept: typeof own.acceptedTypes === 'string' ? own.acceptedTypes : '',
			multiple: own.allowMultiple === true,
			maxSize: fileMaxSize(q, FILE_SIZE_CAP),
			removeField: removeFieldOf(base.field),
			uploadField: uploadFieldOf(base.field)
		};
	},
	fields: (_q, field) => [field, removeFieldOf(field)],
	parse(q, posted, field) {
		const removed = new Set(posted.get(removeFieldOf(field)) ?? []);
		const files: StoredFile[] = [];
		for (const text of posted.get(field) ?? []) {
			let item: unknown;
			try {
				item = JSON.parse(text);
			} catch {
				refuse('invalid_file', `"${field}" is not a stored file`);
			}
			if (!isStoredFile(item) || !FILE_REF.test(item.content)) refuse('invalid_file', `"${field}" is not a stored file`);
			if (!removed.has(item.content) && !files.some((f) => f.content === item.content)) files.push(item);
		}
		// One file only: the newest (the server adds uploads after the files already kept) replaces the others.
		const kept = (q as Question & { allowMultiple?: unknown }).allowMultiple === true ? files : files.slice(-1);
		return kept.length > 0 ? kept : undefined;
	}
};
