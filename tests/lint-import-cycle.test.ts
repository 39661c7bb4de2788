import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Linter } from 'eslint';
import ts from 'typescript-eslint';
import noImportCycle from '../eslint/no-import-cycle.js';

const root = mkdtempSync(join(tmpdir(), 'rps-cycle-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function lint(files: Record<string, string>, file: string) {
	for (const [name, text] of Object.entries(files)) {
		mkdirSync(join(root, 'src/lib/domain', name, '..'), { recursive: true });
		writeFileSync(join(root, 'src/lib/domain', name), text);
	}
	const linter = new Linter({ cwd: root });
	return linter.verify(
		files[file]!,
		[
			{
				files: ['**/*.ts'],
				languageOptions: { parser: ts.parser },
				plugins: { local: { rules: { 'no-import-cycle': noImportCycle as any } } },
				rules: { 'local/no-import-cycle': 'error' }
			}
		],
		join(root, 'src/lib/domain', file)
	);
}

describe('local/no-import-cycle', () => {
	it('reports a type-only loop between two domain modules, as definition.ts ↔ mail-lint.ts was', () => {
		const messages = lint(
			{
				'survey/definition.ts': "import { lint } from '../mail/mail-lint.ts';\nexport interface Finding { rule: string }\nexport const all = lint;\n",
				'mail/mail-lint.ts': "import type { Finding } from '../survey/definition.ts';\nexport const lint = (): Finding[] => [];\n"
			},
			'mail/mail-lint.ts'
		);
		expect(messages.map((m) => m.message)).toEqual([
			expect.stringContaining('Import cycle: src/lib/domain/mail/mail-lint.ts → src/lib/domain/survey/definition.ts → src/lib/domain/mail/mail-lint.ts')
		]);
	});

	it('accepts the same modules once the shared type has a module of its own', () => {
		const files = {
			'survey/finding.ts': 'export interface Finding { rule: string }\n',
			'survey/definition.ts': "import { lint } from '../mail/mail-lint.ts';\nexport type { Finding } from './finding.ts';\nexport const all = lint;\n",
			'mail/mail-lint.ts': "import type { Finding } from '../survey/finding.ts';\nexport const lint = (): Finding[] => [];\n"
		};
		expect(lint(files, 'mail/mail-lint.ts')).toEqual([]);
		expect(lint(files, 'survey/definition.ts')).toEqual([]);
	});
});
