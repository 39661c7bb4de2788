import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlAll, sqlRun } from '../helpers/sql.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { get, seedUsers, signInCookie } from '../helpers/access-http.ts';

/**
 * Questionnaire library, editor, preview and publish over real HTTP against the built
 * server, with each refusal: nothing is stored when something is refused.
 */
const PASSWORD = 'authoring password 2026';
let server: RunningServer;
let admin: string;
let author: string;
let coordinator: string;

/** Reads the server's database, SQLite or PostgreSQL (tests/helpers/sql.ts). */
function query<T>(sql: string, ...args: unknown[]): Promise<T[]> {
	return sqlAll<T>(server.dbPath, sql, ...args);
}
const draftOf = async (slug: string) =>
	(
		await await query<{ id: string; revision: number; definition_json: string; base_questionnaire_id: string | null }>(
			'select * from questionnaire_draft where slug = ?',
			slug
		)
	)[0];

function post(path: string, body: Record<string, string> | FormData, cookie: string): Promise<Response> {
	const isForm = body instanceof FormData;
	return fetch(server.url + path, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'text/html', origin: server.url, cookie, ...(isForm ? {} : { 'content-type': 'application/x-www-form-urlencoded' }) },
		body: isForm ? body : new URLSearchParams(body).toString()
	});
}

function upload(slug: string, name: string, text: string): FormData {
	const form = new FormData();
	form.set('slug', slug);
	form.set('file', new File([text], name, { type: 'application/json' }));
	return form;
}

const decode = (html: string) =>
	html
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');

beforeAll(async () => {
	// adapter-node refuses bodies over BODY_SIZE_LIMIT (512 KB by default) with 413 before any action; raised here to reach our 2 MB limit.
	server = await startServer({ ADMIN_PASSWORD: PASSWORD, ADMIN_EMAIL: 'admin@authoring.example.org', BODY_SIZE_LIMIT: '4M' });
	await seedUsers(
		server.dbPath,
		[
			{ email: 'author@authoring.example.org', role: 'author' },
			{ email: 'coord@authoring.example.org', role: 'coordinator' }
		],
		PASSWORD
	);
	admin = await signInCookie(server.url, 'admin@authoring.example.org', PASSWORD);
	author = await signInCookie(server.url, 'author@authoring.example.org', PASSWORD);
	coordinator = await signInCookie(server.url, 'coord@authoring.example.org', PASSWORD);
}, 60_000);
afterAll(async () => {
	await server?.stop();
});

describe('library → draft → edit → publish → edition', () => {
	it('lists the 2026 questionnaire with its edition', async () => {
		const res = await get(`${server.url}/admin/questionnaires`, author);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('regional-presence-2026');
		expect(html).toContain('rp-2026');
	});

	it('copies the 2026 questionnaire into a new draft, based on 2026 v1', async () => {
		const res = await post('/admin/questionnaires?/duplicate', { source: 'regional-presence-2026@v1', slug: 'rp-2030' }, author);
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/admin/questionnaires/rp-2030/edit');
		const draft = (await draftOf('rp-2030'))!;
		const v1 = (await query<{ id: string }>("select id from questionnaire where slug = 'regional-presence-2026' and version = 1"))[0]!;
		expect(draft.base_questionnaire_id).toBe(v1.id);
		expect(draft.revision).toBe(1);
		expect(await query("select * from audit_log where action = 'questionnaire.draft_create'")).toHaveLength(1);
	});

	it('refuses a slug already used', async () => {
		const res = await post('/admin/questionnaires?/duplicate', { source: 'regional-presence-2026@v1', slug: 'regional-presence-2026' }, author);
		expect(res.status).toBe(409);
		expect(await res.text()).toContain('already used');
	});

	it('adds a question and a second one shown only on a condition', async () => {
		let res = await post(
			'/admin/questionnaires/rp-2030/edit?/addQuestion',
			{ revision: '1', page: '0', type: 'radiogroup', name: 'wants_followup', title: 'Would you like a follow-up call?' },
			author
		);
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toContain('q=wants_followup');
		res = await post(
			'/admin/questionnaires/rp-2030/edit?/addQuestion',
			{ revision: '2', page: '0', type: 'comment', name: 'followup_topic', title: 'What should the call be about?' },
			author
		);
		expect(res.status).toBe(303);
		res = await post(
			'/admin/questionnaires/rp-2030/edit?/update&q=followup_topic',
			{
				revision: '3',
				original: 'followup_topic',
				name: 'followup_topic',
				title: 'What should the call be about?',
				visibleIf: "{wants_followup} = 'yes'",
				criteria: 'relevance'
			},
			author
		);
		expect(res.status).toBe(303);
		const json = JSON.parse((await draftOf('rp-2030'))!.definition_json);
		const page0 = json.pages[0].elements.map((e: { name: string }) => e.name);
		expect(page0.slice(-2)).toEqual(['wants_followup', 'followup_topic']);
		expect(json.pages[0].elements.at(-1)).toMatchObject({ visibleIf: "{wants_followup} = 'yes'", criteria: ['relevance'] });
		expect((await draftOf('rp-2030'))!.revision).toBe(4);
		const editor = decode(await (await get(`${server.url}/admin/questionnaires/rp-2030/edit?q=followup_topic`, author)).text());
		// The expression helper lists the questions before it, with their values.
		expect(editor).toMatch(
			/<code>\{wants_followup\}<\/code>[^<]*Would you like a follow-up call\?(<!--[^>]*-->|: )*<code>yes<\/code>(<!--[^>]*-->|, )*<code>no<\/code>/
		);
	});

	it('refuses a stale revision, changes nothing and shows the input back', async () => {
		const res = await post(
			'/admin/questionnaires/rp-2030/edit?/addQuestion',
			{ revision: '1', page: '0', type: 'text', name: 'stale_question', title: 'Typed by a second author' },
			admin
		);
		expect(res.status).toBe(409);
		const html = decode(await res.text());
		expect(html).toContain('Someone saved this draft');
		expect(html).toContain('value="Typed by a second author"');
		expect((await draftOf('rp-2030'))!.revision).toBe(4);
		expect((await draftOf('rp-2030'))!.definition_json).not.toContain('stale_question');
	});

	it('refuses malformed JSON at its line and column, changing nothing', async () => {
		const before = (await draftOf('rp-2030'))!;
		const res = await post('/admin/questionnaires/rp-2030/edit?/json', { revision: '4', json: '{\n  "pages": [\n    oops\n  ]\n}' }, author);
		expect(res.status).toBe(400);
		const html = decode(await res.text());
		expect(html).toContain('line 3, column 5');
		expect(html).toContain('oops'); // the author's text comes back
		expect(await draftOf('rp-2030')).toEqual(before);
	});

	it('refuses an unknown property and an unsupported type in the JSON view, pointing at the element', async () => {
		const json = JSON.parse((await draftOf('rp-2030'))!.definition_json);
		json.pages[0].elements[0].colour = 'red';
		let res = await post('/admin/questionnaires/rp-2030/edit?/json', { revision: '4', json: JSON.stringify(json) }, author);
		expect(res.status).toBe(400);
		let html = decode(await res.text());
		expect(html).toContain('pages[0].elements[0].colour');
		expect(html).toContain('property/unknown');
		delete json.pages[0].elements[0].colour;
		json.pages[0].elements[0].type = 'my-widget';
		res = await post('/admin/questionnaires/rp-2030/edit?/json', { revision: '4', json: JSON.stringify(json) }, author);
		expect(res.status).toBe(400);
		html = decode(await res.text());
		expect(html).toContain('renderer/custom-type');
		expect((await draftOf('rp-2030'))!.revision).toBe(4);
	});

	it('refuses an unsupported type in the add form', async () => {
		const res = await post(
			'/admin/questionnaires/rp-2030/edit?/addQuestion',
			{ revision: '4', page: '0', type: 'my-widget', name: 'sig', title: 'Sign' },
			author
		);
		expect(res.status).toBe(400);
		expect((await draftOf('rp-2030'))!.revision).toBe(4);
	});

	it('refuses malformed and invalid uploads whole, storing nothing', async () => {
		let res = await post('/admin/questionnaires?/import', upload('broken-one', 'broken.json', '{"title": "x",\n "pages": [}'), author);
		expect(res.status).toBe(400);
		expect(decode(await res.text())).toContain('line 2, column 12');
		res = await post(
			'/admin/questionnaires?/import',
			upload('broken-two', 'odd.json', JSON.stringify({ title: 'x', pages: [{ name: 'p', elements: [{ type: 'my-widget', name: 'sig' }] }] })),
			author
		);
		expect(res.status).toBe(400);
		expect(decode(await res.text())).toContain('renderer/custom-type');
		expect(await query("select * from questionnaire_draft where slug like 'broken-%'")).toEqual([]);
	});

	it('imports a file of surveys/ as a draft', async () => {
		const form = new FormData();
		form.set('slug', 'imported-2026');
		form.set('surveysFile', 'regional-presence-2026.json');
		const res = await post('/admin/questionnaires?/import', form, author);
		expect(res.status).toBe(303);
		expect(await draftOf('imported-2026')).toBeTruthy();
	});

	it('previews the draft in Arabic, right to left, with the condition applied', async () => {
		let res = await get(`${server.url}/admin/questionnaires/rp-2030/preview?lang=ar`, author);
		expect(res.status).toBe(200);
		let html = await res.text();
		expect(html).toMatch(/<html[^>]*dir="rtl"/);
		expect(html).toContain('Would you like a follow-up call?');
		// The renderer draws a hidden question with `hidden` (its script shows it at once).
		const topic = () => /<div[^>]*class="question"[^>]*>(?:(?!<div class="question")[\s\S])*?What should the call be about\?/.exec(html)?.[0] ?? '';
		expect(topic()).toMatch(/hidden/);
		const form = new FormData();
		for (const [k, v] of Object.entries({ _action: 'save', _page: '0', _revision: '0', _answers: '{}', wants_followup: 'yes' })) form.set(k, v);
		res = await post('/admin/questionnaires/rp-2030/preview?lang=ar', form, author);
		expect(res.status).toBe(200);
		html = await res.text();
		expect(topic()).toContain('What should the call be about?');
		expect(topic()).not.toMatch(/\shidden/);
		expect((await draftOf('rp-2030'))!.revision).toBe(4);
		expect(await query('select * from response')).toHaveLength(0);
	});

	it('refuses to publish a draft with a lint error, and keeps it', async () => {
		// An unresolved {reference} is only a warning now, as survey-core treats it (issue 18): a type the renderer does not draw is an error.
		const bad = { title: 'Bad', pages: [{ name: 'p', elements: [{ type: 'my-widget', name: 'a' }] }] };
		await sqlRun(
			server.dbPath,
			"insert into questionnaire_draft (id, slug, title, definition_json, base_questionnaire_id, revision, created_by, created_at, updated_by, updated_at) values ('d-bad', 'bad-draft', 'Bad', ?, null, 1, 't', '2026-11-27T00:00:00Z', 't', '2026-11-27T00:00:00Z')",
			JSON.stringify(bad)
		);
		const res = await post('/admin/questionnaires/bad-draft?/publish', { revision: '1' }, author);
		expect(res.status).toBe(400);
		expect(decode(await res.text())).toContain('has type "my-widget", a custom question type');
		expect(await query("select * from questionnaire where slug = 'bad-draft'")).toEqual([]);
	});

	it('publishes the draft as v1 and carries the base forward', async () => {
		const stale = await post('/admin/questionnaires/rp-2030?/publish', { revision: '3' }, author);
		expect(stale.status).toBe(409);
		const res = await post('/admin/questionnaires/rp-2030?/publish', { revision: '4' }, author);
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/admin/questionnaires/rp-2030?published=v1');
		const [v1] = await query<{ id: string; version: number; definition_json: string }>("select * from questionnaire where slug = 'rp-2030'");
		expect(v1!.version).toBe(1);
		expect(v1!.definition_json).toContain('followup_topic');
		expect((await draftOf('rp-2030'))!.base_questionnaire_id).toBe(v1!.id);
		expect(await query("select * from audit_log where action = 'questionnaire.publish' and target_id = ?", v1!.id)).toHaveLength(1);
		const again = await post('/admin/questionnaires/rp-2030?/publish', { revision: '5' }, author);
		expect(again.status).toBe(409);
		expect(await again.text()).toContain('nothing to publish');
	});

	it('warns about a renamed question and shows a readable diff', async () => {
		const json = JSON.parse((await draftOf('rp-2030'))!.definition_json);
		const q = json.pages[0].elements.find((e: { name: string }) => e.name === 'wants_followup');
		const res = await post(
			'/admin/questionnaires/rp-2030/edit?/update&q=wants_followup',
			{ revision: '5', original: 'wants_followup', name: 'followup_wanted', title: 'Would you like a follow-up call?', choices: 'yes|Yes please\nno|No' },
			author
		);
		expect(res.status).toBe(303);
		expect(q).toBeTruthy();
		const page = decode(await (await get(`${server.url}/admin/questionnaires/rp-2030?from=v1&to=draft`, author)).text());
		expect(page).toContain('"wants_followup" looks renamed to "followup_wanted": this breaks wave comparison with rp-2030 v1');
		expect(page).toMatch(/<strong>followup_wanted<\/strong>: added/);
		expect(page).toMatch(/<strong>wants_followup<\/strong>: removed/);
		// The condition that read the old name now reads the new one.
		expect((await draftOf('rp-2030'))!.definition_json).toContain("{followup_wanted} = 'yes'");
	});

	it('exports a version as a JSON download', async () => {
		const res = await get(`${server.url}/admin/questionnaires/rp-2030/export?v=v1`, author);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-disposition')).toContain('rp-2030-v1.json');
		expect((await res.json()).pages[0].elements.at(-1).name).toBe('followup_topic');
	});

	it('creates an edition pinning v1, as a draft; refuses a bad date', async () => {
		const bad = await post(
			'/admin/questionnaires/rp-2030?/createEdition',
			{ version: 'v1', slug: 'rp-2030-ed', title: 'Survey 2030', opens: 'soon', closes: '' },
			author
		);
		expect(bad.status).toBe(400);
		expect(await query("select * from edition where slug = 'rp-2030-ed'")).toEqual([]);
		const res = await post(
			'/admin/questionnaires/rp-2030?/createEdition',
			{ version: 'v1', slug: 'rp-2030-ed', title: 'Survey 2030', opens: '2030-01-10T00:00', closes: '2030-03-01T00:00' },
			author
		);
		expect(res.status).toBe(303);
		const [edition] = await query<{ state: string; questionnaire_id: string; opens_at: string }>("select * from edition where slug = 'rp-2030-ed'");
		const v1 = (await query<{ id: string }>("select id from questionnaire where slug = 'rp-2030' and version = 1"))[0]!;
		expect(edition).toMatchObject({ state: 'draft', questionnaire_id: v1.id, opens_at: '2030-01-10T00:00:00.000Z' });
	});
});

describe('a role without questionnaires.author', () => {
	const pages = [
		'/admin/questionnaires',
		'/admin/questionnaires/rp-2030',
		'/admin/questionnaires/rp-2030/edit',
		'/admin/questionnaires/rp-2030/preview',
		'/admin/questionnaires/rp-2030/export?v=v1'
	];
	it.each(pages)('gets 403 on GET %s', async (path) => {
		expect((await get(server.url + path, coordinator)).status).toBe(403);
	});
	const actions = [
		'/admin/questionnaires?/create',
		'/admin/questionnaires?/duplicate',
		'/admin/questionnaires?/import',
		'/admin/questionnaires/rp-2030?/publish',
		'/admin/questionnaires/rp-2030?/createEdition',
		'/admin/questionnaires/rp-2030?/startDraft',
		'/admin/questionnaires/rp-2030/edit?/addQuestion',
		'/admin/questionnaires/rp-2030/edit?/update',
		'/admin/questionnaires/rp-2030/edit?/json',
		'/admin/questionnaires/rp-2030/preview'
	];
	it.each(actions)('gets 403 on POST %s and nothing changes', async (path) => {
		const before = await draftOf('rp-2030');
		const res = await post(
			path,
			{ revision: String(before!.revision), slug: 'forbidden-x', title: 'x', source: 'rp-2030@v1', page: '0', type: 'text', name: 'x', json: '{}' },
			coordinator
		);
		expect(res.status).toBe(403);
		expect(await draftOf('rp-2030')).toEqual(before);
		expect(await query("select * from questionnaire_draft where slug = 'forbidden-x'")).toEqual([]);
	});
});

describe('pages, removal and limits', () => {
	const rev = async () => String((await draftOf('imported-2026'))!.revision);
	const pageNames = async () => JSON.parse((await draftOf('imported-2026'))!.definition_json).pages.map((p: { name: string }) => p.name) as string[];

	it('adds, moves and removes a page; a page with questions is not removed', async () => {
		let res = await post('/admin/questionnaires/imported-2026/edit?/addPage', { revision: await rev(), name: 'closing', title: 'Closing' }, author);
		expect(res.status).toBe(303);
		expect((await pageNames()).at(-1)).toBe('closing');
		res = await post('/admin/questionnaires/imported-2026/edit?/movePage', { revision: await rev(), page: '5', direction: 'up' }, author);
		expect(res.status).toBe(303);
		expect((await pageNames()).slice(-2)).toEqual(['closing', 'overall_assessment']);
		res = await post('/admin/questionnaires/imported-2026/edit?/removePage', { revision: await rev(), page: '5' }, author);
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('still has questions');
		res = await post('/admin/questionnaires/imported-2026/edit?/removePage', { revision: await rev(), page: '4' }, author);
		expect(res.status).toBe(303);
		expect(await pageNames()).not.toContain('closing');
	});

	it('removes a question after the confirmation step; a condition reading it refuses the removal', async () => {
		const confirm = await (await get(`${server.url}/admin/questionnaires/imported-2026/edit?remove=suggestions`, author)).text();
		expect(confirm).toContain('id="confirm-remove"');
		let res = await post('/admin/questionnaires/imported-2026/edit?/remove', { revision: await rev(), name: 'suggestions' }, author);
		expect(res.status).toBe(303);
		expect((await draftOf('imported-2026'))!.definition_json).not.toContain('"suggestions"');
		// overall_reason's condition reads overall_satisfaction: removing it would leave an error.
		const before = await draftOf('imported-2026');
		res = await post('/admin/questionnaires/imported-2026/edit?/remove', { revision: await rev(), name: 'overall_satisfaction' }, author);
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('reference/unknown');
		expect(await draftOf('imported-2026')).toEqual(before);
	});

	it('applies a valid JSON view as a whole', async () => {
		const json = JSON.parse((await draftOf('imported-2026'))!.definition_json);
		json.title = { ...json.title, default: 'Survey 2034' };
		json.pages[0].elements[0].description = 'Choose one.';
		const res = await post('/admin/questionnaires/imported-2026/edit?/json', { revision: await rev(), json: JSON.stringify(json) }, author);
		expect(res.status).toBe(303);
		const saved = JSON.parse((await draftOf('imported-2026'))!.definition_json);
		expect(saved.pages[0].elements[0].description).toBe('Choose one.');
		expect((await query<{ title: string }>("select title from questionnaire_draft where slug = 'imported-2026'"))[0]!.title).toBe('Survey 2034');
	});

	it('refuses a file over 2 MB and one nested too deep, storing nothing', async () => {
		const big = JSON.stringify({ title: 'x', description: 'a'.repeat(2 * 1024 * 1024), pages: [] });
		let res = await post('/admin/questionnaires?/import', upload('too-big', 'big.json', big), author);
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('larger than 2 MB');
		const deep = `{"title":"x","pages":[],"x":${'['.repeat(40)}${']'.repeat(40)}}`;
		res = await post('/admin/questionnaires?/import', upload('too-deep', 'deep.json', deep), author);
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('nested deeper');
		expect(await query("select * from questionnaire_draft where slug in ('too-big', 'too-deep')")).toEqual([]);
	});

	it('audits every write with the author', async () => {
		const rows = await query<{ action: string; actor: string; actor_user_id: string | null }>(
			"select action, actor, actor_user_id from audit_log where (action like 'questionnaire.%' or action = 'edition.create') and actor != 'system'"
		);
		expect(new Set(rows.map((a) => a.action))).toEqual(
			new Set(['questionnaire.draft_create', 'questionnaire.draft_edit', 'questionnaire.draft_json', 'questionnaire.publish', 'edition.create'])
		);
		expect(rows.every((a) => a.actor === 'author@authoring.example.org' && a.actor_user_id)).toBe(true);
	});
});
