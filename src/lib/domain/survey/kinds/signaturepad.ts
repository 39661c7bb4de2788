import type { Question } from 'survey-core';
import { subField } from '../field-names.ts';
import type { BaseQuestionView, QuestionKind } from './kind.ts';
import { pickText, refuse, single } from './pick.ts';

/**
 * A signature (issue 18, item 3). Without JavaScript, and for anyone who cannot draw
 * with a pointer, the respondent types their full name; with JavaScript a canvas is
 * offered as well (src/lib/client/signature.js). The stored value says which:
 *   drawn: survey-core's own value, a data URL in `dataFormat` (png by default);
 *   typed: `{ "typedName": "Ada Lovelace" }`.
 * Exports show "signed (drawn)" or "signed (typed: Ada Lovelace)" (signatureSummary).
 */
export type SignatureView = BaseQuestionView & {
	kind: 'signaturepad';
	type: 'signaturepad';
	/** The typed name, when the stored signature was typed. */
	typedName: string;
	/** The drawn signature (a data URL), when it was drawn. */
	drawn: string;
	/** image/png, image/jpeg or image/svg+xml: what the canvas script writes. */
	format: string;
	width: number;
	height: number;
	drawnField: string;
	nameField: string;
};

export interface TypedSignature {
	typedName: string;
}

export const TYPED_NAME_MAX = 200;
/** A drawn signature is a few kilobytes; 500 KB leaves room for a large canvas as JPEG. */
export const DRAWN_MAX = 500_000;

const FORMATS: Record<string, string> = { png: 'image/png', jpeg: 'image/jpeg', svg: 'image/svg+xml' };
const DRAWN = /^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/]+=*$/;

export function isTypedSignature(value: unknown): value is TypedSignature {
	return typeof value === 'object' && value !== null && typeof (value as TypedSignature).typedName === 'string';
}

/** How an export shows a signature: the picture itself means nothing in a spreadsheet. */
export function signatureSummary(value: unknown): string {
	if (isTypedSignature(value)) return `signed (typed: ${value.typedName})`;
	if (typeof value === 'string' && value.startsWith('data:image/')) return 'signed (drawn)';
	return '';
}

function format(q: Question): string {
	return FORMATS[String((q as Question & { dataFormat?: string }).dataFormat ?? 'png')] ?? 'image/png';
}

const fieldsOf = (field: string) => ({ drawnField: subField(field, 'drawn'), nameField: subField(field, 'name') });

export const signaturePadKind: QuestionKind<SignatureView> = {
	types: ['signaturepad'],
	view(q, base) {
		const value: unknown = q.value;
		const own = q as Question & { signatureWidth?: unknown; signatureHeight?: unknown };
		const px = (v: unknown, fallback: number) => (Number.isFinite(Number(v)) && Number(v) > 0 ? Math.round(Number(v)) : fallback);
		return {
			...base,
			kind: 'signaturepad',
			type: 'signaturepad',
			typedName: isTypedSignature(value) ? value.typedName : '',
			drawn: typeof value === 'string' && DRAWN.test(value) ? value : '',
			format: format(q),
			width: px(own.signatureWidth, 300),
			height: px(own.signatureHeight, 200),
			...fieldsOf(base.field)
		};
	},
	fields: (_q, field) => Object.values(fieldsOf(field)),
	parse(q, posted, field) {
		const { drawnField, nameField } = fieldsOf(field);
		const drawn = single(posted.get(drawnField) ?? [], drawnField);
		if (drawn !== undefined) {
			if (drawn.length > DRAWN_MAX) refuse('too_long', `"${drawnField}" is larger than ${DRAWN_MAX} characters`);
			if (!DRAWN.test(drawn) || !drawn.startsWith(`data:${format(q)};`)) refuse('invalid_signature', `"${drawnField}" is not a ${format(q)} data URL`);
			return drawn;
		}
		const typed = pickText(posted.get(nameField) ?? [], nameField, TYPED_NAME_MAX);
		return typed === undefined ? undefined : { typedName: typed.trim() };
	}
};
