import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Parser } from 'htmlparser2';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { demoResponses, inviteAll, releaseEdition } from '../helpers/seed.ts';
import { get, seedUsers, signInCookie } from '../helpers/access-http.ts';
import { LOCALES, type Locale } from '../../src/lib/domain/locales.ts';
import { ROLES, homeFor } from '../../src/lib/domain/access/permissions.ts';
import { REGISTRY_KINDS, SECTOR_CODES } from '../../src/lib/domain/registry/registry-rows.ts';
import { EDITION_STATES } from '../../src/lib/domain/invitation/edition-lifecycle.ts';
import { RESPONDENT_STATES } from '../../src/lib/domain/invitation/respondent-list.ts';
import { CELL_STATUSES } from '../../src/lib/domain/translation/status.ts';
import { MAIL_KINDS } from '../../src/lib/domain/mail/mail-kinds.ts';
import { DIMENSIONS } from '../../src/lib/domain/analysis/dimensions.ts';
import { SUPPORTED_QUESTION_TYPES } from '../../src/lib/domain/survey/supported-types.ts';
import offices from '../../src/lib/server/reference/offices.json' with { type: 'json' };

/**
 * Labels, never codes (issue 14 item 4), held by a crawl over plain HTTP (no browser: it
 * stays fast). Each Secretariat role (the author is also the translator: translation is
 * its right) signs in, follows its pages' links from /admin (same origin, GET, bounded,
 * one address per shape), then reads those pages in all six languages. A page fails on:
 * an ISO timestamp in its visible text; a code of the domain's enums (snake_case or
 * kebab-case anywhere, single words like "draft" on a non-English page); a locale code
 * standing alone; an English catalogue string on a non-English page.
 * Visible text: the markup's text outside <style>/<script>, plus title, aria-label, alt, placeholder.
 */
const PASSWORD = 'labels crawl password 2026';
const email = (role: string, lang: Locale) => `${role.replace('_', '-')}.${lang}@labels.example.org`;
/** Downloads and pages with an effect are not crawled. */
const SKIP = /\.(csv|png|json|xlsx|pdf|docx|zip|sps|do|R|xlf|xliff)$|\/export|\/frame|\/reports\/\d|\/logout|\/lint$/;
const MAX_PAGES_PER_ROLE = 30;
const SETUP_TIMEOUT_MS = 240_000;
const CRAWL_TIMEOUT_MS = 120_000;

// ---- what a reader must not see -------------------------------------------------------

/** Every code the domain stores, from its own enums and reference data (not hand-picked). */
const DOMAIN_CODES: readonly string[] = [
	...REGISTRY_KINDS,
	...SECTOR_CODES,
	...EDITION_STATES,
	...RESPONDENT_STATES,
	...CELL_STATUSES,
	...MAIL_KINDS,
	...DIMENSIONS,
	...ROLES,
	...SUPPORTED_QUESTION_TYPES,
	...offices.items.map((o) => o.code)
];
/**
 * The states a page shows in tables and notices, and the question types: single English
 * words (or SurveyJS codes) a non-English reader must never meet as such. The other
 * single-word codes (region, language, invitation…) are ordinary words of some language.
 */
const STATE_CODES: readonly string[] = [...EDITION_STATES, ...RESPONDENT_STATES, ...CELL_STATUSES, ...SUPPORTED_QUESTION_TYPES, 'published'];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordsOf = (codes: readonly string[]) => new RegExp(`(?<![\\p{L}\\p{N}_-])(${[...new Set(codes)].map(escape).join('|')})(?![\\p{L}\\p{N}_-])`, 'u');
/** snake_case and kebab-case codes are never words of any language. */
const COMPOUND_CODES = wordsOf(DOMAIN_CODES.filter((c) => /[_-]/.test(c)));
const ISO_TIMESTAMP = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const LOCALE_CODE = new RegExp(`^(${[...LOCALES, 'zh-cn', 'default'].join('|')})$`, 'i');
/** E-mail addresses and web addresses are data, not words: "admin.fr@…" is no role code. */
const ADDRESSES = /\S+@\S+|https?:\/\/\S+/g;

const catalogue = (lang: Locale) => JSON.parse(readFileSync(`messages/${lang}.json`, 'utf8')) as Record<string, string>;
const EN = catalogue('en');

interface LanguageRules {
	/** English catalogue strings (two words or more, translated differently), as whole-text patterns. */
	english: { key: string; pattern: RegExp }[];
	/** State codes that are not also a word of this language's own catalogue ("machine" is French). */
	states: RegExp | null;
}
function rulesFor(lang: Locale): LanguageRules {
	if (lang === 'en') return { english: [], states: null };
	const other = catalogue(lang);
	const english = Object.entries(EN)
		.filter(([key, text]) => key !== '$schema' && other[key] && other[key] !== text)
		.filter(
			([, text]) =>
				text
					.replace(/\{[^}]*\}/g, '')
					.trim()
					.split(/\s+/)
					.filter((w) => /[a-z]{2}/i.test(w)).length >= 2
		)
		.map(([key, text]) => ({
			key,
			pattern: new RegExp(
				`^${text
					.split(/\{[^}]*\}/)
					.map(escape)
					.join('.+')}$`,
				's'
			)
		}));
	// Only a Latin-script language can own such a word ("machine" is French); placeholders ({invited}) are no words.
	const latin = lang === 'fr' || lang === 'es';
	const ownWords = new Set(
		latin
			? Object.values(other).flatMap((t) =>
					t
						.replace(/\{[^}]*\}/g, ' ')
						.toLowerCase()
						.split(/[^\p{L}]+/u)
				)
			: []
	);
	return { english, states: wordsOf(STATE_CODES.filter((c) => !ownWords.has(c))) };
}

interface Piece {
	text: string;
	/** Inside <code>, <kbd>, <samp> or <pre>: a code shown as a code on purpose (a file's column, JSON). */
	code: boolean;
	/** The language the markup declares for it (lang=""), e.g. a respondent's comment, an e-mail as sent. */
	lang: string | null;
}

/** The page's visible text, piece by piece (text nodes and the attributes a reader meets). */
function visibleText(html: string): Piece[] {
	const pieces: Piece[] = [];
	let hidden = 0;
	let code = 0;
	const langs: (string | null)[] = [];
	const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
	const here = () => langs.findLast((l) => l !== null) ?? null;
	const parser = new Parser(
		{
			onopentag(name, attrs) {
				if (name === 'style' || name === 'script' || name === 'template') hidden++;
				if (name === 'code' || name === 'kbd' || name === 'samp' || name === 'pre') code++;
				if (!VOID.has(name)) langs.push(attrs.lang ?? null);
				for (const a of ['title', 'aria-label', 'alt', 'placeholder'])
					if (attrs[a]) pieces.push({ text: attrs[a], code: code > 0, lang: attrs.lang ?? here() });
			},
			onclosetag(name) {
				if (name === 'style' || name === 'script' || name === 'template') hidden--;
				if (name === 'code' || name === 'kbd' || name === 'samp' || name === 'pre') code--;
				if (!VOID.has(name)) langs.pop();
			},
			ontext(text) {
				if (hidden === 0 && text.trim()) pieces.push({ text, code: code > 0, lang: here() });
			}
		},
		{ decodeEntities: true }
	);
	parser.write(html);
	parser.end();
	// Bidi isolation marks are how a code is *isolated*, not hidden: strip them before reading.
	return pieces.map((p) => ({ ...p, text: p.text.replace(/[\u2066-\u2069\u200e\u200f]/g, '').trim() })).filter((p) => p.text);
}

function problemsOf(path: string, lang: Locale, html: string, rules: LanguageRules): string[] {
	const problems: string[] = [];
	const at = (what: string) => problems.push(`${lang} ${path}: ${what}`);
	for (const { text, code, lang: declared } of visibleText(html)) {
		const quoted = `"${text.slice(0, 80)}"`;
		if (ISO_TIMESTAMP.test(text)) at(`ISO timestamp in ${quoted}`);
		if (code) continue;
		const words = text.replace(ADDRESSES, ' ');
		const compound = COMPOUND_CODES.exec(words);
		if (compound) at(`code ${compound[1]} in ${quoted}`);
		if (LOCALE_CODE.test(words.trim())) at(`locale code ${quoted} alone`);
		// Text the markup says is in another language (a respondent's comment, an e-mail as its recipient gets it) is quoted, not a label.
		if (declared && !declared.toLowerCase().startsWith(lang)) continue;
		const state = rules.states?.exec(words);
		if (state) at(`code ${state[1]} in ${quoted}`);
		const english = rules.english.find((e) => e.pattern.test(text));
		if (english) at(`English ${quoted} (${english.key})`);
	}
	return problems;
}

// ---- the crawl ------------------------------------------------------------------------

let server: RunningServer;

const shape = (path: string) => path.replace(/\?.*$/, '').replace(/\/\d+(?=\/|$)/g, '/:n');

/** The /admin pages a role reaches from its home by links (breadth first, one per shape). */
async function reachable(cookie: string, home: string): Promise<Map<string, string>> {
	const pages = new Map<string, string>();
	const queue = [home];
	const seen = new Set(queue.map(shape));
	while (queue.length > 0 && pages.size < MAX_PAGES_PER_ROLE) {
		const path = queue.shift()!;
		const res = await get(`${server.url}${path}`, cookie);
		const moved = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null;
		// A role's home may be elsewhere (the Council reader's /admin leads to its results).
		if (moved && !seen.has(shape(moved)) && moved.startsWith('/admin')) {
			seen.add(shape(moved));
			queue.push(moved);
		}
		if (res.status >= 300 || !res.headers.get('content-type')?.includes('text/html')) continue;
		const html = await res.text();
		pages.set(path, html);
		for (const [, href] of html.matchAll(/<a\b[^>]*?\shref="([^"]+)"/g)) {
			const url = new URL(href!.replace(/&amp;/g, '&'), `${server.url}${path}`);
			if (url.origin !== server.url || !url.pathname.startsWith('/admin') || SKIP.test(url.pathname) || url.search) continue;
			const key = shape(url.pathname);
			if (seen.has(key)) continue;
			seen.add(key);
			queue.push(url.pathname);
		}
	}
	return pages;
}

describe("the crawl's eye", () => {
	it('sees each kind of leak in a page, and leaves codes shown as code, addresses and quoted languages alone', () => {
		const page = `<html><head><style>.member_state{}</style></head><body><main>
			<p>Jusqu'au 2027-01-31T12:00:00.000Z</p><td>member_state</td><td title="RO-AFR">x</td><td>ar</td><td>draft</td>
			<p>${EN.ed_no_respondents}</p><p>brouillon</p><code>in_progress</code><p>member_state.fr@example.org</p>
			<td lang="en">The draft was closed.</td></main></body></html>`;
		const found = problemsOf('/p', 'fr', page, rulesFor('fr')).map((p) => p.replace(/^fr \/p: /, '').split(' ')[0]);
		expect(found.sort(), problemsOf('/p', 'fr', page, rulesFor('fr')).join(' / ')).toEqual(['English', 'ISO', 'code', 'code', 'code', 'code', 'locale'].sort());
	});
});

describe('labels, never codes: every Secretariat page of every role in six languages', () => {
	beforeAll(async () => {
		server = await startServer({ ADMIN_PASSWORD: PASSWORD, ADMIN_EMAIL: email('admin', 'en'), DEMO: '1' });
		const users = ROLES.flatMap((role) =>
			LOCALES.filter((lang) => role !== 'admin' || lang !== 'en').map((language) => ({
				email: email(role, language),
				role,
				language,
				regionCode: role === 'regional_office' ? 'AFR' : undefined
			}))
		);
		await seedUsers(server.dbPath, users, PASSWORD);
		await inviteAll(server);
		await demoResponses(server, 'rp-2026', 12);
		await releaseEdition(server);
	}, SETUP_TIMEOUT_MS);
	afterAll(async () => {
		await server?.stop();
	});

	it.for(ROLES)('%s: no timestamp, code, locale code or English string on its pages', { timeout: CRAWL_TIMEOUT_MS }, async (role) => {
		const problems: string[] = [];
		// The administrator's English user is the one the server makes at start (ADMIN_EMAIL).
		const enCookie = await signInCookie(server.url, email(role, 'en'), PASSWORD);
		const pages = await reachable(enCookie, homeFor({ role, region_code: role === 'regional_office' ? 'AFR' : null }));
		expect(pages.size, `${role} reaches pages`).toBeGreaterThan(1);
		for (const [path, html] of pages) problems.push(...problemsOf(path, 'en', html, rulesFor('en')));
		for (const lang of LOCALES.filter((l) => l !== 'en')) {
			const cookie = await signInCookie(server.url, email(role, lang), PASSWORD);
			const rules = rulesFor(lang);
			for (const path of pages.keys()) {
				const res = await get(`${server.url}${path}`, cookie);
				expect(res.status, `${lang} ${path}`).toBeLessThan(400);
				problems.push(...problemsOf(path, lang, await res.text(), rules));
			}
		}
		// The whole list in a file a reviewer can read (the assertion's diff is cut short).
		mkdirSync('test-results', { recursive: true });
		writeFileSync(`test-results/labels-crawl-${role}.txt`, [...new Set(problems)].join('\n'));
		expect([...new Set(problems)]).toEqual([]);
	});
});
