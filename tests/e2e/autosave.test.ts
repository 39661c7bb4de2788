import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { newLink, startServer, type RunningServer } from '../helpers/server.ts';
import { answerPage, submitAndWait } from '../helpers/answer.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
	server = await startServer();
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

const linkFor = (entity: string) => newLink(server, entity);

function answersOf(entity: string): Record<string, unknown> {
	const db = new Database(server.dbPath, { readonly: true });
	try {
		const row = db.prepare('select r.answers_json from response r join entity e on e.id = r.entity_id where e.code = ?').get(entity) as
			{ answers_json: string } | undefined;
		return row ? JSON.parse(row.answers_json) : {};
	} finally {
		db.close();
	}
}

const statusClass = (page: Page) => page.locator('#save-status').getAttribute('class');

async function toSuggestions(page: Page, link: string): Promise<void> {
	await page.goto(link);
	for (let i = 0; i < 4; i++) {
		await answerPage(page);
		await submitAndWait(page, page.locator('.actions button.primary'));
	}
	await page.locator('textarea[name=suggestions]').waitFor();
}

describe('autosave with JavaScript', () => {
	it('saves a comment as it is typed, without any button, and says so', async () => {
		const page = await browser.newPage();
		await toSuggestions(page, await linkFor('MS-IND'));
		await page.locator('textarea[name=suggestions]').fill('Plus de formations à distance');
		await expect.poll(() => statusClass(page), { timeout: 10_000 }).toBe('save-status saved');
		expect(answersOf('MS-IND').suggestions).toBe('Plus de formations à distance');
		await page.close();
	});

	it('keeps an answer through a failed save and retries until it is stored', async () => {
		const page = await browser.newPage();
		await toSuggestions(page, await linkFor('MS-PER'));
		let failures = 0;
		await page.route('**/autosave', (route) => (failures++ < 1 ? route.abort('connectionreset') : route.continue()));
		await page.locator('textarea[name=suggestions]').fill('Reintento tras un corte');
		await expect.poll(() => statusClass(page), { timeout: 10_000 }).toBe('save-status retrying');
		await expect.poll(() => statusClass(page), { timeout: 15_000 }).toBe('save-status saved');
		expect(answersOf('MS-PER').suggestions).toBe('Reintento tras un corte');
		await page.close();
	});

	it('tells a colleague on the same link that someone else saved in between', async () => {
		const link = await linkFor('MS-NGA');
		const first = await browser.newPage();
		await toSuggestions(first, link);
		const second = await browser.newPage();
		await second.goto(link + '?page=4');
		await first.locator('textarea[name=suggestions]').fill('From the first colleague');
		await expect.poll(() => statusClass(first), { timeout: 10_000 }).toBe('save-status saved');
		await second.locator('textarea[name=suggestions]').fill('From the second colleague');
		await expect.poll(() => statusClass(second), { timeout: 10_000 }).toBe('save-status conflict');
		expect(answersOf('MS-NGA').suggestions).toBe('From the second colleague');
		await first.close();
		await second.close();
	});
});
