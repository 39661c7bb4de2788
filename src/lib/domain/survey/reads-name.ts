import { ConditionRunner, TextPreProcessor } from 'survey-core';

/**
 * Whether anything in a questionnaire reads the value `name`, found as survey-core
 * finds it: the variables of every expression (visibleIf, enableIf, requiredIf,
 * expression, triggers...) by its own parser, and every `{...}` piped into a text by
 * its own text processor. survey-core compares names without case ({Q1} reads q1)
 * and reads a question's parts as `{name.row}` or `{name[0]}`; a regular expression
 * of our own missed the first and guessed at the second (review finding, issue 18).
 */
const EXPRESSION_KEY = /(?:If|[Ee]xpression)$/;

function variablesOf(text: string, key: string): string[] {
	const found: string[] = [];
	if (EXPRESSION_KEY.test(key)) found.push(...new ConditionRunner(text).getVariables());
	const processor = new TextPreProcessor();
	processor.onProcess = (value: { name: string }) => {
		found.push(value.name);
	};
	processor.process(text);
	return found;
}

function refersTo(variable: string, name: string): boolean {
	const v = variable.trim().toLowerCase();
	const n = name.toLowerCase();
	return v === n || v.startsWith(n + '.') || v.startsWith(n + '[');
}

export function readsName(json: unknown, name: string): boolean {
	const visit = (value: unknown, key: string): boolean => {
		if (typeof value === 'string') return value.includes('{') && variablesOf(value, key).some((v) => refersTo(v, name));
		if (Array.isArray(value)) return value.some((v) => visit(v, key));
		if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => visit(v, k));
		return false;
	};
	return visit(json, '');
}
