import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { freshDb, type TestDb } from '../helpers/db.ts';
import { bootstrap } from '../../src/lib/server/platform/bootstrap.ts';
import { loadConfig } from '../../src/lib/server/platform/config.ts';
import { importQuestionnaire, importSurveysDir } from '../../src/lib/server/authoring/questionnaires.ts';
import { inviteEntity } from '../../src/lib/server/distribution/invitations/invitations.ts';
import { editionStatus } from '../../src/lib/server/distribution/editions/editions.ts';
import { InvalidInputError } from '../../src/lib/domain/errors.ts';

let t: TestDb;
beforeEach(async () => {
	t = await freshDb();
});
afterEach(async () => {
	await t.close();
});

const config = () => loadConfig({ DATABASE_URL: 'unused', ADMIN_PASSWORD: 'a long enough password', PUBLIC_URL: 'http://survey.test' });
const count = async (table: 'entity' | 'country' | 'region' | 'office' | 'questionnaire' | 'edition' | 'app_user') =>
	Number(
		(
			await t.db
				.selectFrom(table)
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);

describe('first start', () => {
	it('loads the reference data, the questionnaire, the edition and an administrator, and is idempotent', async () => {
		const lines: string[] = [];
		await bootstrap(t.db, config(), (l) => lines.push(l));
		const first = {
			entity: await count('entity'),
			country: await count('country'),
			region: await count('region'),
			office: await count('office'),
			questionnaire: await count('questionnaire'),
			edition: await count('edition'),
			user: await count('app_user')
		};
		expect(first).toMatchObject({ country: 194, region: 6, questionnaire: 1, edition: 1, user: 1 });
		expect(first.office).toBeGreaterThanOrEqual(10);
		expect(first.entity).toBeGreaterThan(194 + 7);
		expect(lines.some((l) => /demo respondent link \(MS-SEN\): http:\/\/survey\.test\/r\/[a-z2-7]{32}/.test(l))).toBe(true);
		expect(lines.join('\n')).not.toContain('a long enough password');

		await bootstrap(t.db, config(), () => {});
		expect({
			entity: await count('entity'),
			country: await count('country'),
			questionnaire: await count('questionnaire'),
			edition: await count('edition'),
			user: await count('app_user')
		}).toEqual({ entity: first.entity, country: 194, questionnaire: 1, edition: 1, user: 1 });
	});

	it('holds the launch gate at first start too: a questionnaire missing a language makes a draft edition', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'rps-surveys-'));
		const json = JSON.parse(readFileSync('surveys/regional-presence-2026.json', 'utf8'));
		delete json.title.ar;
		writeFileSync(join(dir, 'regional-presence-2026.json'), JSON.stringify(json));
		const lines: string[] = [];
		await bootstrap(
			t.db,
			loadConfig({ DATABASE_URL: 'unused', ADMIN_PASSWORD: 'a long enough password', PUBLIC_URL: 'http://survey.test', SURVEYS_DIR: dir }),
			(l) => lines.push(l)
		);
		expect((await t.db.selectFrom('edition').select('state').where('slug', '=', 'rp-2026').executeTakeFirstOrThrow()).state).toBe('draft');
		expect(lines.join('\n')).toMatch(/rp-2026 created as a draft: .*translations are incomplete.*\(ar\): 1 missing/);
	});

	it('counts invitations by region', async () => {
		await bootstrap(t.db, config(), () => {});
		await inviteEntity(t.db, 'rp-2026', 'MS-FRA', 'http://x');
		const status = await editionStatus(t.db, 'rp-2026');
		expect(status.total.invited).toBe(2);
		expect(status.byRegion.map((r) => r.region).sort()).toEqual(['AFR', 'EUR']);
	});
});

describe('questionnaire import', () => {
	it('refuses a malformed file with the position, and imports nothing', async () => {
		const error = await importQuestionnaire(t.db, 'broken', '{\n  "pages": [\n    {"name": "p1",, }\n  ]\n}', null).catch((e) => e);
		expect(error).toBeInstanceOf(InvalidInputError);
		expect(error.message).toMatch(/line 3/);
		expect(await count('questionnaire')).toBe(0);
	});

	it('refuses a questionnaire with lint errors and lists them', async () => {
		const json = JSON.stringify({
			pages: [
				{
					name: 'p1',
					elements: [
						{ type: 'my-widget', name: 'p' },
						{ type: 'text', name: 'a' },
						{ type: 'text', name: 'a' }
					]
				}
			]
		});
		const error = await importQuestionnaire(t.db, 'lint', json, null).catch((e) => e);
		expect(error).toBeInstanceOf(InvalidInputError);
		expect(error.details.join('\n')).toMatch(/renderer\/custom-type/);
		expect(await count('questionnaire')).toBe(0);
	});

	it('skips a bad file in surveys/ but imports the good one, and does not re-version an unchanged file', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'rps-surveys-'));
		copyFileSync('surveys/regional-presence-2026.json', join(dir, 'good.json'));
		writeFileSync(join(dir, 'bad.json'), '{"pages": [');
		const log: string[] = [];
		expect(await importSurveysDir(t.db, dir, (l) => log.push(l))).toHaveLength(1);
		expect(log[0]).toMatch(/bad\.json refused/);
		await importSurveysDir(t.db, dir, () => {});
		expect(await count('questionnaire')).toBe(1);
	});
});
