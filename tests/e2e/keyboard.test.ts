import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { newLink, startServer, type RunningServer } from '../helpers/server.ts';

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

interface Focused {
	tag: string;
	type: string;
	checked: boolean;
	name: string;
	primary: boolean;
	groupChecked: boolean;
}

async function focused(page: Page): Promise<Focused> {
	return page.evaluate(() => {
		const el = document.activeElement as HTMLInputElement | null;
		const name = el?.getAttribute('name') ?? '';
		return {
			tag: el?.tagName.toLowerCase() ?? '',
			type: el?.getAttribute('type') ?? '',
			checked: Boolean(el?.checked),
			name,
			primary: Boolean(el?.classList.contains('primary')),
			groupChecked: name ? document.querySelectorAll(`input[name="${CSS.escape(name)}"]:checked`).length > 0 : false
		};
	});
}

/** Answers one page with Tab, Space, the arrow keys and typing only, then presses Enter on the primary button. */
async function answerPageByKeyboard(page: Page): Promise<void> {
	const trail: string[] = [];
	for (let presses = 0; presses < 400; presses++) {
		await page.keyboard.press('Tab');
		const f = await focused(page);
		trail.push(`${f.tag}:${f.type}:${f.name}`);
		if (f.primary) {
			const loaded = page.waitForEvent('load');
			await page.keyboard.press('Enter');
			await loaded;
			return;
		}
		if (f.type === 'radio' && !f.groupChecked) await page.keyboard.press('Space');
		else if (f.type === 'checkbox' && !f.groupChecked) await page.keyboard.press('Space');
		else if (f.tag === 'select') await page.keyboard.press('ArrowDown');
		else if (f.tag === 'textarea' || (f.tag === 'input' && ['text', 'email', ''].includes(f.type) && f.name)) await page.keyboard.type('Saisi au clavier');
	}
	throw new Error(`never reached the primary button by Tab on ${page.url()}; focus went: ${trail.slice(0, 60).join(' ')}`);
}

describe('keyboard alone', () => {
	it('completes the whole questionnaire with Tab, Space, arrows, typing and Enter', async () => {
		const link = await newLink(server, 'MS-CIV');
		const page = await browser.newPage();
		await page.goto(link);
		for (let step = 0; step < 20 && !(await page.locator('#done-title').count()); step++) await answerPageByKeyboard(page);
		await expect(page.locator('#done-title').count()).resolves.toBe(1);
		const db = new Database(server.dbPath, { readonly: true });
		const row = db.prepare(`select r.state from response r join entity e on e.id = r.entity_id where e.code = 'MS-CIV'`).get() as { state: string };
		db.close();
		expect(row.state).toBe('submitted');
		await page.close();
	});
});
