import { sanitizeHtml } from '../sanitize.ts';
import { displayText, type BaseQuestionView, type QuestionKind } from './kind.ts';

/** Elements that only display (an expression's result, sanitised HTML): no field, no answer. */
export type ExpressionView = BaseQuestionView & { kind: 'expression'; type: 'expression'; value: string };
export type HtmlView = BaseQuestionView & { kind: 'html'; type: 'html'; html: string };

export const expressionKind: QuestionKind<ExpressionView> = {
	types: ['expression'],
	view: (q, base) => ({ ...base, kind: 'expression', type: 'expression', value: displayText(q.displayValue) }),
	fields: () => [],
	parse: () => undefined
};

export const htmlKind: QuestionKind<HtmlView> = {
	types: ['html'],
	view: (q, base) => ({ ...base, kind: 'html', type: 'html', html: sanitizeHtml(q.locHtml.renderedHtml) }),
	fields: () => [],
	parse: () => undefined
};
