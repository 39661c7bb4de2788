import type { ItemValue, Question } from 'survey-core';
import { formValue, type BaseQuestionView, type QuestionKind } from './kind.ts';
import { choiceLookup, pickChoice, pickMany } from './pick.ts';
import { isSafeImageLink } from './image-link.ts';

/**
 * An image picker (issue 18, item 3): each choice an <img> from its `imageLink`
 * (checked by image-link.ts) inside the label of a radio button, or of a check box
 * when `multiSelect`. The alternative text is the choice's text, else its value, so a
 * screen reader names each option. Stored as survey-core stores it: the choice's
 * value, or the list of values in the questionnaire's order.
 */
export interface ImageChoiceView {
	value: string;
	/** The choice's text, else its value: the image's alternative text and its caption. */
	text: string;
	/** '' when the link is not safe to draw (the lint refuses it at import). */
	src: string;
}

export type ImagePickerView = BaseQuestionView & {
	kind: 'imagepicker';
	type: 'imagepicker';
	multiSelect: boolean;
	choices: ImageChoiceView[];
	selected: string[];
	width?: number;
	height?: number;
	/** survey-core's showLabel: the caption under each image (the alternative text is always there). */
	showLabel: boolean;
};

/** A display-only image element. */
export type ImageView = BaseQuestionView & { kind: 'image'; type: 'image'; src: string; alt: string; width?: number; height?: number };

/** imageWidth/imageHeight as HTML attributes (positive whole pixels only). */
function pixels(value: unknown): number | undefined {
	const n = Number(value);
	return Number.isFinite(n) && n > 0 ? Math.round(n) : undefined;
}

function imageChoice(item: ItemValue): ImageChoiceView {
	const link = (item as ItemValue & { imageLink?: unknown }).imageLink;
	return { value: formValue(item.value), text: item.locText.renderedHtml || formValue(item.value), src: isSafeImageLink(link) ? link.trim() : '' };
}

const multi = (q: Question) => Boolean((q as Question & { multiSelect?: boolean }).multiSelect);

export const imagePickerKind: QuestionKind<ImagePickerView> = {
	types: ['imagepicker'],
	view(q, base) {
		const value: unknown = q.value;
		const own = q as Question & { imageWidth?: unknown; imageHeight?: unknown; showLabel?: boolean };
		return {
			...base,
			kind: 'imagepicker',
			type: 'imagepicker',
			multiSelect: multi(q),
			choices: (q.visibleChoices as ItemValue[]).map(imageChoice),
			selected: value === undefined || value === null ? [] : Array.isArray(value) ? value.map(formValue) : [formValue(value)],
			width: pixels(own.imageWidth),
			height: pixels(own.imageHeight),
			showLabel: Boolean(own.showLabel)
		};
	},
	fields: (_q, field) => [field],
	parse(q, posted, field) {
		const choices = choiceLookup(q.visibleChoices);
		return multi(q) ? pickMany(posted.get(field) ?? [], field, choices) : pickChoice(posted.get(field) ?? [], field, choices);
	}
};

export const imageKind: QuestionKind<ImageView> = {
	types: ['image'],
	view(q, base) {
		const own = q as Question & { imageLink?: unknown; locAltText?: { renderedHtml: string }; imageWidth?: unknown; imageHeight?: unknown };
		const link = own.imageLink;
		return {
			...base,
			kind: 'image',
			type: 'image',
			src: isSafeImageLink(link) ? link.trim() : '',
			// An image without alternative text is decoration to a screen reader (alt="").
			alt: own.locAltText?.renderedHtml ?? '',
			width: pixels(own.imageWidth),
			height: pixels(own.imageHeight)
		};
	},
	fields: () => [],
	parse: () => undefined
};
