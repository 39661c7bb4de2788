import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ESLint, Linter } from 'eslint';
import ts from 'typescript-eslint';
import maxFolderFiles from '../eslint/max-folder-files.js';

const scratch = mkdtempSync(join(tmpdir(), 'rps-folder-size-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The rule's messages for one file, as eslint.config.js runs it on src/lib/server. */
function lint(file: string, cwd: string, pending: string[] = []) {
	const linter = new Linter({ cwd });
	return linter.verify(
		'export {};\n',
		[
			{
				files: ['**/*.ts'],
				languageOptions: { parser: ts.parser },
				plugins: { local: { rules: { 'max-folder-files': maxFolderFiles as any } } },
				rules: { 'local/max-folder-files': ['error', { max: 15, pending }] }
			}
		],
		file
	);
}

function folderWith(name: string, files: string[]): string {
	const dir = join(scratch, name);
	mkdirSync(dir, { recursive: true });
	for (const file of files) writeFileSync(join(dir, file), 'export {};\n');
	return dir;
}

const numbered = (count: number, ext = '.ts') => Array.from({ length: count }, (_, i) => `file-${i}${ext}`);

describe('local/max-folder-files', () => {
	it('reports a folder of 16 source files, as src/lib/server/db, analysis and distribution were', () => {
		const dir = folderWith('sixteen', numbered(16));
		const messages = lint(join(dir, 'file-0.ts'), scratch);
		expect(messages.map((m) => m.message)).toEqual([expect.stringContaining('sixteen holds 16 source files (at most 15)')]);
	});

	it('counts Svelte and JavaScript files, and not tests, subfolders or other files', () => {
		const dir = folderWith('fifteen', [...numbered(13), 'view.svelte', 'client.js', 'a.test.ts', 'b.test.ts', 'regions.json', 'README.md']);
		mkdirSync(join(dir, 'sub'));
		expect(lint(join(dir, 'file-0.ts'), scratch)).toEqual([]);
		writeFileSync(join(dir, 'one-more.ts'), 'export {};\n');
		expect(lint(join(dir, 'file-0.ts'), scratch)).toHaveLength(1);
	});

	it('asks for a pending folder to come off the list once it is within the limit', () => {
		const dir = folderWith('being-split', numbered(16));
		expect(lint(join(dir, 'file-0.ts'), scratch, ['being-split'])).toEqual([]);
		rmSync(join(dir, 'file-15.ts'));
		expect(lint(join(dir, 'file-0.ts'), scratch, ['being-split']).map((m) => m.message)).toEqual([expect.stringContaining('take it off the pending list')]);
	});

	it('holds for every folder under src/lib/server, with the project ESLint configuration', async () => {
		const root = join(import.meta.dirname, '..');
		const oneFilePerFolder: string[] = [];
		const walk = (dir: string) => {
			const entries = readdirSync(dir, { withFileTypes: true });
			const source = entries.find((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'));
			if (source) oneFilePerFolder.push(join(dir, source.name));
			for (const e of entries) if (e.isDirectory()) walk(join(dir, e.name));
		};
		walk(join(root, 'src/lib/server'));
		expect(oneFilePerFolder.length).toBeGreaterThan(10);
		const results = await new ESLint({ cwd: root }).lintFiles(oneFilePerFolder);
		const findings = results.flatMap((r) =>
			r.messages.filter((m) => m.ruleId === 'shape/max-folder-files').map((m) => `${relative(root, r.filePath)}: ${m.message}`)
		);
		expect(findings).toEqual([]);
	});
});
