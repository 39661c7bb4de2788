import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { BaseSequencer, type TestSequencer, type TestSpecification, type Vitest } from 'vitest/node';
import { SlowFirstSequencer } from './helpers/sequencer.ts';

const root = resolve('.');
/** Just what the sequencers read of a Vitest run without cached durations. */
const freshClone = { config: { root }, cache: { getTestSpecificationResult: () => undefined } } as unknown as Vitest;
const spec = (file: string, project: string, groupOrder: number) =>
	({ moduleId: resolve(file), project: { name: project, config: { sequence: { groupOrder }, isolate: true } } }) as unknown as TestSpecification;

const files = [
	spec('tests/e2e/edition-workspace.test.ts', 'e2e', 2),
	spec('tests/e2e/secretariat-shell.test.ts', 'e2e', 2),
	spec('tests/e2e/keyboard.test.ts', 'e2e', 2),
	spec('tests/e2e/respondent.test.ts', 'e2e', 2),
	spec('tests/e2e/secretariat-pages.test.ts', 'e2e', 2),
	spec('tests/integration/api-http.test.ts', 'integration', 1),
	spec('tests/integration/outbox-smtp.test.ts', 'integration', 1),
	spec('tests/messages.test.ts', 'unit', 0)
];
const order = async (sequencer: TestSequencer) => (await sequencer.sort([...files])).map((s) => s.moduleId.slice(root.length + 1));

describe('the order of test files in a fresh clone', () => {
	it('keeps the groups in order and starts the slowest files of each first', async () => {
		expect(await order(new SlowFirstSequencer(freshClone))).toEqual([
			'tests/messages.test.ts',
			'tests/integration/outbox-smtp.test.ts',
			'tests/integration/api-http.test.ts',
			'tests/e2e/secretariat-pages.test.ts',
			'tests/e2e/respondent.test.ts',
			'tests/e2e/secretariat-shell.test.ts',
			'tests/e2e/edition-workspace.test.ts',
			'tests/e2e/keyboard.test.ts'
		]);
	});
	it('is what Vitest alone would not do (larger files first)', async () => {
		expect((await order(new BaseSequencer(freshClone))).indexOf('tests/e2e/secretariat-pages.test.ts')).toBeGreaterThan(2);
	});
});
