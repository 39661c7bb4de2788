import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestDb } from '../helpers/db.ts';
import { bootstrappedDb } from '../helpers/bootstrapped-db.ts';
import { startNextDraft } from '../../src/lib/server/authoring/library.ts';
import { editCell, loadWorkbench, parseWorkbenchFilter } from '../../src/lib/server/translation/service.ts';

/**
 * Issue 14 item 2: the home's "translations awaiting review" opens the workbench on exactly
 * those strings (`?status=awaiting`: machine, changed English, unreviewed drafts), one click
 * from the count, instead of every string of the language.
 */
let t: TestDb;
let slug: string;
beforeEach(async () => {
	t = await bootstrappedDb({ DEMO: '0' });
	const admin = await t.db.selectFrom('app_user').select(['id', 'email', 'display_name', 'role', 'region_code', 'language']).executeTakeFirstOrThrow();
	slug = (await t.db.selectFrom('questionnaire').select('slug').executeTakeFirstOrThrow()).slug;
	await startNextDraft(t.db, admin, slug);
});
afterEach(async () => {
	await t.close();
});

describe('the workbench filter "awaiting review"', () => {
	it('shows only the strings a reviewer must look at, in the chosen language', async () => {
		const all = await loadWorkbench(t.db, slug, parseWorkbenchFilter(new URLSearchParams('lang=fr')));
		const [a, b] = all.rows;
		const revision = all.draft.revision;
		await editCell(t.db, slug, { key: a!.key, locale: 'fr', text: 'Texte relu', status: 'reviewed', revision }, 'translator@example.org');
		await editCell(t.db, slug, { key: b!.key, locale: 'fr', text: 'Texte à relire', status: 'draft', revision: revision + 1 }, 'translator@example.org');
		const filter = parseWorkbenchFilter(new URLSearchParams('lang=fr&status=awaiting'));
		expect(filter.status).toBe('awaiting');
		const awaiting = await loadWorkbench(t.db, slug, filter);
		const expected = (await loadWorkbench(t.db, slug, parseWorkbenchFilter(new URLSearchParams('lang=fr')))).rows.filter((r) =>
			['machine', 'needs_review', 'draft'].includes(r.status)
		);
		expect(awaiting.rows.map((r) => r.key)).toEqual(expected.map((r) => r.key));
		expect(awaiting.rows.map((r) => r.key)).toContain(b!.key);
		expect(awaiting.rows.map((r) => r.key)).not.toContain(a!.key);
		expect(awaiting.rows.length).toBeLessThan(all.rows.length);
	});
});
