import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlAll } from '../helpers/sql.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { get, seedUsers, signInCookie } from '../helpers/access-http.ts';

/**
 * The editor's live parts over real HTTP against the built server: the JSON view's
 * lint endpoint, the preview frame (saved draft and unsaved JSON), and the panel and
 * page forms, each refusal storing nothing.
 */
const PASSWORD = 'editor live password 2026';
const SLUG = 'rp-live';
let server: RunningServer;
let author: string;
let coordinator: string;

interface DraftRow {
	revision: number;
	definition_json: string;
}
const draft = async () => (await sqlAll<DraftRow>(server.dbPath, 'select revision, definition_json from questionnaire_draft where slug = ?', SLUG))[0]!;
const auditCount = async () => (await sqlAll<{ id: string }>(server.dbPath, 'select id from audit_log'))!.length;
const decode = (html: string) =>
	html
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');

function post(path: string, body: Record<string, string>, cookie: string): Promise<Response> {
	return fetch(server.url + path, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'text/html', origin: server.url, cookie, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(body).toString()
	});
}

function lint(text: string, cookie: string, headers: Record<string, string> = {}): Promise<Response> {
	return fetch(`${server.url}/admin/questionnaires/${SLUG}/edit/lint`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: server.url, cookie, 'content-type': 'text/plain;charset=utf-8', ...headers },
		body: text
	});
}

/** Posts an editor form at the draft's current revision. */
async function edit(action: string, fields: Record<string, string>): Promise<Response> {
	return post(`/admin/questionnaires/${SLUG}/edit?/${action}`, { revision: String((await draft()).revision), ...fields }, author);
}

/** The draft's elements as "page:name" or "page/panel:name", in reading order. */
async function order(): Promise<string> {
	type El = { name: string; elements?: El[] };
	const json = JSON.parse((await draft()).definition_json) as { pages: { name: string; elements: El[] }[] };
	const walk = (list: El[], where: string): string[] => list.flatMap((e) => [`${where}:${e.name}`, ...walk(e.elements ?? [], `${where}/${e.name}`)]);
	return json.pages.flatMap((p) => walk(p.elements, p.name)).join(' ');
}

beforeAll(async () => {
	server = await startServer({ ADMIN_PASSWORD: PASSWORD, ADMIN_EMAIL: 'admin@live.example.org', BODY_SIZE_LIMIT: '4M' });
	await seedUsers(
		server.dbPath,
		[
			{ email: 'author@live.example.org', role: 'author' },
			{ email: 'coord@live.example.org', role: 'coordinator' }
		],
		PASSWORD
	);
	author = await signInCookie(server.url, 'author@live.example.org', PASSWORD);
	coordinator = await signInCookie(server.url, 'coord@live.example.org', PASSWORD);
	const res = await post('/admin/questionnaires?/create', { slug: SLUG, title: 'Live editor test' }, author);
	expect(res.status).toBe(303);
}, 60_000);
afterAll(async () => {
	await server?.stop();
});

describe("the JSON view's live check (POST …/edit/lint)", () => {
	const valid = { title: 'Live', pages: [{ name: 'p1', elements: [{ type: 'text', name: 'a', title: 'A' }] }] };

	it('answers a good text with its findings and stores nothing', async () => {
		const before = await draft();
		const audits = await auditCount();
		const res = await lint(JSON.stringify(valid, null, 2), author);
		expect(res.status).toBe(200);
		const body = await res.json();
		expect(body).toMatchObject({ problem: null, errorCount: 0 });
		// The same findings a save would report: only the missing translations here.
		expect(body.warningCount).toBe(5);
		expect(body.findings.every((f: { rule: string }) => f.rule === 'translation/missing')).toBe(true);
		expect(await draft()).toEqual(before);
		expect(await auditCount()).toBe(audits);
	});

	it('reports malformed JSON at its line and column', async () => {
		const res = await lint('{\n  "pages": [\n    oops\n  ]\n}', author);
		expect(res.status).toBe(200);
		const { problem, errorCount } = await res.json();
		expect(problem).toMatchObject({ code: 'malformed_json', line: 3, column: 5 });
		expect(problem.message).toContain('line 3, column 5');
		expect(errorCount).toBe(1);
	});

	it('reports lint errors with their path and rule, as publish would', async () => {
		const bad = structuredClone(valid) as { pages: { elements: Record<string, unknown>[] }[] };
		bad.pages[0]!.elements[0]!.colour = 'red';
		bad.pages[0]!.elements.push({ type: 'text', name: 'a', title: 'again' });
		const body = await (await lint(JSON.stringify(bad), author)).json();
		expect(body.problem).toBeNull();
		expect(body.errorCount).toBeGreaterThanOrEqual(1);
		const rules = body.findings.filter((f: { severity: string }) => f.severity === 'error').map((f: { rule: string }) => f.rule);
		expect(rules).toEqual(expect.arrayContaining(['property/unknown']));
		// Two questions with one name share one value, as in survey-core: a warning, not an error (issue 18).
		expect(body.findings).toContainEqual(expect.objectContaining({ rule: 'name/duplicate', severity: 'warning' }));
		expect(body.findings).toContainEqual(expect.objectContaining({ path: expect.stringContaining('colour') }));
	});

	it('refuses a text over 2 MB and one nested too deep', async () => {
		const huge = JSON.stringify({ ...valid, description: 'x'.repeat(2 * 1024 * 1024) });
		const res = await lint(huge, author);
		expect(res.status).toBe(413);
		expect((await res.json()).problem.code).toBe('too_large');
		const deep = `{"pages": ${'['.repeat(40)}${']'.repeat(40)}}`;
		expect((await (await lint(deep, author)).json()).problem.code).toBe('too_deep');
	});

	it('refuses a role without questionnaires.author, a stranger, another site and another content type', async () => {
		const text = JSON.stringify(valid);
		expect((await lint(text, coordinator)).status).toBe(403);
		expect((await lint(text, '')).status).toBe(401);
		expect((await lint(text, author, { origin: 'https://evil.example.org' })).status).toBe(403);
		expect((await lint(text, author, { 'content-type': 'application/json' })).status).toBe(415);
		const missing = await fetch(`${server.url}/admin/questionnaires/no-such-draft/edit/lint`, {
			method: 'POST',
			headers: { origin: server.url, cookie: author, 'content-type': 'text/plain' },
			body: text
		});
		expect(missing.status).toBe(404);
	});
});

describe('the preview frame', () => {
	it('shows the saved draft in Arabic, right to left, framed by our own origin only', async () => {
		const res = await get(`${server.url}/admin/questionnaires/${SLUG}/frame?lang=ar`, author);
		expect(res.status).toBe(200);
		expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
		expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
		const html = await res.text();
		expect(html).toMatch(/<html[^>]*lang="ar"[^>]*dir="rtl"/);
		// The class in markup, not in the inlined stylesheet (svelte.config.js inlines the layout's CSS).
		expect(html).not.toMatch(/class="[^"]*\badmin-bar\b/);
		// The frame remembers its language for the editor's next load (a save reloads the page).
		expect(res.headers.get('set-cookie')).toMatch(/rps_preview_lang=ar;.*Path=\/admin\/questionnaires/i);
		const remembered = decode(await (await get(`${server.url}/admin/questionnaires/${SLUG}/edit`, `${author}; rps_preview_lang=ar`)).text());
		expect(remembered).toMatch(/<iframe[^>]*src="\/admin\/questionnaires\/rp-live\/frame\?lang=ar"/);
		const bogus = decode(await (await get(`${server.url}/admin/questionnaires/${SLUG}/edit`, `${author}; rps_preview_lang=xx`)).text());
		expect(bogus).toMatch(/<iframe[^>]*src="\/admin\/questionnaires\/rp-live\/frame\?lang=en"/);
		const editor = await get(`${server.url}/admin/questionnaires/${SLUG}/edit?lang=ar`, author);
		expect(editor.headers.get('x-frame-options')).toBe('DENY');
		// Without script the pane is there too: the frame, its language form, the JSON form's preview button.
		const editorHtml = decode(await editor.clone().text());
		expect(editorHtml).toMatch(/<iframe[^>]*name="preview-frame"[^>]*src="\/admin\/questionnaires\/rp-live\/frame\?lang=ar"/);
		expect(editorHtml).toMatch(/<form method="GET" action="\/admin\/questionnaires\/rp-live\/frame" target="preview-frame"/);
		expect(editorHtml).toMatch(/formaction="\/admin\/questionnaires\/rp-live\/frame\?lang=ar" formtarget="preview-frame"/);
		expect(editor.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		expect((await get(`${server.url}/admin/questionnaires/${SLUG}/frame`, coordinator)).status).toBe(403);
	});

	it('previews an unsaved valid JSON, carries it to the next page, and stores nothing', async () => {
		const before = await draft();
		const text = JSON.stringify({
			title: 'Unsaved title',
			pages: [
				{ name: 'p1', elements: [{ type: 'text', name: 'first', title: 'First unsaved question' }] },
				{ name: 'p2', elements: [{ type: 'text', name: 'second', title: 'Second unsaved question' }] }
			]
		});
		let res = await post(`/admin/questionnaires/${SLUG}/frame?lang=fr`, { revision: String(before.revision), json: text }, author);
		expect(res.status).toBe(200);
		let html = decode(await res.text());
		expect(html).toContain('First unsaved question');
		expect(html).toContain('id="preview-unsaved"');
		expect(html).toMatch(/<html[^>]*lang="fr"/);
		res = await post(`/admin/questionnaires/${SLUG}/frame?lang=fr`, { _page: '0', _action: 'next', _answers: '{}', _json: text, first: 'hello' }, author);
		html = decode(await res.text());
		expect(html).toContain('Second unsaved question');
		expect(await draft()).toEqual(before);
	});

	it('refuses to preview a JSON with errors, saying why', async () => {
		const before = await draft();
		const res = await post(
			`/admin/questionnaires/${SLUG}/frame`,
			{ json: JSON.stringify({ pages: [{ name: 'p1', elements: [{ type: 'my-widget', name: 's' }] }] }) },
			author
		);
		expect(res.status).toBe(400);
		expect(decode(await res.text())).toContain('it is previewed once it would save');
		expect(await draft()).toEqual(before);
	});
});

describe('panels and page texts in the form editor', () => {
	it('sets up a page with questions', async () => {
		for (const name of ['q1', 'q2', 'q3']) expect((await edit('addQuestion', { page: '0', type: 'text', name, title: name.toUpperCase() })).status).toBe(303);
		expect(await order()).toMatch(/q1 \S+:q2 \S+:q3$/);
	});

	it('adds a panel, moves questions into it with "move to" and ↑/↓, and out again', async () => {
		const res = await edit('addPanel', { page: '0', name: 'box', title: 'A box' });
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toContain('q=box');
		const page = (await order()).split(':')[0];
		expect((await edit('moveTo', { name: 'q1', target: 'panel:box' })).status).toBe(303);
		expect(await order()).toContain(`${page}:q2 ${page}:q3 ${page}:box ${page}/box:q1`);
		expect((await edit('move', { name: 'q3', direction: 'down' })).status).toBe(303); // steps into the panel
		expect(await order()).toContain(`${page}:q2 ${page}:box ${page}/box:q3 ${page}/box:q1`);
		expect((await edit('move', { name: 'q1', direction: 'down' })).status).toBe(303); // steps out at its end
		expect(await order()).toContain(`${page}:box ${page}/box:q3 ${page}:q1`);
		const editor = decode(await (await get(`${server.url}/admin/questionnaires/${SLUG}/edit?q=box`, author)).text());
		expect(editor).toContain('id="panel-form"');
		expect(editor).toMatch(/<option value="panel:box">/);
	});

	it("edits the panel, renaming it with its references, and a page's title and description", async () => {
		expect((await edit('update', { original: 'q1', name: 'q1', title: 'Q1', visibleIf: '{box} empty' })).status).toBe(303);
		let res = await edit('updatePanel', { original: 'box', name: 'crate', title: 'A crate', description: 'About', visibleIf: '{q2} notempty' });
		expect(res.status).toBe(303);
		const json = JSON.parse((await draft()).definition_json);
		const elements = json.pages[0].elements as { name: string; visibleIf?: string }[];
		expect(elements.find((e) => e.name === 'crate')).toMatchObject({ title: 'A crate', description: 'About', visibleIf: '{q2} notempty' });
		expect(elements.find((e) => e.name === 'q1')!.visibleIf).toBe('{crate} empty');
		res = await edit('updatePage', { page: '0', title: 'First page', description: 'Read this first' });
		expect(res.status).toBe(303);
		expect(JSON.parse((await draft()).definition_json).pages[0]).toMatchObject({ title: 'First page', description: 'Read this first' });
	});

	it('refuses each bad panel or page form, storing nothing', async () => {
		const before = await draft();
		const audits = await auditCount();
		const refusals: [string, Record<string, string>, number, string][] = [
			['addPanel', { page: '0', name: 'q2', title: '' }, 400, 'already used'],
			['addPanel', { page: '7', name: 'other', title: '' }, 404, 'no page 8'],
			['addPanel', { page: 'x', name: 'other', title: '' }, 400, 'not a page number'],
			['moveTo', { name: 'q2', target: 'panel:nope' }, 404, 'no panel'],
			['moveTo', { name: 'q2', target: 'panel:q1' }, 404, 'no panel'],
			['moveTo', { name: 'crate', target: 'panel:crate' }, 400, 'into itself'],
			['moveTo', { name: 'q2', target: 'somewhere' }, 400, 'not a page or a panel'],
			['updatePanel', { original: 'q2', name: 'q2', title: '' }, 404, 'no panel'],
			['updatePanel', { original: 'crate', name: 'q2', title: '' }, 400, 'already used'],
			['updatePanel', { original: 'crate', name: '9 lives', title: '' }, 400, 'letters, digits'],
			['updatePage', { page: '9', title: 'x', description: '' }, 404, 'no page 10'],
			['remove', { name: 'crate' }, 400, 'still has questions']
		];
		for (const [action, fields, status, text] of refusals) {
			const res = await edit(action, fields);
			expect(res.status, `${action} ${JSON.stringify(fields)}`).toBe(status);
			expect(decode(await res.text())).toContain(text);
		}
		expect(await draft()).toEqual(before);
		expect(await auditCount()).toBe(audits);
	});

	it('refuses a stale revision with 409, showing the input back', async () => {
		const before = await draft();
		const res = await post(
			`/admin/questionnaires/${SLUG}/edit?/addPanel`,
			{ revision: String(before.revision - 1), page: '0', name: 'late_panel', title: 'Typed too late' },
			author
		);
		expect(res.status).toBe(409);
		expect(decode(await res.text())).toContain('value="Typed too late"');
		const updatePage = await post(
			`/admin/questionnaires/${SLUG}/edit?/updatePage`,
			{ revision: String(before.revision - 1), page: '0', title: 'Stale title', description: '' },
			author
		);
		expect(updatePage.status).toBe(409);
		expect(await draft()).toEqual(before);
	});

	it('removes the panel once it is empty and no condition reads it', async () => {
		expect((await edit('moveTo', { name: 'q3', target: 'page:0' })).status).toBe(303);
		const referenced = await edit('remove', { name: 'crate' });
		expect(referenced.status).toBe(400); // q1 is shown if {crate} empty: the edit would add an error
		expect(decode(await referenced.text())).toContain('crate');
		expect(await order()).toContain('crate');
		expect((await edit('update', { original: 'q1', name: 'q1', title: 'Q1', visibleIf: '' })).status).toBe(303);
		expect((await edit('remove', { name: 'crate' })).status).toBe(303);
		expect(await order()).not.toContain('crate');
	});

	it('edits matrixdropdown columns and multipletext items in the property form, refusing a bad line', async () => {
		expect((await edit('addQuestion', { page: '0', type: 'matrixdropdown', name: 'plan', title: 'Plan' })).status).toBe(303);
		expect((await edit('addQuestion', { page: '0', type: 'multipletext', name: 'contact', title: 'Contact' })).status).toBe(303);
		let res = await edit('update', {
			original: 'plan',
			name: 'plan',
			title: 'Plan',
			rows: 'y1|Year 1',
			columns: 'pri|Priority|dropdown|high, low\nnote|Note|comment'
		});
		expect(res.status).toBe(303);
		res = await edit('update', { original: 'contact', name: 'contact', title: 'Contact', items: 'phone|Phone\nmail|E-mail' });
		expect(res.status).toBe(303);
		const elements = JSON.parse((await draft()).definition_json).pages[0].elements as { name: string }[];
		expect(elements.find((e) => e.name === 'plan')).toMatchObject({
			columns: [
				{ name: 'pri', title: 'Priority', cellType: 'dropdown', choices: ['high', 'low'] },
				{ name: 'note', title: 'Note', cellType: 'comment' }
			]
		});
		expect(elements.find((e) => e.name === 'contact')).toMatchObject({
			items: [
				{ name: 'phone', title: 'Phone' },
				{ name: 'mail', title: 'E-mail' }
			]
		});
		const editor = decode(await (await get(`${server.url}/admin/questionnaires/${SLUG}/edit?q=plan`, author)).text());
		expect(editor).toContain('pri|Priority|dropdown|high, low\nnote|Note|comment');
		const before = await draft();
		res = await edit('update', { original: 'plan', name: 'plan', title: 'Plan', rows: 'y1|Year 1', columns: 'pri|Priority|signature' });
		expect(res.status).toBe(400);
		expect(decode(await res.text())).toContain('is not drawn');
		expect(await draft()).toEqual(before);
	});
});
