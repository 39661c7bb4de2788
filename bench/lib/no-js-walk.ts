// A respondent without JavaScript answering its way from the first page to the last, once,
// the way tests/helpers/no-js-respondent.ts does (same form reading and answering rules).
// Returns the fields each page accepted, so a benchmark can post them again without
// reading forms while it measures.
import { formFields, pageAnswers } from '../../tests/helpers/no-js-respondent.ts';
import type { createClient } from './http-client.ts';

export interface Walk {
	path: string;
	/** Per page index: the answers and hidden fields that page accepted, without `_revision` and `_action`. */
	bodies: [string, string][][];
}

const MAX_STEPS = 40;
const MAX_RETRIES = 3;

export async function walkOnce(client: ReturnType<typeof createClient>, path: string): Promise<Walk> {
	const bodies: [string, string][][] = [];
	let html = (await client.request('GET', `${path}?page=0`)).body;
	for (let step = 0; step < MAX_STEPS; step++) {
		const fields = formFields(html);
		const page = Number(fields.find((f) => f.name === '_page')?.value);
		const last = html.includes('name="_action" value="review"');
		let fill = new Set<string>();
		let answers = pageAnswers(fields, {}, fill);
		// On the last page "save" stays there: the measured walk goes from it back to the first page.
		let reply = await client.request('POST', path, new URLSearchParams([...answers, ['_action', last ? 'save' : 'next']]).toString());
		for (let retry = 0; retry < MAX_RETRIES && (reply.status === 422 || reply.status === 200); retry++) {
			// 422: fill the questions the server names; 200: follow-ups revealed on this page.
			const shown = formFields(reply.body);
			if (reply.status === 422) fill = new Set([...fill, ...shown.filter((f) => f.invalid).map((f) => f.name)]);
			answers = pageAnswers(shown, {}, fill);
			reply = await client.request('POST', path, new URLSearchParams([...answers, ['_action', last ? 'save' : 'next']]).toString());
		}
		if (reply.status !== 303 || !reply.location) throw new Error(`page ${page} of ${path} was not accepted (${reply.status})`);
		bodies[page] = answers.filter(([name]) => name !== '_revision' && name !== '_action');
		if (last) return { path, bodies };
		html = (await client.request('GET', reply.location)).body;
	}
	throw new Error(`${path}: no last page in ${MAX_STEPS} steps`);
}
