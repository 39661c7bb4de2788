import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { get, seedUsers, signInCookie } from '../helpers/access-http.ts';
import { createDb, type Db } from '../../src/lib/server/db/create-db.ts';
import { insertSyntheticResponses } from '../../src/lib/server/analysis/demo.ts';
import { loadEditionData } from '../../src/lib/server/analysis/data.ts';
import { editionResults, viewerFor } from '../../src/lib/server/analysis/results.ts';
import { isSuppressed } from '../../src/lib/domain/analysis/suppression.ts';

/**
 * Issue 12 item 6: one CIS respondent who answered "no interaction / don't know" to every
 * item of the overall assessment. The overall index of that group has no valid answer but
 * someone answered it, so it is suppressed like an item where everyone said "na" (it was
 * shown as "– (1)"), and cross-tabulation cells show the count suppression decides on
 * (valid answers behind the index), not the respondents in the cell.
 */
let server: RunningServer;
let db: Db;
const K = 5;
const PASSWORD = 'a long enough password';
let analyst = '';
let cisCategory = '';

beforeAll(async () => {
	server = await startServer({ ADMIN_PASSWORD: PASSWORD });
	db = createDb(server.dbPath);
	await insertSyntheticResponses(db, 'rp-2026', 400, 7);
	const cis = await db
		.selectFrom('response as r')
		.innerJoin('entity as n', 'n.id', 'r.entity_id')
		.select(['r.id', 'r.answers_json', 'n.kind'])
		.where('n.region_code', '=', 'CIS')
		.where('r.state', '=', 'submitted')
		.orderBy('r.id')
		.execute();
	expect(cis.length).toBeGreaterThan(1);
	await db
		.deleteFrom('response')
		.where(
			'id',
			'in',
			cis.slice(1).map((r) => r.id)
		)
		.execute();
	// The one left says "don't know" to every rated item of the overall section.
	const { catalogue } = await loadEditionData(db, 'rp-2026');
	const overallItems = catalogue.scales.filter((s) => s.section === 'overall');
	expect(overallItems.length).toBeGreaterThan(0);
	const answers = JSON.parse(cis[0]!.answers_json) as Record<string, unknown>;
	for (const item of overallItems) {
		if (item.row === null) answers[item.question] = item.naValue;
		else answers[item.question] = { ...(answers[item.question] as Record<string, unknown>), [item.row]: item.naValue };
	}
	await db
		.updateTable('response')
		.set({ answers_json: JSON.stringify(answers) })
		.where('id', '=', cis[0]!.id)
		.execute();
	cisCategory = cis[0]!.kind;
	await seedUsers(server.dbPath, [{ email: 'analyst@example.org', role: 'analyst' }], PASSWORD);
	analyst = await signInCookie(server.url, 'analyst@example.org', PASSWORD);
});
afterAll(async () => {
	await db?.destroy();
	await server?.stop();
});

describe('an index where the only respondent said "don\'t know"', () => {
	it('is suppressed for a reader without raw-data rights, in a breakdown and in a cross-tabulation', async () => {
		const council = viewerFor({ role: 'council', region_code: null });
		const byRegion = await editionResults(db, 'rp-2026', council, { by: 'region' }, K);
		const cis = byRegion.breakdown!.groups.find((g) => g.key === 'CIS')!;
		expect(cis.result.respondents).toBe(1);
		expect(isSuppressed(cis.result.sections.overall)).toBe(true);
		// With a complement: the total minus the visible regions is not this one group.
		expect(byRegion.breakdown!.groups.filter((g) => isSuppressed(g.result.sections.overall)).length).toBeGreaterThanOrEqual(2);

		const cross = await editionResults(db, 'rp-2026', council, { rows: 'region', columns: 'category' }, K);
		const x = cross.crossTab!;
		const i = x.rowKeys.indexOf('CIS');
		expect(isSuppressed(x.cells[i]![x.columnKeys.indexOf(cisCategory)]!.sections.overall)).toBe(true);
		expect(isSuppressed(x.rowMargins[i]!.sections.overall)).toBe(true);
	});

	it('shows the analyst the valid-answer count of the index in cross-tabulation cells, the count suppression uses', async () => {
		const res = await get(`${server.url}/admin/results/rp-2026?rows=region&columns=category`, analyst);
		expect(res.status).toBe(200);
		const page = await res.text();
		const cell = (row: string, column: string) => new RegExp(`<td[^>]*data-row="${row}" data-column="${column}"[^>]*>([^<]*)</td>`).exec(page)?.[1];
		// One respondent, no valid answer: n is 0 (it was "– (1)", the respondent count).
		expect(cell('CIS', cisCategory)).toBe('– (0)');
		expect(cell('CIS', 'total')).toBe('– (0)');
		// Elsewhere the count is the index's n, which the service gives.
		const analystView = viewerFor({ role: 'analyst', region_code: null });
		const x = (await editionResults(db, 'rp-2026', analystView, { rows: 'region', columns: 'category' })).crossTab!;
		const total = x.total.sections.overall as { n: number };
		expect(cell('total', 'total')).toMatch(new RegExp(`\\(${total.n}\\)$`));
		expect(total.n).toBeLessThan(x.total.respondents);
		expect(page).toContain('Overall assessment: Mean (n)');
	});
});
