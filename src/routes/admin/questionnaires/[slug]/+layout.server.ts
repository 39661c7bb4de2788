import type { LayoutServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { requirePermission } from '$lib/server/access/guard.ts';
import { currentDefinition } from '$lib/server/authoring/library.ts';
import { questionnaireTitle } from '$lib/ui/questionnaire-title';

/** The questionnaire's title in the reader's language, for the breadcrumb of each of its pages and the overview's and editor's headings (the slug is an address). */
export const load: LayoutServerLoad = async ({ locals, params }) => {
	const user = requirePermission(locals, 'questionnaires.author');
	return { questionnaireTitle: questionnaireTitle(await currentDefinition(getDb(), user, params.slug), params.slug) };
};
