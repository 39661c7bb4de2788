import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDb } from '../helpers/db.ts';
import { bootstrappedDb } from '../helpers/bootstrapped-db.ts';
import { insertSyntheticResponses } from '../../src/lib/server/analysis/demo.ts';
import { createTheme, exportComments, listComments, listThemes, tagComment, themeCounts } from '../../src/lib/server/analysis/comments.ts';
import { viewerFor } from '../../src/lib/server/analysis/results.ts';
import { CLI_DOWNLOADER } from '../../src/lib/server/access/audit/download-audit.ts';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../src/lib/domain/errors.ts';

let t: TestDb;
const analyst = viewerFor({ role: 'analyst', region_code: null });
const council = viewerFor({ role: 'council', region_code: null });

beforeAll(async () => {
	t = await bootstrappedDb();
	await insertSyntheticResponses(t.db, 'rp-2026', 1000, 5);
});
afterAll(async () => {
	await t.close();
});

describe('open answers', () => {
	it('are listed for analysts, filtered by question, region and language, and refused to the Council', async () => {
		const all = await listComments(t.db, 'rp-2026', analyst);
		expect(all.length).toBeGreaterThan(10);
		const suggestions = await listComments(t.db, 'rp-2026', analyst, { question: 'suggestions' });
		expect(suggestions.every((c) => c.question === 'suggestions')).toBe(true);
		const region = all[0]!.region!;
		const inRegion = await listComments(t.db, 'rp-2026', analyst, { region, language: all[0]!.language });
		expect(inRegion.length).toBeGreaterThan(0);
		expect(inRegion.every((c) => c.region === region && c.language === all[0]!.language)).toBe(true);
		await expect(listComments(t.db, 'rp-2026', council)).rejects.toThrow(ForbiddenError);
		await expect(listComments(t.db, 'rp-2026', analyst, { question: 'sat_responsiveness' })).rejects.toThrow(InvalidInputError);
	});

	it('are tagged with themes, counted per theme (suppressed for the Council) and exported', async () => {
		const funding = await createTheme(t.db, 'rp-2026', 'Funding', analyst, 'test');
		const language = await createTheme(t.db, 'rp-2026', 'Language', analyst, 'test');
		await expect(createTheme(t.db, 'rp-2026', 'Funding', analyst, 'test')).rejects.toThrow(ConflictError);
		await expect(createTheme(t.db, 'rp-2026', '<b>', analyst, 'test')).rejects.toThrow(InvalidInputError);
		await expect(createTheme(t.db, 'rp-2026', 'Other', council, 'test')).rejects.toThrow(ForbiddenError);
		const comments = await listComments(t.db, 'rp-2026', analyst);
		for (const c of comments.slice(0, 8))
			await tagComment(t.db, 'rp-2026', { responseId: c.responseId, question: c.question, themeId: funding }, analyst, 'test');
		await tagComment(t.db, 'rp-2026', { responseId: comments[0]!.responseId, question: comments[0]!.question, themeId: funding }, analyst, 'test');
		for (const c of comments.slice(0, 2))
			await tagComment(t.db, 'rp-2026', { responseId: c.responseId, question: c.question, themeId: language }, analyst, 'test');
		expect(await themeCounts(t.db, 'rp-2026', analyst)).toEqual([
			{ name: 'Funding', count: 8 },
			{ name: 'Language', count: 2 }
		]);
		// 2 < 5 is hidden; 8 must go too, or total (10) - 8 would give it.
		expect(await themeCounts(t.db, 'rp-2026', council)).toEqual([
			{ name: 'Funding', count: null },
			{ name: 'Language', count: null }
		]);
		const tagged = await listComments(t.db, 'rp-2026', analyst, { theme: language });
		expect(tagged.map((c) => c.themes)).toEqual([
			['Funding', 'Language'],
			['Funding', 'Language']
		]);
		await tagComment(
			t.db,
			'rp-2026',
			{ responseId: comments[1]!.responseId, question: comments[1]!.question, themeId: language, remove: true },
			analyst,
			'test'
		);
		expect((await listComments(t.db, 'rp-2026', analyst, { theme: language })).length).toBe(1);
		const csv = (await exportComments(t.db, 'rp-2026', analyst, { theme: funding }, CLI_DOWNLOADER)).toString('utf8');
		expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('response_id,question,region,language,themes,text');
		expect(csv.split('\r\n').length).toBe(9);
		expect((await listThemes(t.db, 'rp-2026')).map((th) => th.name)).toEqual(['Funding', 'Language']);
	});

	it('refuses to tag what does not exist, changing nothing', async () => {
		const [theme] = await listThemes(t.db, 'rp-2026');
		const before = (await t.db.selectFrom('analysis_comment_tag').select('theme_id').execute()).length;
		await expect(tagComment(t.db, 'rp-2026', { responseId: 'nope', question: 'suggestions', themeId: theme!.id }, analyst, 'test')).rejects.toThrow(
			NotFoundError
		);
		const [c] = await listComments(t.db, 'rp-2026', analyst);
		await expect(tagComment(t.db, 'rp-2026', { responseId: c!.responseId, question: c!.question, themeId: 'nope' }, analyst, 'test')).rejects.toThrow(
			NotFoundError
		);
		expect((await t.db.selectFrom('analysis_comment_tag').select('theme_id').execute()).length).toBe(before);
	});
});
