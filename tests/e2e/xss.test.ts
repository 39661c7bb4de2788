import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { newLink, startServer, type RunningServer } from '../helpers/server.ts';
import { createEditionFromFile } from '../helpers/seed.ts';
import { answerPage, submitAndWait } from '../helpers/answer.ts';

const PAYLOADS = [
	'<script>alert("t")</script>',
	'<img src=x onerror=alert("i")>',
	'"><svg onload=alert("s")>',
	"javascript:alert('j')",
	'<a href="javascript:alert(\'a\')">x</a>',
	'<style>body{display:none}</style><b onmouseover=alert("m")>b</b>',
	'<iframe srcdoc="<script>alert(1)</script>"></iframe>',
	// Bidi marks only: overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused by the
	// questionnaire lint (src/lib/domain/survey/bidi-controls.test.ts), so they cannot reach a page.
	'\u200Fevil\u200E'
];
const LOCALE_KEYS = ['default', 'ar', 'zh-cn', 'fr', 'ru', 'es'];
let n = 0;
const hostile = () => Object.fromEntries(LOCALE_KEYS.map((k) => [k, `T${n++} ${PAYLOADS[n % PAYLOADS.length]}`]));

/** A questionnaire whose every translatable string, in every language, is an attack. */
const questionnaire = {
	title: hostile(),
	description: hostile(),
	pages: [
		{
			name: 'p1',
			title: hostile(),
			description: hostile(),
			elements: [
				{
					type: 'radiogroup',
					name: 'r',
					title: hostile(),
					description: hostile(),
					choices: [
						{ value: 'a', text: hostile() },
						{ value: 'b', text: hostile() }
					]
				},
				{ type: 'checkbox', name: 'c', title: hostile(), choices: [{ value: 'x', text: hostile() }] },
				{ type: 'matrix', name: 'm', title: hostile(), columns: [{ value: 1, text: hostile() }], rows: [{ value: 'row', text: hostile() }] },
				{ type: 'dropdown', name: 'd', title: hostile(), choices: [{ value: 'z', text: hostile() }] },
				{ type: 'html', name: 'h', html: hostile() },
				{ type: 'text', name: 't', title: hostile(), isRequired: true, requiredErrorText: hostile() }
			]
		}
	]
};

let server: RunningServer;
let browser: Browser;
const ENTITY: Record<string, string> = { en: 'MS-SEN', ar: 'MS-DZA', zh: 'MS-CHN', fr: 'MS-FRA', ru: 'MS-RUS', es: 'MS-ESP' };

beforeAll(async () => {
	server = await startServer();
	browser = await launchBrowser();
	const dir = mkdtempSync(join(tmpdir(), 'rps-xss-'));
	const file = join(dir, 'hostile.json');
	writeFileSync(file, JSON.stringify(questionnaire));
	await createEditionFromFile(server, file, 'hostile');
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

describe('script in questionnaire text never runs', () => {
	it.each(['en', 'ar', 'zh', 'fr', 'ru', 'es'])(
		'in %s: no dialog, no injected element, no CSP violation, on the page, its errors and the review',
		async (locale) => {
			const page = await browser.newPage();
			const incidents: string[] = [];
			page.on('dialog', (d) => {
				incidents.push(`dialog: ${d.message()}`);
				void d.dismiss();
			});
			page.on('console', (m) => {
				if (/Content Security Policy|Refused to/i.test(m.text())) incidents.push(`csp: ${m.text()}`);
			});
			const inspect = async (where: string) => {
				const injected = await page.evaluate(() => ({
					scripts: [...document.scripts].filter((s) => !s.src).length,
					handlers: document.querySelectorAll('[onerror],[onload],[onclick],iframe,svg').length,
					jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => a.getAttribute('href')!.trim().toLowerCase().startsWith('javascript:')).length
				}));
				if (injected.scripts || injected.handlers || injected.jsLinks) incidents.push(`${where}: ${JSON.stringify(injected)}`);
			};
			await page.goto(`${await newLink(server, ENTITY[locale]!, 'hostile')}?lang=${locale}`);
			await inspect('page');
			await submitAndWait(page, page.locator('.actions button.primary'));
			await inspect('page with errors');
			await answerPage(page);
			await submitAndWait(page, page.locator('.actions button.primary'));
			await inspect('review');
			// Wait for the events themselves, not a while: every image has loaded or failed (an
			// injected onerror would have run), then a console marker comes back; console and
			// dialog events arrive in order, so anything the page did before it is in incidents.
			await page.waitForLoadState('load');
			await Promise.all([page.waitForEvent('console', (m) => m.text() === 'xss-check-done'), page.evaluate(() => console.log('xss-check-done'))]);
			expect(incidents).toEqual([]);
			// The attacks are there, shown as the text they are.
			expect(await page.locator('main').innerText()).toMatch(/onerror=|<script>|onload=|srcdoc=/);
			await page.close();
		}
	);
});
