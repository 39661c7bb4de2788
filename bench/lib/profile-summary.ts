// Summarises a V8 .cpuprofile (node --cpu-prof): self time by package / file area and by
// function, and total (inclusive) time of the functions named on the command line.
//   [PHASE=turns|healthz] node bench/lib/profile-summary.ts file.cpuprofile [TOP=30] [function names...]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

interface Node {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}
interface Profile {
	startTime: number;
	nodes: Node[];
	samples: number[];
	timeDeltas: number[];
}

const [file, topArg, ...named] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary.ts file.cpuprofile [top] [function...]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const top = Number(topArg ?? 30);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// PHASE=turns|healthz: only the samples inside that phase of bench/page-turns.ts (phases.json beside the profile).
const phase = process.env.PHASE;
const [from, to] = phase
	? (JSON.parse(readFileSync(join(dirname(file), 'phases.json'), 'utf8')) as Record<string, [number, number]>)[phase]!
	: [-Infinity, Infinity];
const selfUs = new Map<number, number>();
let at = profile.startTime;
profile.samples.forEach((id, i) => {
	at += profile.timeDeltas[i] ?? 0;
	if (at >= from && at <= to) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});

/** Where a frame's code lives: a package, our app's chunks, Node itself, or V8's pseudo-frames. */
function area(n: Node): string {
	const { url, functionName } = n.callFrame;
	if (!url) return `(${functionName || 'anonymous'})`;
	const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
	if (pkg) return pkg[1]!;
	if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
	const app = /\/build\/(.*)$/.exec(url) ?? /\/(src\/.*)$/.exec(url);
	return app ? app[1]! : url;
}

const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
const pct = (us: number) => ((100 * us) / total).toFixed(1).padStart(5) + '%';
function table(title: string, key: (n: Node) => string): void {
	const sums = new Map<string, number>();
	for (const [id, us] of selfUs) sums.set(key(byId.get(id)!), (sums.get(key(byId.get(id)!)) ?? 0) + us);
	console.log(`\n${title}`);
	for (const [k, us] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`);
}

console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
table('self time by area', area);
table('self time by function', (n) => `${n.callFrame.functionName || '(anonymous)'}  ${area(n)}:${n.callFrame.lineNumber + 1}`);

// Inclusive time of named functions: a sample counts once if any ancestor frame has the name.
for (const name of named) {
	let us = 0;
	for (const [id, t] of selfUs) {
		for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
			if (byId.get(cur)!.callFrame.functionName === name) {
				us += t;
				break;
			}
		}
	}
	console.log(`inclusive ${name}: ${pct(us)} (${(us / 1000).toFixed(0)} ms)`);
}
