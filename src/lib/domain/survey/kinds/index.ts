import type { Question } from 'survey-core';
import type { QuestionKind } from './kind.ts';
import { multipleChoiceKind, singleChoiceKind, type MultipleChoiceView, type SingleChoiceView } from './choice.ts';
import { ratingKind } from './rating.ts';
import { booleanKind, type BooleanView } from './boolean.ts';
import { textKind, type TextView } from './text.ts';
import { matrixKind, type MatrixView } from './matrix.ts';
import { multipleTextKind, type MultipleTextView } from './multipletext.ts';
import { rankingKind, type RankingView } from './ranking.ts';
import { matrixDropdownKind, type MatrixDropdownView } from './matrixdropdown.ts';
import { expressionKind, htmlKind, type ExpressionView, type HtmlView } from './display.ts';
import { panelDynamicKind, type PanelDynamicView } from './paneldynamic.ts';
import { matrixDynamicKind, type MatrixDynamicView } from './matrixdynamic.ts';
import { imageKind, imagePickerKind, type ImagePickerView, type ImageView } from './imagepicker.ts';
import { sliderKind, type SliderView } from './slider.ts';
import { signaturePadKind, type SignatureView } from './signaturepad.ts';
import { fileKind, type FileView } from './file.ts';

/** What the renderer draws for a question: one member per kind (kinds/<kind>.ts). */
export type QuestionView =
	| SingleChoiceView
	| MultipleChoiceView
	| BooleanView
	| TextView
	| MatrixView
	| MultipleTextView
	| RankingView
	| MatrixDropdownView
	| ExpressionView
	| HtmlView
	| PanelDynamicView<QuestionView>
	| MatrixDynamicView
	| ImagePickerView
	| ImageView
	| SliderView
	| SignatureView
	| FileView;

/** The registry: every kind the renderer draws, keyed by survey-core type. */
const KINDS: QuestionKind<QuestionView>[] = [
	singleChoiceKind,
	multipleChoiceKind,
	ratingKind,
	booleanKind,
	textKind,
	matrixKind,
	multipleTextKind,
	rankingKind,
	matrixDropdownKind,
	expressionKind,
	htmlKind,
	imagePickerKind,
	imageKind,
	sliderKind,
	signaturePadKind,
	fileKind,
	matrixDynamicKind,
	// A dynamic panel draws and reads its inner questions through this registry.
	panelDynamicKind<QuestionView>({ kindOf: (q) => kindOf(q), isAnswerable: (q) => isAnswerable(q) })
];

const BY_TYPE = new Map(KINDS.flatMap((kind) => kind.types.map((type) => [type, kind] as const)));

/** The kind of a question; checkQuestionnaire refuses other types at import, so a miss is a bug. */
export function kindOf(q: Question): QuestionKind<QuestionView> {
	const kind = BY_TYPE.get(q.getType());
	if (!kind) throw new Error(`unsupported question type "${q.getType()}" reached the renderer`);
	return kind;
}

/** Types whose value the respondent gives (html, expression and image only display). */
export function isAnswerable(q: Question): boolean {
	return !['html', 'expression', 'image'].includes(q.getType());
}
