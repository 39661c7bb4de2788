// Applies the server-by-area move (issue 13) to import specifiers: `node scripts/apply-server-move.mjs [--move] [map.json]`.
// The map defaults to scripts/server-move-map.json (the first move, services/ → areas); the folder split that
// followed it is scripts/server-split-map.json. Run the script once per map, in that order.
// With --move it first moves the files with `git mv` (run once, on main). Without it, it only rewrites
// imports, which is what a branch started before the move needs after `git merge main`: any relative or
// `$lib/` specifier that no longer resolves, but whose old target is in scripts/server-move-map.json, is
// rewritten to the new place. Specifiers that resolve are left alone, so the script is idempotent.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const mapFile = process.argv.slice(2).find((arg) => arg.endsWith('.json')) ?? 'scripts/server-move-map.json';
const map = JSON.parse(readFileSync(resolve(root, mapFile), 'utf8'));
const inverse = Object.fromEntries(Object.entries(map).map(([from, to]) => [to, from]));

if (process.argv.includes('--move')) {
	for (const [from, to] of Object.entries(map)) {
		if (!existsSync(join(root, from))) continue;
		execFileSync('mkdir', ['-p', dirname(join(root, to))]);
		execFileSync('git', ['mv', from, to], { cwd: root });
	}
}

const SKIP = new Set(['node_modules', '.git', 'build', '.svelte-kit', 'paraglide', 'test-results', 'data']);
function* files(dir) {
	for (const name of readdirSync(dir)) {
		if (SKIP.has(name)) continue;
		const path = join(dir, name);
		if (statSync(path).isDirectory()) yield* files(path);
		else if (/\.(ts|js|mjs|svelte|md)$/.test(name)) yield path;
	}
}

const toPosix = (p) => p.split('\\').join('/');
const exists = (rel) => ['', '.ts', '.js', '/index.ts'].some((ext) => existsSync(join(root, rel + ext)) && statSync(join(root, rel + ext)).isFile());
const mapped = (rel) => map[rel] ?? map[rel + '.ts'];

let changed = 0;
for (const abs of files(root)) {
	const here = toPosix(relative(root, abs));
	const before = inverse[here] ?? here;
	const text = readFileSync(abs, 'utf8');
	let next = text;
	if (here.endsWith('.md')) {
		// Documentation names files by their repository path.
		for (const [from, to] of Object.entries(map)) next = next.split(from).join(to);
	} else {
		next = text.replace(/(from\s+|import\s*\(\s*|import\s+|vi\.mock\(\s*)(['"])([^'"\n]+)\2/g, (whole, lead, quote, spec) => {
			let target;
			if (spec.startsWith('$lib/')) {
				if (exists('src/lib/' + spec.slice(5))) return whole;
				target = mapped('src/lib/' + spec.slice(5));
				return target ? `${lead}${quote}$lib/${target.slice('src/lib/'.length)}${quote}` : whole;
			}
			if (!spec.startsWith('.')) return whole;
			if (exists(posix.join(posix.dirname(here), spec))) return whole;
			// A moved file's own imports resolve from where it stood: to a moved file or to one that stayed.
			const old = posix.join(posix.dirname(before), spec);
			target = mapped(old) ?? (exists(old) ? old : undefined);
			if (!target) return whole;
			let rel = posix.relative(posix.dirname(here), target);
			if (!rel.startsWith('.')) rel = './' + rel;
			return `${lead}${quote}${rel}${quote}`;
		});
		// Paths written as strings (server.js, tests that name a source file).
		for (const [from, to] of Object.entries(map)) {
			next = next.split(`'./${from}'`).join(`'./${to}'`).split(`'${from}'`).join(`'${to}'`);
		}
	}
	if (next !== text) {
		writeFileSync(abs, next);
		changed++;
	}
}
console.log(`apply-server-move: ${changed} files rewritten`);
