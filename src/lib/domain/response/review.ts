import type { Model, Question } from 'survey-core';
import { signatureSummary } from '../survey/kinds/signaturepad.ts';
import { formatSize, isStoredFile } from '../survey/kinds/file-rules.ts';

/**
 * What a respondent sees before submitting, and keeps as a receipt afterwards:
 * every visible question with the answer as text in the chosen language
 * (survey-core's displayValue: choice texts, not codes).
 */
export interface ReviewItem {
	name: string;
	title: string;
	/** One line per part of the answer (a matrix gives one line per row). */
	lines: string[];
	answered: boolean;
	required: boolean;
}

export interface ReviewSection {
	index: number;
	title: string;
	items: ReviewItem[];
}

/** One line of an object answer: `key value; key value` (a matrix row, a dynamic panel). */
function entryLine(value: Record<string, unknown>): string {
	return Object.entries(value)
		.map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(', ') : String(v)}`)
		.join('; ');
}

function answerLines(question: Question): string[] {
	if (question.isEmpty()) return [];
	// A drawn signature's value is an image: say that it was signed, and how.
	if (question.getType() === 'signaturepad') return [signatureSummary(question.value)].filter(Boolean);
	// Uploaded files: their names and sizes (the respondent never downloads them back).
	if (question.getType() === 'file')
		return (Array.isArray(question.value) ? question.value : []).filter(isStoredFile).map((f) => `${f.name} (${formatSize(f.size)})`);
	const display: unknown = question.displayValue;
	if (display === null || display === undefined || display === '') return [];
	// A dynamic panel or matrix: one numbered line per panel (row).
	if (Array.isArray(display))
		return display.map((v, i) => (typeof v === 'object' && v !== null ? `${i + 1}: ${entryLine(v as Record<string, unknown>)}` : String(v)));
	if (typeof display === 'object') {
		return Object.entries(display as Record<string, unknown>).map(([row, value]) =>
			typeof value === 'object' && value !== null
				? `${row}: ${Object.entries(value as Record<string, unknown>)
						.map(([k, v]) => `${k} ${String(v)}`)
						.join('; ')}`
				: `${row}: ${String(value)}`
		);
	}
	return [String(display)];
}

/** The review of a loaded model: visible pages, visible questions, html blocks left out. */
export function buildReview(model: Model): ReviewSection[] {
	return model.visiblePages.map((page, index) => ({
		index,
		title: page.locTitle.renderedHtml || page.name,
		items: page.questions
			.filter((q) => q.isVisible && q.getType() !== 'html' && q.getType() !== 'image')
			.map((q) => {
				const lines = answerLines(q);
				return { name: q.name, title: q.locTitle.renderedHtml || q.name, lines, answered: lines.length > 0, required: q.isRequired };
			})
	}));
}

/** The first visible page that does not validate, or -1 when the whole response is complete. */
export function firstInvalidPage(model: Model): number {
	return model.visiblePages.findIndex((page) => !page.validate(true, false));
}
