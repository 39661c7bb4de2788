import type { ConditionNode } from '../conditions.ts';

/**
 * The server's evaluator of a compiled condition (conditions.ts), the same semantics
 * as the browser's (src/lib/client/respondent.js) but on stored answers: the plan
 * decides visibility, enablement and requiredness with it instead of survey-core.
 * plan.test.ts checks it against survey-core on every condition of our questionnaires.
 */
export type Lookup = (variable: string) => unknown;

const NUMERIC = /^-?\d+(\.\d+)?$/;

function empty(v: unknown): boolean {
	return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

function same(a: unknown, b: unknown): boolean {
	if (empty(a) || empty(b)) return empty(a) && empty(b);
	if (Array.isArray(a) || Array.isArray(b)) {
		const x = ([] as unknown[]).concat(a);
		const y = ([] as unknown[]).concat(b);
		return x.length === y.length && x.every((v) => y.some((w) => same(v, w)));
	}
	return NUMERIC.test(String(a)) && NUMERIC.test(String(b)) ? Number(a) === Number(b) : String(a) === String(b);
}

function order(a: unknown, b: unknown): number {
	if (empty(a) || empty(b)) return NaN;
	if (NUMERIC.test(String(a)) && NUMERIC.test(String(b))) return Number(a) - Number(b);
	const [x, y] = [String(a), String(b)];
	return x < y ? -1 : x > y ? 1 : 0;
}

function has(list: unknown, v: unknown): boolean {
	return ([] as unknown[]).concat(list === undefined ? [] : list).some((w) => same(w, v));
}

function value(n: ConditionNode, get: Lookup): unknown {
	switch (n[0]) {
		case 'v':
			return get(n[1]);
		case 'c':
			return n[1];
		case 'a':
			return n[1].map((x) => value(x, get));
		case 'u': {
			const u = value(n[2], get);
			return n[1] === 'empty' ? empty(u) : n[1] === 'notempty' ? !empty(u) : !u;
		}
		case 'b': {
			if (n[1] === 'and') return Boolean(value(n[2], get)) && Boolean(value(n[3], get));
			if (n[1] === 'or') return Boolean(value(n[2], get)) || Boolean(value(n[3], get));
			const l = value(n[2], get);
			const r = value(n[3], get);
			switch (n[1]) {
				case 'equal':
					return same(l, r);
				case 'notequal':
					return !same(l, r);
				case 'less':
					return order(l, r) < 0;
				case 'lessorequal':
					return order(l, r) <= 0;
				case 'greater':
					return order(l, r) > 0;
				case 'greaterorequal':
					return order(l, r) >= 0;
				case 'contains':
					return typeof l === 'string' ? l.includes(String(r)) : has(l, r);
				case 'notcontains':
					return typeof l === 'string' ? !l.includes(String(r)) : !has(l, r);
				case 'anyof':
					return ([] as unknown[]).concat(r).some((v) => has(l, v));
				case 'allof':
					return ([] as unknown[]).concat(r).every((v) => has(l, v));
			}
		}
	}
	return false;
}

/** A compiled condition as a function of the answers (`{q}` and `{matrix.row}` variables). */
export function conditionFunction(node: ConditionNode): (answers: Record<string, unknown>) => boolean {
	return (answers) =>
		Boolean(
			value(node, (variable) => {
				const [name, ...path] = variable.split('.');
				let v: unknown = answers[name!];
				for (const key of path) v = (v as Record<string, unknown> | undefined)?.[key];
				return v;
			})
		);
}
