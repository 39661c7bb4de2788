import { describe, expect, it } from 'vitest';
import { compileCondition, conditionVariables, mapCondition } from './conditions.ts';

describe('compileCondition', () => {
	it('compiles comparisons, logic and lists into a plain tree', () => {
		expect(compileCondition('{sat} <= 2')).toEqual(['b', 'lessorequal', ['v', 'sat'], ['c', 2]]);
		expect(compileCondition("{a} = 'x' and {b} notempty")).toEqual(['b', 'and', ['b', 'equal', ['v', 'a'], ['c', 'x']], ['u', 'notempty', ['v', 'b']]]);
		expect(compileCondition("{offices} anyof ['RO-AFR', 'RO-EUR']")).toEqual([
			'b',
			'anyof',
			['v', 'offices'],
			[
				'a',
				[
					['c', 'RO-AFR'],
					['c', 'RO-EUR']
				]
			]
		]);
	});

	it('gives up on what the browser evaluator cannot do, so the server decides', () => {
		expect(compileCondition('age({birth}) > 18')).toBeNull();
		expect(compileCondition('')).toBeNull();
	});

	it('lists the variables a condition reads', () => {
		expect([...conditionVariables(compileCondition("{a} = 1 or {m.row} contains 'x'"))]).toEqual(['a', 'm.row']);
	});

	it('renames every variable of a tree and keeps the rest', () => {
		const node = compileCondition("{a} = 1 or {b} anyof ['x'] or {c} notempty")!;
		expect(mapCondition(node, (v) => v.toUpperCase())).toEqual(compileCondition("{A} = 1 or {B} anyof ['x'] or {C} notempty"));
	});
});
