/**
 * The rules of a file answer (kinds/file.ts), shared by the page parser, the server's
 * upload checks (src/lib/server/respondent/uploads.ts), the review and the exports.
 */

/** One stored file, as survey-core stores a file answer (`content` is our reference, not a data URL), with its size. */
export interface StoredFile {
	name: string;
	type: string;
	content: string;
	size: number;
}

/** Our reference to a row of response_file. */
export const FILE_REF = /^rps-file:[A-Za-z0-9_-]{8,64}$/;
export const FILE_NAME_MAX = 255;

export const fileRef = (id: string) => `rps-file:${id}`;
export const fileIdOf = (ref: string) => ref.slice('rps-file:'.length);

export function isStoredFile(value: unknown): value is StoredFile {
	if (typeof value !== 'object' || value === null) return false;
	const f = value as Record<string, unknown>;
	return (
		typeof f.name === 'string' && f.name.length <= FILE_NAME_MAX && typeof f.type === 'string' && typeof f.content === 'string' && typeof f.size === 'number'
	);
}

/**
 * Whether a file whose content was recognised as `mime` (with extension `ext`, both
 * from the bytes, never from the name) matches `acceptedTypes`, the HTML `accept`
 * list survey-core uses: ".pdf", "image/*", "application/pdf". Empty accepts anything.
 */
export function acceptsType(acceptedTypes: string, mime: string, ext: string): boolean {
	const wanted = acceptedTypes
		.split(',')
		.map((t) => t.trim().toLowerCase())
		.filter(Boolean);
	if (wanted.length === 0) return true;
	return wanted.some((t) => {
		if (t.startsWith('.'))
			return t.slice(1) === ext || (t === '.jpeg' && ext === 'jpg') || (t === '.jpg' && ext === 'jpeg') || (t === '.txt' && mime === 'text/plain');
		if (t.endsWith('/*')) return mime.startsWith(t.slice(0, -1));
		return t === mime;
	});
}

/** Types a browser may show inline from our download (never HTML or SVG, which can run script). */
const INLINE_SAFE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf']);

/** The Content-Type a download is served with: the sniffed type when harmless, else opaque bytes. */
export function downloadType(sniffed: string): string {
	return INLINE_SAFE.has(sniffed) ? sniffed : 'application/octet-stream';
}

/** Every file reference anywhere in the answers (questions, dynamic panels, matrices). */
export function fileRefs(value: unknown, into = new Set<string>()): Set<string> {
	if (Array.isArray(value)) for (const v of value) fileRefs(v, into);
	else if (typeof value === 'object' && value !== null) {
		if (isStoredFile(value) && FILE_REF.test(value.content)) into.add(value.content);
		else for (const v of Object.values(value)) fileRefs(v, into);
	}
	return into;
}

/** Replaces each stored file anywhere in `value` by `fix(file)` (the server's own name, type and size). */
export function mapStoredFiles(value: unknown, fix: (f: StoredFile) => StoredFile): unknown {
	if (Array.isArray(value)) return value.map((v) => mapStoredFiles(v, fix));
	if (typeof value === 'object' && value !== null) {
		if (isStoredFile(value)) return fix(value);
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStoredFiles(v, fix)]));
	}
	return value;
}

export function formatSize(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** How the review and exports show a file answer: names and references, never the bytes. */
export function fileSummary(value: unknown): string {
	return Array.isArray(value)
		? value
				.filter(isStoredFile)
				.map((f) => `${f.name} (${f.content})`)
				.join('; ')
		: '';
}
