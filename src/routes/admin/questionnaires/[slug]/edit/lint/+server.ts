import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/instance';
import { requirePermission } from '$lib/server/access/guard.ts';
import { lintDraftText } from '$lib/server/authoring/live.ts';
import { MAX_QUESTIONNAIRE_BYTES } from '$lib/domain/authoring/json-text';
import { InvalidInputError } from '$lib/domain/errors';
import { errorFrom } from '$lib/server/http/errors';

/**
 * The JSON view's live check: POST the text (text/plain), get the findings as JSON;
 * nothing is stored. Only text/plain is taken, a form content type, so SvelteKit's
 * origin check refuses a cross-site post before it reaches us.
 */
export const POST: RequestHandler = async ({ request, locals, params }) => {
	const user = requirePermission(locals, 'questionnaires.author');
	if (!(request.headers.get('content-type') ?? '').startsWith('text/plain'))
		return json({ problem: { code: 'unsupported_type', message: 'Send the JSON text as text/plain.' } }, { status: 415 });
	if (Number(request.headers.get('content-length') ?? 0) > MAX_QUESTIONNAIRE_BYTES) return tooLarge();
	try {
		return json(await lintDraftText(getDb(), user, params.slug, await request.text()));
	} catch (e) {
		if (e instanceof InvalidInputError && e.code === 'too_large') return tooLarge(e.message);
		errorFrom(e);
	}
};

function tooLarge(message = `The questionnaire is larger than ${MAX_QUESTIONNAIRE_BYTES / 1024 / 1024} MB.`) {
	return json({ problem: { code: 'too_large', message } }, { status: 413 });
}
