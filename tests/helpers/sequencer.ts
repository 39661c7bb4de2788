import { relative } from 'node:path';
import type { TestSequencer, TestSpecification, Vitest } from 'vitest/node';

/**
 * Seconds per file in a fresh-clone CI run on the 2-core machine (issue 13 item 5), for
 * the files that take 40 s or more. Vitest runs the longest files first when its cache
 * knows their durations; a fresh clone has no cache and falls back to file size, which
 * started the slowest end-to-end file sixth of its group: the group then waited on it
 * alone for minutes. Update when a file becomes (or stops being) one of the slow ones.
 */
const FRESH_CLONE_SECONDS: Record<string, number> = {
	'tests/e2e/secretariat-pages.test.ts': 318,
	'tests/e2e/respondent.test.ts': 299,
	'tests/e2e/surveyjs-corpus-equivalence.test.ts': 261,
	'tests/e2e/secretariat-shell.test.ts': 149,
	'tests/e2e/accessibility.test.ts': 215,
	'tests/e2e/surveyjs-media.test.ts': 77,
	'tests/e2e/surveyjs-dynamic.test.ts': 57,
	'tests/e2e/surveyjs-matrix-cells.test.ts': 54,
	'tests/e2e/surveyjs-kinds.test.ts': 47,
	'tests/e2e/secretariat-review.test.ts': 44,
	'tests/e2e/authoring-flow.test.ts': 85,
	'tests/e2e/xss.test.ts': 61,
	'tests/e2e/edition-workspace.test.ts': 56,
	'tests/e2e/respondent-followups.test.ts': 50,
	'tests/e2e/question-types.test.ts': 47,
	'tests/e2e/autosave.test.ts': 47,
	'tests/e2e/translation-workbench-layout.test.ts': 44,
	'tests/e2e/matrix-scales.test.ts': 43,
	'tests/e2e/distribution.test.ts': 43,
	'tests/integration/outbox-smtp.test.ts': 85,
	'tests/integration/multi-node.test.ts': 63,
	'tests/integration/cli-distribution.test.ts': 56,
	'tests/integration/council-document.test.ts': 55,
	'tests/integration/nginx-deploy.test.ts': 45,
	'tests/integration/stats-export.test.ts': 44,
	'tests/integration/report-quotations-http.test.ts': 42,
	'tests/integration/edition-dates-http.test.ts': 42,
	'tests/integration/api-http.test.ts': 41,
	'tests/integration/translation-http.test.ts': 40
};

/**
 * Vitest's own order (groups, projects, cached durations, else larger files first), except
 * that without a cached duration the files known to be slow start first, longest first:
 * the longest-first rule that keeps every worker busy until the end of a group.
 * vitest/node is loaded only when Vitest sorts (vite.config.ts also serves `vite build`).
 */
export class SlowFirstSequencer implements TestSequencer {
	private readonly ctx: Vitest;

	constructor(ctx: Vitest) {
		this.ctx = ctx;
	}

	private async base(): Promise<TestSequencer> {
		const { BaseSequencer } = await import('vitest/node');
		return new BaseSequencer(this.ctx);
	}

	async shard(files: TestSpecification[]): Promise<TestSpecification[]> {
		return (await this.base()).shard(files);
	}

	async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const sorted = await (await this.base()).sort(files);
		if (files.every((spec) => this.ctx.cache.getTestSpecificationResult(spec))) return sorted;
		const known = (spec: TestSpecification) => FRESH_CLONE_SECONDS[relative(this.ctx.config.root, spec.moduleId)] ?? -1;
		return sorted.sort(
			(a, b) =>
				a.project.config.sequence.groupOrder - b.project.config.sequence.groupOrder ||
				(a.project.name === b.project.name ? 0 : a.project.name < b.project.name ? -1 : 1) ||
				known(b) - known(a)
		);
	}
}
