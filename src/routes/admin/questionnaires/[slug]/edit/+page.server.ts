import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { requirePermission } from '$lib/server/access/guard.ts';
import type { SessionUser } from '$lib/server/access/session.ts';
import { applyDraftEdit, loadDraftForEdit, saveDraftJson } from '$lib/server/authoring/edit.ts';
import { addPage, addQuestion, ADDABLE_TYPES, movePage, removePage, removeUnreadElement, updateQuestion } from '$lib/domain/authoring/operations';
import { conditionSources } from '$lib/domain/authoring/references';
import { addPanel, moveElement, moveElementTo, moveTargets, updatePage, updatePanel } from '$lib/domain/authoring/panels';
import { outline, panelFormValues, questionFormValues } from '$lib/domain/authoring/question-form';
import { isLocale } from '$lib/domain/locales';
import { findElement } from '$lib/domain/authoring/elements';
import type { JsonObject } from '$lib/domain/authoring/json-text';
import { RESOLUTION_25_CRITERIA } from '$lib/domain/survey/custom-properties';
import { authorFailure } from '../../failure';
import { errorFrom } from '$lib/server/http/errors';
import { field, parseForm } from '$lib/server/http/form';
import { guarded } from '$lib/server/http/guarded';
import { PREVIEW_LANG_COOKIE } from '../../preview-post';

export const load: PageServerLoad = async ({ locals, params, url, cookies }) => {
	const user = requirePermission(locals, 'questionnaires.author');
	try {
		const { draft, json, findings, baseLabel } = await loadDraftForEdit(getDb(), user, params.slug);
		const selectedName = url.searchParams.get('q');
		const found = selectedName ? findElement(json, selectedName) : undefined;
		const selected = found?.element.type === 'panel' ? undefined : found;
		const lang = url.searchParams.get('lang') ?? cookies.get(PREVIEW_LANG_COOKIE);
		return {
			slug: params.slug,
			revision: draft.revision,
			title: draft.title,
			baseLabel,
			findings,
			pages: outline(json),
			targets: moveTargets(json),
			selectedPanel: found?.element.type === 'panel' ? panelFormValues(found.element) : null,
			previewLang: isLocale(lang) ? lang : 'en',
			jsonText: JSON.stringify(json, null, 2),
			selected: selected ? questionFormValues(selected.element) : null,
			sources: selected ? conditionSources(json, String(selected.element.name)) : [],
			confirmRemove: url.searchParams.get('remove'),
			types: [...ADDABLE_TYPES],
			criteria: [...RESOLUTION_25_CRITERIA],
			saved: url.searchParams.has('saved')
		};
	} catch (e) {
		errorFrom(e);
	}
};

/** Every edit names the draft revision it was made on; a stale one is refused by the service (409). */
const revision = field.text(z.string().transform((r) => Number(r || NaN)));
const direction = field.text(z.enum(['up', 'down'], { error: (issue) => `"${String(issue.input)}" is not a direction.` }));
const pageIndex = field.text(
	z
		.string()
		.regex(/^\d{1,4}$/, { error: (issue) => `"${String(issue.input)}" is not a page number.` })
		.transform(Number)
);
const name = field.text();
const trimmedName = field.trimmed();
const text = field.text();
const editForm = <T extends z.ZodRawShape>(shape: T) => z.object({ revision, ...shape });

const questionForm = editForm({
	original: text,
	name: text,
	title: text,
	description: text,
	isRequired: field.checkbox(),
	visibleIf: text,
	choices: field.optional(),
	rows: field.optional(),
	columns: field.optional(),
	items: field.optional(),
	rateMin: text,
	rateMax: text,
	rateStep: text,
	minValue: text,
	maxValue: text,
	minLength: text,
	maxLength: text,
	regex: text,
	expression: text,
	criteria: field.list(),
	reportSection: text
});

/**
 * Runs one edit: parse the form, apply the change to the draft, then back to the editor
 * (on the question, if any); a refusal comes back as the report with what was posted.
 */
async function edit<S extends z.ZodType<{ revision: number }>>(
	event: { request: Request; params: { slug: string } },
	user: SessionUser,
	formName: string,
	schema: S,
	change: (data: z.output<S>) => (json: JsonObject) => JsonObject,
	after?: (data: z.output<S>) => string
) {
	const parsed = await parseForm(event.request, schema, { status: 400, code: 'invalid_edit', extra: { form: formName } });
	if (!parsed.ok) return parsed.failure;
	try {
		await applyDraftEdit(getDb(), user, event.params.slug, parsed.data.revision, formName, change(parsed.data));
	} catch (e) {
		return authorFailure(e, formName, parsed.input);
	}
	const q = after?.(parsed.data);
	redirect(303, `/admin/questionnaires/${event.params.slug}/edit?saved${q ? `&q=${encodeURIComponent(q)}#properties` : ''}`);
}

const author = 'questionnaires.author';
const named = (d: { name: string }) => d.name.trim();

export const actions = {
	addPage: guarded(author, (e, user) => edit(e, user, 'addPage', editForm({ name: trimmedName, title: text }), (d) => (json) => addPage(json, d))),
	movePage: guarded(author, (e, user) =>
		edit(e, user, 'movePage', editForm({ page: pageIndex, direction }), (d) => (json) => movePage(json, d.page, d.direction))
	),
	removePage: guarded(author, (e, user) => edit(e, user, 'removePage', editForm({ page: pageIndex }), (d) => (json) => removePage(json, d.page))),
	addQuestion: guarded(author, (e, user) =>
		edit(
			e,
			user,
			'addQuestion',
			editForm({ page: pageIndex, type: text, name: trimmedName, title: text }),
			(d) => (json) => addQuestion(json, { pageIndex: d.page, type: d.type, name: d.name, title: d.title }),
			named
		)
	),
	move: guarded(author, (e, user) => edit(e, user, 'move', editForm({ direction, name }), (d) => (json) => moveElement(json, d.name, d.direction))),
	moveTo: guarded(author, (e, user) => edit(e, user, 'moveTo', editForm({ name, target: text }), (d) => (json) => moveElementTo(json, d.name, d.target))),
	addPanel: guarded(author, (e, user) =>
		edit(
			e,
			user,
			'addPanel',
			editForm({ page: pageIndex, name: trimmedName, title: text }),
			(d) => (json) => addPanel(json, { pageIndex: d.page, name: d.name, title: d.title }),
			named
		)
	),
	updatePanel: guarded(author, (e, user) =>
		edit(
			e,
			user,
			'updatePanel',
			editForm({ original: text, name, title: text, description: text, visibleIf: text }),
			({ original, revision: _r, ...panel }) =>
				(json) =>
					updatePanel(json, original, panel),
			named
		)
	),
	updatePage: guarded(author, (e, user) =>
		edit(
			e,
			user,
			'updatePage',
			editForm({ page: pageIndex, title: text, description: text }),
			(d) => (json) => updatePage(json, d.page, { title: d.title, description: d.description })
		)
	),
	remove: guarded(author, (e, user) => edit(e, user, 'remove', editForm({ name }), (d) => (json) => removeUnreadElement(json, d.name))),
	update: guarded(author, (e, user) =>
		edit(
			e,
			user,
			'update',
			questionForm,
			({ original, revision: _r, criteria, ...question }) =>
				(json) =>
					updateQuestion(json, original, { ...question, criteria: criteria as never }),
			named
		)
	),
	json: guarded(author, async ({ request, params }, user) => {
		const parsed = await parseForm(request, editForm({ json: text }), { extra: { form: 'json' } });
		if (!parsed.ok) return parsed.failure;
		try {
			await saveDraftJson(getDb(), user, params.slug, parsed.data.revision, parsed.data.json);
		} catch (e) {
			return authorFailure(e, 'json', parsed.input);
		}
		redirect(303, `/admin/questionnaires/${params.slug}/edit?saved#json`);
	})
} satisfies Actions;
