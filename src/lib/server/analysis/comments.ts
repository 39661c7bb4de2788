import Papa from 'papaparse';
import type { Db } from '../db/create-db.ts';
import { newId, nowIso } from '../db/ids.ts';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { suppressCells } from '../../domain/analysis/suppression.ts';
import { appendAudit } from '../access/audit/audit-repository.ts';
import { auditDownload, type Downloader } from '../access/audit/download-audit.ts';
import { loadEditionData, type EditionData } from './data.ts';
import { effectiveMinCount, type AnalysisViewer } from './results.ts';
import { analysisMinCount } from './settings.ts';

/**
 * Open answers: browsed, filtered and tagged with themes by analysts. The text of a
 * comment can name its author, so comments are raw data: only raw-data rights read
 * them. Others (the Council report) get counts per theme, suppressed below the threshold.
 */
export interface CommentFilter {
	question?: string | null;
	region?: string | null;
	language?: string | null;
	theme?: string | null;
}

export interface Comment {
	responseId: string;
	question: string;
	region: string | null;
	language: string;
	text: string;
	themes: string[];
}

const THEME_NAME = /^[\p{L}\p{N}][\p{L}\p{N} ,.'’()/-]{0,59}$/u;

export function requireRaw(viewer: AnalysisViewer): void {
	if (!viewer.rawData) throw new ForbiddenError('open answers are for roles with raw-data rights (analyst, admin)');
}

export async function listThemes(db: Db, slug: string): Promise<{ id: string; name: string }[]> {
	return db
		.selectFrom('analysis_comment_theme as t')
		.innerJoin('edition as e', 'e.id', 't.edition_id')
		.select(['t.id', 't.name'])
		.where('e.slug', '=', slug)
		.orderBy('t.name')
		.execute();
}

export async function listComments(db: Db, slug: string, viewer: AnalysisViewer, filter: CommentFilter = {}): Promise<Comment[]> {
	requireRaw(viewer);
	return commentsIn(db, await loadEditionData(db, slug), viewer, filter);
}

/** The same from the edition's data already loaded (every region's responses): reads only the tags. */
export async function commentsIn(db: Db, data: EditionData, viewer: AnalysisViewer, filter: CommentFilter = {}): Promise<Comment[]> {
	requireRaw(viewer);
	const questions = data.catalogue.texts.filter((t) => !t.signature && !t.file).map((t) => t.name);
	if (filter.question && !questions.includes(filter.question))
		throw new InvalidInputError(`"${filter.question}" is not an open question (open questions: ${questions.join(', ')})`);
	const tags = await db
		.selectFrom('analysis_comment_tag as g')
		.innerJoin('analysis_comment_theme as t', 't.id', 'g.theme_id')
		.select(['g.response_id', 'g.question', 't.id', 't.name'])
		.where('t.edition_id', '=', data.edition.id)
		.execute();
	const themesOf = new Map<string, { id: string; name: string }[]>();
	for (const g of tags) themesOf.set(`${g.response_id}/${g.question}`, [...(themesOf.get(`${g.response_id}/${g.question}`) ?? []), { id: g.id, name: g.name }]);
	const comments: Comment[] = [];
	for (const r of data.respondents) {
		if (filter.region && r.region !== filter.region) continue;
		if (filter.language && r.language !== filter.language) continue;
		for (const q of questions) {
			const text = r.answers[q];
			if (typeof text !== 'string' || text.trim() === '' || (filter.question && q !== filter.question)) continue;
			const themes = themesOf.get(`${r.id}/${q}`) ?? [];
			if (filter.theme && !themes.some((t) => t.id === filter.theme)) continue;
			comments.push({ responseId: r.id, question: q, region: r.region, language: r.language, text, themes: themes.map((t) => t.name).sort() });
		}
	}
	return comments;
}

export async function createTheme(db: Db, slug: string, name: string, viewer: AnalysisViewer, actor: string): Promise<string> {
	requireRaw(viewer);
	const clean = name.trim().replace(/\s+/g, ' ');
	if (!THEME_NAME.test(clean)) throw new InvalidInputError('a theme name is 1 to 60 letters, digits, spaces and simple punctuation');
	const edition = await db.selectFrom('edition').select('id').where('slug', '=', slug).executeTakeFirst();
	if (!edition) throw new NotFoundError(`no edition "${slug}"`);
	if (await db.selectFrom('analysis_comment_theme').select('id').where('edition_id', '=', edition.id).where('name', '=', clean).executeTakeFirst())
		throw new ConflictError(`theme "${clean}" exists already`);
	const id = newId();
	await db.transaction().execute(async (trx) => {
		await trx.insertInto('analysis_comment_theme').values({ id, edition_id: edition.id, name: clean, created_at: nowIso(), created_by: actor }).execute();
		await appendAudit(trx, {
			actor,
			action: 'analysis.theme_create',
			targetType: 'analysis_comment_theme',
			targetId: id,
			details: { edition: slug, name: clean }
		});
	});
	return id;
}

/** Files a comment under a theme (or takes it out with `remove`). Idempotent. */
export async function tagComment(
	db: Db,
	slug: string,
	input: { responseId: string; question: string; themeId: string; remove?: boolean },
	viewer: AnalysisViewer,
	actor: string
): Promise<void> {
	requireRaw(viewer);
	const comments = await listComments(db, slug, viewer, { question: input.question });
	if (!comments.some((c) => c.responseId === input.responseId)) throw new NotFoundError('no such open answer in this edition');
	if (!(await listThemes(db, slug)).some((t) => t.id === input.themeId)) throw new NotFoundError('no such theme in this edition');
	await db.transaction().execute(async (trx) => {
		const key = (q: typeof trx) =>
			q
				.deleteFrom('analysis_comment_tag')
				.where('response_id', '=', input.responseId)
				.where('question', '=', input.question)
				.where('theme_id', '=', input.themeId);
		await key(trx).execute();
		if (!input.remove)
			await trx
				.insertInto('analysis_comment_tag')
				.values({ response_id: input.responseId, question: input.question, theme_id: input.themeId, created_at: nowIso(), created_by: actor })
				.execute();
		await appendAudit(trx, {
			actor,
			action: input.remove ? 'analysis.untag' : 'analysis.tag',
			targetType: 'response',
			targetId: input.responseId,
			details: { question: input.question, theme: input.themeId }
		});
	});
}

export interface ThemeCount {
	name: string;
	/** null when suppressed. */
	count: number | null;
}

/**
 * Comments per theme. Without raw-data rights a count below the threshold is hidden,
 * with a complement so that the total of tagged comments does not reveal it.
 */
export async function themeCounts(db: Db, slug: string, viewer: AnalysisViewer, minCount = analysisMinCount()): Promise<ThemeCount[]> {
	const rows = await db
		.selectFrom('analysis_comment_theme as t')
		.innerJoin('edition as e', 'e.id', 't.edition_id')
		.leftJoin('analysis_comment_tag as g', 'g.theme_id', 't.id')
		.select(['t.name', (eb) => eb.fn.count<number>('g.response_id').as('n')])
		.where('e.slug', '=', slug)
		.groupBy(['t.id', 't.name'])
		.orderBy('t.name')
		.execute();
	const counts = rows.map((r) => Number(r.n));
	const total = counts.reduce((a, b) => a + b, 0);
	const k = effectiveMinCount(viewer, minCount);
	const hidden = suppressCells(
		[{ n: total, answered: total > 0 }, ...counts.map((n) => ({ n, answered: n > 0 }))],
		[{ total: 0, members: counts.map((_, i) => i + 1) }],
		k
	);
	return rows.map((r, i) => ({ name: r.name, count: hidden[i + 1] ? null : counts[i]! }));
}

/** The filtered open answers as CSV; the download is audited with its filters. */
export async function exportComments(db: Db, slug: string, viewer: AnalysisViewer, filter: CommentFilter, who: Downloader): Promise<Buffer> {
	const comments = await listComments(db, slug, viewer, filter);
	const csv = Papa.unparse(
		{
			fields: ['response_id', 'question', 'region', 'language', 'themes', 'text'],
			data: comments.map((c) => [c.responseId, c.question, c.region ?? '', c.language, c.themes.join('|'), c.text])
		},
		{ escapeFormulae: true }
	);
	const used = Object.fromEntries(Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
	await auditDownload(db, who, { edition: slug, file: 'comments.csv', rows: comments.length, filter: used });
	return Buffer.from('\uFEFF' + csv, 'utf8');
}
