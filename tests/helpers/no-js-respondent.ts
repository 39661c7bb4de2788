import { expect } from 'vitest';

/**
 * A respondent without JavaScript, over plain HTTP: reads the fields of the shown page
 * from its HTML, answers what is unanswered the way a person would (keeps what is
 * already ticked, "4" on a scale, the first choice otherwise; text only where the
 * server asks for it), posts "next" page by page and submits from the review.
 */
interface Field {
	tag: 'input' | 'select' | 'textarea';
	type: string;
	name: string;
	value: string;
	checked: boolean;
	invalid: boolean;
	options: string[];
}

const attrs = (s: string): Record<string, string> => Object.fromEntries([...s.matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map((m) => [m[1]!, decode(m[2] ?? '')]));
const decode = (s: string) =>
	s
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');

/** The fields of the page's form, in document order. */
export function formFields(html: string): Field[] {
	const fields: Field[] = [];
	for (const m of html.matchAll(/<(input|select|textarea)\b([^>]*)>(?:([\s\S]*?)<\/\1>)?/g)) {
		const tag = m[1] as Field['tag'];
		const a = attrs(m[2]!);
		if (!a.name || 'disabled' in a) continue;
		const options = tag === 'select' ? [...m[3]!.matchAll(/<option\b([^>]*)>/g)].map((o) => attrs(o[1]!)) : [];
		const selected = options.find((o) => 'selected' in o)?.value ?? '';
		fields.push({
			tag,
			type: a.type ?? tag,
			name: a.name,
			value: tag === 'textarea' ? decode(m[3] ?? '') : tag === 'select' ? selected : (a.value ?? ''),
			checked: 'checked' in a,
			invalid: a['aria-invalid'] === 'true',
			options: options.map((o) => o.value ?? '').filter((v) => v !== '')
		});
	}
	return fields;
}

/** The answers the page's form would post: what it shows, completed; `overrides` replace a question's answer. */
export function pageAnswers(fields: Field[], overrides: Record<string, string | string[]>, fillText: Set<string>): [string, string][] {
	const out: [string, string][] = [];
	const groups = new Map<string, Field[]>();
	for (const f of fields) groups.set(f.name, [...(groups.get(f.name) ?? []), f]);
	for (const [name, group] of groups) {
		if (name === '_action') continue;
		if (name in overrides) {
			for (const v of ([] as string[]).concat(overrides[name]!)) out.push([name, v]);
			continue;
		}
		const first = group[0]!;
		if (first.type === 'radio' || first.type === 'checkbox') {
			const ticked = group.filter((f) => f.checked);
			const pick = ticked.length ? ticked : [group.find((f) => f.value === '4') ?? first];
			for (const f of pick) out.push([name, f.value]);
		} else if (first.tag === 'select') {
			out.push([name, first.value || first.options[0] || '']);
		} else if (first.value !== '' || !fillText.has(name)) {
			out.push([name, first.value]);
		} else {
			out.push([name, first.type === 'number' ? '3' : first.type === 'email' ? 'focal.point@example.org' : 'Réponse de test']);
		}
	}
	return out;
}

const post = (url: string, fields: [string, string][]) =>
	fetch(url, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'text/html', origin: new URL(url).origin, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields).toString()
	});

/** Answers every page of the questionnaire behind `link` without JavaScript and submits. */
export async function answerAndSubmit(link: string, overrides: Record<string, string | string[]> = {}): Promise<void> {
	let url = link;
	for (let step = 0; step < 40; step++) {
		const html = await (await fetch(url, { headers: { accept: 'text/html' } })).text();
		const fields = formFields(html);
		if (url.includes('?review')) {
			const revision = fields.find((f) => f.name === '_revision')!.value;
			const done = await post(link, [
				['_page', 'review'],
				['_revision', revision],
				['_action', 'submit']
			]);
			expect(done.status).toBe(303);
			return;
		}
		const action = html.includes('name="_action" value="review"') ? 'review' : 'next';
		let fill = new Set<string>();
		let res = await post(link, [...pageAnswers(fields, overrides, fill), ['_action', action]]);
		for (let retry = 0; retry < 3 && (res.status === 422 || res.status === 200); retry++) {
			// 422: the server named the questions still to answer: fill their text.
			// 200: the answers revealed follow-up questions on this page, shown again to be answered.
			const shown = formFields(await res.text());
			if (res.status === 422) fill = new Set([...fill, ...shown.filter((f) => f.invalid).map((f) => f.name)]);
			res = await post(link, [...pageAnswers(shown, overrides, fill), ['_action', action]]);
		}
		expect(res.status, `page post at ${url}`).toBe(303);
		url = new URL(res.headers.get('location')!, link).href;
	}
	throw new Error('the questionnaire did not reach its review in 40 steps');
}
