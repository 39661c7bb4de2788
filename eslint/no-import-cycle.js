// eslint-disable-next-line @typescript-eslint/ban-ts-comment -- see the next line
// @ts-nocheck -- a plain-JS ESLint rule loaded by eslint.config.js; ESLint checks its shape when it loads it.
// A local ESLint rule: no import cycle among the files it is enabled on (src/lib/domain).
// Type-only imports count: a cycle of types is still two modules that cannot be read,
// tested or moved apart. Written here rather than taken from eslint-plugin-import-x,
// whose resolver brings native packages per platform into the lock file; the domain
// imports its own files by relative path with the extension, so resolving is a join.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, resolve, relative } from 'node:path';

const SPECIFIER = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]/g;

/** Relative imports of a file, resolved to absolute paths of files that exist. */
function importsOf(file, cache) {
	let found = cache.get(file);
	if (found) return found;
	found = [];
	cache.set(file, found);
	let text;
	try {
		text = readFileSync(file, 'utf8');
	} catch {
		return found;
	}
	for (const m of text.matchAll(SPECIFIER)) {
		const target = resolveSpecifier(file, m[1] ?? m[2]);
		if (target) found.push(target);
	}
	return found;
}

function resolveSpecifier(from, specifier) {
	if (!specifier.startsWith('.')) return null;
	const base = resolve(dirname(from), specifier);
	for (const candidate of [base, `${base}.ts`, `${base}/index.ts`]) if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate;
	return null;
}

/** A path of imports from `start` back to `goal` inside `root`, or null. */
function pathBack(start, goal, root, cache) {
	const seen = new Set();
	const stack = [[start, [start]]];
	while (stack.length > 0) {
		const [file, path] = stack.pop();
		if (file === goal) return path;
		if (seen.has(file) || !file.startsWith(root)) continue;
		seen.add(file);
		for (const next of importsOf(file, cache)) stack.push([next, [...path, next]]);
	}
	return null;
}

export default {
	meta: {
		type: 'problem',
		docs: { description: "Forbid import cycles among the files of one folder tree (by default the linted file's src/lib/domain)." },
		schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
		messages: { cycle: 'Import cycle: {{path}}. Move what both need into a module of its own.' }
	},
	create(context) {
		const file = context.filename;
		const root = resolve(context.cwd, context.options[0]?.root ?? 'src/lib/domain');
		const cache = new Map();
		const check = (node) => {
			if (!node.source || typeof node.source.value !== 'string') return;
			const target = resolveSpecifier(file, node.source.value);
			if (!target || !target.startsWith(root)) return;
			const path = pathBack(target, file, root, cache);
			if (path) context.report({ node: node.source, messageId: 'cycle', data: { path: [file, ...path].map((p) => relative(context.cwd, p)).join(' → ') } });
		};
		return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
	}
};
