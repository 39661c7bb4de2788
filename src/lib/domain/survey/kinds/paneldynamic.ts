import type { PanelModel, Question } from 'survey-core';
import { compileCondition, mapCondition, type ConditionNode } from '../conditions.ts';
import { canAdd, canRemove, dynamicCount, storedValue } from '../dynamic-change.ts';
import { fieldName, fieldVariable, subField } from '../field-names.ts';
import { applyOther, hasOther, OTHER_TEXT_MAX } from './choice-other.ts';
import type { BaseQuestionView, Posted, QuestionKind } from './kind.ts';
import { pickText } from './pick.ts';

/**
 * A dynamic panel (`paneldynamic`), drawn without JavaScript: every panel present, one
 * after another, each with the template's questions drawn by their own kinds. An inner
 * question travels as `<panel field>::<index>::<inner field>`; "Add" and "Remove" are
 * submit buttons of the page form (dynamic-change.ts). The value is survey-core's: an
 * array with one object per panel, keyed by the inner value names, `{}` for an empty one.
 */
export interface PanelDynamicView<Q> extends BaseQuestionView {
	kind: 'paneldynamic';
	type: 'paneldynamic';
	panels: { index: number; title: string; questions: Q[]; removable: boolean }[];
	canAdd: boolean;
	addText: string;
	removeText: string;
	noEntriesText: string;
}

/** What the registry lends this kind for its inner questions (kinds/index.ts, without an import cycle). */
export interface InnerKinds<Q> {
	kindOf(q: Question): QuestionKind<Q>;
	isAnswerable(q: Question): boolean;
}

type Dynamic = Question & { panels: PanelModel[]; panelAddText: string; panelRemoveText: string; noEntriesText?: string };

export function innerField(field: string, index: number, inner: Question): string {
	return subField(field, String(index), fieldName(inner.name));
}

/**
 * An inner condition as the browser reads the form: `{panel.x}` is this panel's field
 * `x` (respondent.js reads `a::0::x` as `a.0.x`). Indexed references and `{panelIndex}`
 * are left to the server (null: the question changes only on a post).
 */
function innerCondition(expression: string | undefined, field: string, index: number): ConditionNode | null {
	const node = compileCondition(expression);
	if (!node) return null;
	let unknown = false;
	const rewritten = mapCondition(node, (variable) => {
		if (variable.startsWith('panel.')) return [field, String(index), fieldName(variable.slice(6))].join('.');
		if (variable.includes('[') || variable.startsWith('panelIndex') || variable.startsWith('parentPanel')) unknown = true;
		return fieldVariable(variable, new Set());
	});
	return unknown ? null : rewritten;
}

/** An inner question's view, as page-view.ts draws a page's question, under its panel's field. */
function innerView<Q>(kinds: InnerKinds<Q>, inner: Question, field: string, index: number): Q | null {
	const own = innerField(field, index, inner);
	const visibleIf = innerCondition(inner.visibleIf, field, index);
	// Hidden and not revealable by the browser: left out, as page-view.ts does.
	if (!inner.isVisible && !visibleIf) return null;
	const base: BaseQuestionView = {
		name: inner.name,
		field: own,
		title: inner.locTitle.renderedHtml || inner.name,
		description: inner.locDescription?.renderedHtml ?? '',
		required: inner.isRequired,
		readOnly: inner.isReadOnly,
		errors: inner.errors.map((e) => e.getText()),
		visible: inner.isVisible,
		visibleIf,
		enableIf: innerCondition(inner.enableIf, field, index)
	};
	const view = kinds.kindOf(inner).view(inner, base) as Q & { other?: { field: string } };
	// The "Other" text field of an inner choice lives under the inner field too.
	if (view.other) view.other = { ...view.other, field: subField(own, 'other') };
	return view;
}

export function panelDynamicKind<Q>(kinds: InnerKinds<Q>): QuestionKind<PanelDynamicView<Q>> {
	return {
		types: ['paneldynamic'],
		view(q, base) {
			const d = q as Dynamic;
			const removable = canRemove(q);
			return {
				...base,
				kind: 'paneldynamic',
				type: 'paneldynamic',
				panels: d.panels.slice(0, dynamicCount(q)).map((panel, index) => ({
					index,
					title: panel.locTitle.renderedHtml,
					questions: (panel.questions as Question[])
						.map((inner) => innerView(kinds, inner, base.field, index))
						.filter((v): v is NonNullable<typeof v> => v !== null),
					removable
				})),
				canAdd: canAdd(q),
				addText: d.panelAddText,
				removeText: d.panelRemoveText,
				noEntriesText: String(d.noEntriesText ?? '')
			};
		},
		fields(q, field) {
			return (q as Dynamic).panels.slice(0, dynamicCount(q)).flatMap((panel, index) =>
				(panel.questions as Question[]).flatMap((inner) => {
					const own = innerField(field, index, inner);
					return [...kinds.kindOf(inner).fields(inner, own), ...(hasOther(inner) ? [subField(own, 'other')] : [])];
				})
			);
		},
		parse(q, posted, field) {
			const panels = (q as Dynamic).panels.slice(0, dynamicCount(q)).map((panel, index) => parsePanel(kinds, panel, posted, field, index));
			// No panel and none stored: no answer (survey-core's data has no key either).
			if (panels.length === 0 && !Array.isArray(storedValue(q))) return undefined;
			return panels;
		}
	};
}

function parsePanel<Q>(kinds: InnerKinds<Q>, panel: PanelModel, posted: Posted, field: string, index: number): Record<string, unknown> {
	const values: Record<string, unknown> = {};
	for (const inner of (panel.questions as Question[]).filter(kinds.isAnswerable)) {
		const own = innerField(field, index, inner);
		const value = kinds.kindOf(inner).parse(inner, posted, own);
		const answers = hasOther(inner)
			? applyOther(inner, value, pickText(posted.get(subField(own, 'other')) ?? [], subField(own, 'other'), OTHER_TEXT_MAX))
			: { [inner.getValueName()]: value };
		for (const [key, v] of Object.entries(answers)) if (v !== undefined) values[key] = v;
	}
	return values;
}
