import { ConditionsParser } from 'survey-core';

/**
 * SurveyJS conditions compiled on the server into a small JSON tree that the
 * respondent's browser evaluates with a ~1 KB script (src/lib/client/respondent.js), so
 * visibleIf and enableIf react instantly without shipping survey-core.
 * Anything the tree cannot express (functions such as age() or iif()) compiles to
 * null: that condition then changes only when the page is posted, as without JavaScript.
 *
 *   ['v', name]             a variable ({q}, {matrix.row})
 *   ['c', value]            a constant
 *   ['a', [nodes]]          an array constant
 *   ['u', op, node]         unary: empty, notempty, negate
 *   ['b', op, left, right]  binary: and, or, equal, notequal, less, lessorequal, greater,
 *                           greaterorequal, contains, notcontains, anyof, allof
 */
export type ConditionNode =
	['v', string] | ['c', string | number | boolean | null] | ['a', ConditionNode[]] | ['u', string, ConditionNode] | ['b', string, ConditionNode, ConditionNode];

const UNARY = new Set(['empty', 'notempty', 'negate']);
const BINARY = new Set(['and', 'or', 'equal', 'notequal', 'less', 'lessorequal', 'greater', 'greaterorequal', 'contains', 'notcontains', 'anyof', 'allof']);

class Unsupported extends Error {}

type Operand = {
	getType(): string;
	operatorName?: string;
	left?: Operand;
	right?: Operand;
	expressionValue?: Operand;
	variableName?: string;
	value?: unknown;
	values?: Operand[];
};

function constant(value: unknown): ConditionNode {
	if (typeof value === 'string') {
		const quoted = /^(['"])(.*)\1$/s.exec(value);
		if (quoted) return ['c', quoted[2]!];
		if (value === 'true' || value === 'false') return ['c', value === 'true'];
		if (/^-?\d+(\.\d+)?$/.test(value)) return ['c', Number(value)];
		return ['c', value];
	}
	if (typeof value === 'number' || typeof value === 'boolean' || value === null) return ['c', value];
	throw new Unsupported('constant');
}

function compileOperand(op: Operand): ConditionNode {
	switch (op.getType()) {
		case 'variable':
			return ['v', String(op.variableName)];
		case 'const':
			return constant(op.value);
		case 'array':
			return ['a', (op.values ?? []).map(compileOperand)];
		case 'unary':
			if (!UNARY.has(String(op.operatorName)) || !op.expressionValue) throw new Unsupported('unary');
			return ['u', String(op.operatorName), compileOperand(op.expressionValue)];
		case 'binary':
			if (!BINARY.has(String(op.operatorName)) || !op.left || !op.right) throw new Unsupported('binary');
			return ['b', String(op.operatorName), compileOperand(op.left), compileOperand(op.right)];
		default:
			throw new Unsupported(op.getType());
	}
}

const cache = new Map<string, ConditionNode | null>();

export function compileCondition(expression: string | undefined | null): ConditionNode | null {
	if (!expression) return null;
	let compiled = cache.get(expression);
	if (compiled === undefined) {
		try {
			const parsed = new ConditionsParser().parseExpression(expression) as unknown as Operand | null;
			compiled = parsed ? compileOperand(parsed) : null;
		} catch {
			compiled = null;
		}
		cache.set(expression, compiled);
	}
	return compiled;
}

/** The variables a compiled condition reads (question names, or `matrix.row`). */
export function conditionVariables(node: ConditionNode | null, into = new Set<string>()): Set<string> {
	if (!node) return into;
	switch (node[0]) {
		case 'v':
			into.add(node[1]);
			break;
		case 'a':
			node[1].forEach((n) => conditionVariables(n, into));
			break;
		case 'u':
			conditionVariables(node[2], into);
			break;
		case 'b':
			conditionVariables(node[2], into);
			conditionVariables(node[3], into);
			break;
	}
	return into;
}

/**
 * A compiled condition with each variable rewritten by `rename` (the rest of the tree kept):
 * the one walk page-view.ts (form field names) and kinds/paneldynamic.ts (`{panel.x}`) share.
 */
export function mapCondition(node: ConditionNode, rename: (variable: string) => string): ConditionNode {
	switch (node[0]) {
		case 'v':
			return ['v', rename(node[1])];
		case 'a':
			return ['a', node[1].map((n) => mapCondition(n, rename))];
		case 'u':
			return ['u', node[1], mapCondition(node[2], rename)];
		case 'b':
			return ['b', node[1], mapCondition(node[2], rename), mapCondition(node[3], rename)];
		default:
			return node;
	}
}
