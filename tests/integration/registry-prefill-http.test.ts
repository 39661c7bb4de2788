import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { newLink, startServer, type RunningServer } from '../helpers/server.ts';
import { get, seedUsers, signInCookie } from '../helpers/access-http.ts';
import { answerAndSubmit, formFields } from '../helpers/no-js-respondent.ts';
import { createDb } from '../../src/lib/server/db/create-db.ts';

/**
 * Issue 12 item 15 over plain HTTP (no JavaScript): what the registry knows of an entity
 * (member category, Sector memberships) is prefilled into the questions marked
 * `registryField`; the respondent is told so; keeping it is recorded as "confirmed",
 * changing it as "corrected", and the microdata carry it as a variable.
 */
const PASSWORD = 'registry prefill password 2026';
let server: RunningServer;
let analyst = '';
let sectorMemberLink = '';

const page0 = async (link: string) => (await fetch(link, { headers: { accept: 'text/html' } })).text();
const ticked = (html: string, name: string) =>
	formFields(html)
		.filter((f) => f.name === name && f.checked)
		.map((f) => f.value);

async function responseIdOf(entityCode: string): Promise<string> {
	const db = createDb(server.dbPath);
	try {
		const row = await db
			.selectFrom('response as r')
			.innerJoin('entity as n', 'n.id', 'r.entity_id')
			.select('r.id')
			.where('n.code', '=', entityCode)
			.executeTakeFirstOrThrow();
		return row.id;
	} finally {
		await db.destroy();
	}
}

beforeAll(async () => {
	server = await startServer({ ADMIN_PASSWORD: PASSWORD, ADMIN_EMAIL: 'admin@prefill.example.org' });
	await seedUsers(server.dbPath, [{ email: 'analyst@prefill.example.org', role: 'analyst' }], PASSWORD);
	analyst = await signInCookie(server.url, 'analyst@prefill.example.org', PASSWORD);
	sectorMemberLink = await newLink(server, 'DEMO-SM-002');
}, 90_000);
afterAll(async () => {
	await server?.stop();
});

describe('answers the registry knows', () => {
	it('a Member State finds its category ticked, no Sector ticked (the registry has none), and a notice asking to confirm or correct', async () => {
		const html = await page0(server.demoLink);
		expect(ticked(html, 'respondent_category')).toEqual(['member_state']);
		expect(ticked(html, 'sectors_involved')).toEqual([]);
		const notice = /<section class="notice" id="registry-prefill"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
		// Senegal answers in French, its registry language.
		expect(notice).toContain('Veuillez les vérifier : conservez-les si elles sont exactes, ou corrigez-les.');
		const items = notice.match(/<li>[^<]*<\/li>/g) ?? [];
		expect(items).toHaveLength(1);
		expect(items[0]).toMatch(/^<li>À quelle catégorie votre entité appartient-elle\s?\?<\/li>$/u);
	});

	it('a Sector Member finds its category and its two Sector memberships ticked, in its language (French)', async () => {
		const html = await page0(sectorMemberLink);
		expect(html).toContain('<html lang="fr"');
		expect(ticked(html, 'respondent_category')).toEqual(['sector_member']);
		expect(ticked(html, 'sectors_involved')).toEqual(['itu_t', 'itu_d']);
		expect(html).toContain("Pré-rempli d'après les registres des membres de l'UIT");
		expect(html.match(/<section class="notice" id="registry-prefill"[\s\S]*?<\/section>/)![0].match(/<li>/g)).toHaveLength(2);
	});

	it('submitting records "confirmed" for a kept answer and "corrected" for a changed one, as microdata variables', async () => {
		// The Member State that answered "Sector Member" (the case): now recorded as a correction.
		await answerAndSubmit(server.demoLink, { respondent_category: 'sector_member' });
		// The Sector Member keeps its category and drops ITU-D.
		await answerAndSubmit(sectorMemberLink, { sectors_involved: ['itu_t'] });

		const csv = (await (await get(`${server.url}/admin/results/rp-2026/export/microdata.csv`, analyst)).text()).replace(/^\uFEFF/, '');
		const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
		const byId = new Map(rows.map((r) => [r.response_id, r]));
		const memberState = byId.get(await responseIdOf('MS-SEN'))!;
		const sectorMember = byId.get(await responseIdOf('DEMO-SM-002'))!;
		expect(memberState).toMatchObject({
			member_category: 'member_state',
			respondent_category: 'sector_member',
			'respondent_category.registry': 'corrected',
			'sectors_involved.registry': ''
		});
		expect(sectorMember).toMatchObject({
			member_category: 'sector_member',
			respondent_category: 'sector_member',
			'respondent_category.registry': 'confirmed',
			'sectors_involved.itu_t': '1',
			'sectors_involved.itu_d': '0',
			'sectors_involved.registry': 'corrected'
		});

		const codebook = await (await get(`${server.url}/admin/results/rp-2026/export/codebook.csv`, analyst)).text();
		expect(codebook).toMatch(/respondent_category\.registry,.*prefilled from the registry \(category\).*,attribute,confirmed = /);
		expect(codebook).toContain('sectors_involved.registry');
	});
});
