import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { guardActions, requirePermission } from '$lib/server/access/guard.ts';
import { applyDraftEdit, loadDraftForEdit, saveDraftJson } from '$lib/server/authoring/edit.ts';
import { addPage, addQuestion, ADDABLE_TYPES, conditionSources, movePage, removeElement, removePage, updateQuestion, type Direction } from '$lib/domain/authoring/operations';
import { addPanel, moveElement, moveElementTo, moveTargets, updatePage, updatePanel } from '$lib/domain/authoring/panels';
import { outline, panelFormValues, questionFormValues } from '$lib/domain/authoring/question-form';
import { isLocale } from '$lib/domain/locales';
import { findElement } from '$lib/domain/authoring/elements';
import type { JsonObject } from '$lib/domain/authoring/json-text';
import { RESOLUTION_25_CRITERIA } from '$lib/domain/survey/custom-properties';
import { InvalidInputError, NotFoundError } from '$lib/domain/errors';
import { authorFailure, textFields } from '../../failure';
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
		if (e instanceof NotFoundError) error(404, { message: e.message });
		throw e;
	}
};

const str = (form: FormData, name: string) => String(form.get(name) ?? '');
const direction = (form: FormData): Direction => {
	const d = str(form, 'direction');
	if (d !== 'up' && d !== 'down') throw new InvalidInputError(`"${d}" is not a direction.`, [], 'invalid_edit');
	return d;
};
const index = (form: FormData, name: string) => {
	const raw = str(form, name);
	if (!/^\d{1,4}$/.test(raw)) throw new InvalidInputError(`"${raw}" is not a page number.`, [], 'invalid_edit');
	return Number(raw);
};

/** Runs one edit; on success back to the editor (on the question, if any), else the report with the input. */
async function edit(event: { request: Request; locals: App.Locals; params: { slug: string } }, formName: string, build: (form: FormData) => (json: JsonObject) => JsonObject, after?: (form: FormData) => string) {
	const form = await event.request.formData();
	try {
		const change = build(form);
		await applyDraftEdit(getDb(), event.locals.user!, event.params.slug, Number(str(form, 'revision') || NaN), formName, change);
	} catch (e) {
		return authorFailure(e, formName, textFields(form));
	}
	const q = after?.(form);
	redirect(303, `/admin/questionnaires/${event.params.slug}/edit?saved${q ? `&q=${encodeURIComponent(q)}#properties` : ''}`);
}

const unguarded = {
	addPage: (e) => edit(e, 'addPage', (f) => (json) => addPage(json, { name: str(f, 'name').trim(), title: str(f, 'title') })),
	movePage: (e) => edit(e, 'movePage', (f) => { const i = index(f, 'page'), d = direction(f); return (json) => movePage(json, i, d); }),
	removePage: (e) => edit(e, 'removePage', (f) => { const i = index(f, 'page'); return (json) => removePage(json, i); }),
	addQuestion: (e) =>
		edit(
			e,
			'addQuestion',
			(f) => { const pageIndex = index(f, 'page'); return (json) => addQuestion(json, { pageIndex, type: str(f, 'type'), name: str(f, 'name').trim(), title: str(f, 'title') }); },
			(f) => str(f, 'name').trim()
		),
	move: (e) => edit(e, 'move', (f) => { const d = direction(f); return (json) => moveElement(json, str(f, 'name'), d); }),
	moveTo: (e) => edit(e, 'moveTo', (f) => (json) => moveElementTo(json, str(f, 'name'), str(f, 'target'))),
	addPanel: (e) =>
		edit(
			e,
			'addPanel',
			(f) => { const pageIndex = index(f, 'page'); return (json) => addPanel(json, { pageIndex, name: str(f, 'name').trim(), title: str(f, 'title') }); },
			(f) => str(f, 'name').trim()
		),
	updatePanel: (e) =>
		edit(
			e,
			'updatePanel',
			(f) => (json) => updatePanel(json, str(f, 'original'), { name: str(f, 'name'), title: str(f, 'title'), description: str(f, 'description'), visibleIf: str(f, 'visibleIf') }),
			(f) => str(f, 'name').trim()
		),
	updatePage: (e) => edit(e, 'updatePage', (f) => { const i = index(f, 'page'); return (json) => updatePage(json, i, { title: str(f, 'title'), description: str(f, 'description') }); }),
	remove: (e) => edit(e, 'remove', (f) => (json) => removeElement(json, str(f, 'name'))),
	update: (e) =>
		edit(
			e,
			'update',
			(f) => (json) =>
				updateQuestion(json, str(f, 'original'), {
					name: str(f, 'name'),
					title: str(f, 'title'),
					description: str(f, 'description'),
					isRequired: f.get('isRequired') === 'on',
					visibleIf: str(f, 'visibleIf'),
					choices: f.has('choices') ? str(f, 'choices') : undefined,
					rows: f.has('rows') ? str(f, 'rows') : undefined,
					columns: f.has('columns') ? str(f, 'columns') : undefined,
					items: f.has('items') ? str(f, 'items') : undefined,
					rateMin: str(f, 'rateMin'),
					rateMax: str(f, 'rateMax'),
					rateStep: str(f, 'rateStep'),
					minValue: str(f, 'minValue'),
					maxValue: str(f, 'maxValue'),
					minLength: str(f, 'minLength'),
					maxLength: str(f, 'maxLength'),
					regex: str(f, 'regex'),
					expression: str(f, 'expression'),
					criteria: f.getAll('criteria').map(String) as never,
					reportSection: str(f, 'reportSection')
				}),
			(f) => str(f, 'name').trim()
		),
	json: async ({ request, locals, params }) => {
		const form = await request.formData();
		try {
			await saveDraftJson(getDb(), locals.user!, params.slug, Number(str(form, 'revision') || NaN), str(form, 'json'));
		} catch (e) {
			return authorFailure(e, 'json', textFields(form));
		}
		redirect(303, `/admin/questionnaires/${params.slug}/edit?saved#json`);
	}
} satisfies Actions;

export const actions: Actions = guardActions(unguarded, 'questionnaires.author');
