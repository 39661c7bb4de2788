import { afterAll, beforeAll } from 'vitest';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';
import { createEditionFromFile } from './seed.ts';

/** What `fixtureSite` gives a test once its beforeAll has run. */
export interface FixtureSite {
	server: RunningServer;
	browser: Browser;
	/** What the CLI prints when it creates the edition. */
	created: string;
}

/**
 * The set-up the SurveyJS end-to-end tests share: the built server, Chromium, and one
 * edition made from a questionnaire fixture (English only, so the translation gate is
 * overridden with a reason). Registers its own beforeAll/afterAll; read the fields in tests.
 */
export function fixtureSite(fixture: string, slug: string): FixtureSite {
	const site = {} as FixtureSite;
	beforeAll(async () => {
		site.server = await startServer();
		site.browser = await launchBrowser();
		// What `cli edition:create --override-translations` does, without a CLI process (~3.5 s of CPU).
		site.created = await createEditionFromFile(site.server, fixture, slug, 'test fixture in English only');
	});
	afterAll(async () => {
		await site.browser?.close();
		await site.server?.stop();
	});
	return site;
}

/** The answers stored for an entity's response in an edition, read from the server's SQLite file. */
export function storedAnswers(server: RunningServer, slug: string, entity: string): Record<string, unknown> {
	const db = new Database(server.dbPath, { readonly: true });
	try {
		const row = db
			.prepare(
				`select r.answers_json from response r join entity e on e.id = r.entity_id join edition d on d.id = r.edition_id where e.code = ? and d.slug = ?`
			)
			.get(entity, slug) as { answers_json: string };
		return JSON.parse(row.answers_json);
	} finally {
		db.close();
	}
}
