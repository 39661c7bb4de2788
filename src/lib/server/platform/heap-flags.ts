// The server's V8 heap sizes, applied before anything else runs (server.js imports this first).
//
// V8 sizes the heap for throughput on a large machine: on this one (24 GB) it let the young
// generation grow to 2 × 64 MB and the old generation to several times its live data before a
// full collection, so under bench/page-turns.ts the server held 378–559 MB of which ~120 MB is
// the process itself (Node's binary, native modules) and ~60 MB live JavaScript data; the rest
// was garbage not yet collected. Issue 16 asks for ≤ 300 MB under that load. Smaller semi-spaces
// make each scavenge shorter too (fewer survivors to copy), which the page-turn tail needs.
//
// These limits are read when V8 creates the heap, so they cannot be set from inside a running
// process: the process replaces itself once (execve: same pid, same stdio, same environment)
// with the flags added. A flag given on the command line or in NODE_OPTIONS wins (that one is not
// added).
import { execve } from 'node:process';

/** 2 × 16 MB of young generation instead of 2 × 64 MB. */
const SEMI_SPACE = '--max-semi-space-size=16';
/** Old generation allowed to grow to 1.5 × live data between full collections (V8: up to 4×). */
const GROWING = '--heap-growing-percent=50';
const MARK = 'RPS_HEAP_FLAGS';

function given(flag: string): boolean {
	const name = flag.split('=')[0]!;
	const options = `${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`.replaceAll('_', '-');
	return options.includes(name);
}

const wanted = [SEMI_SPACE, GROWING].filter((flag) => !given(flag));
if (process.env[MARK] === undefined && wanted.length > 0 && typeof execve === 'function') {
	execve(process.execPath, [process.execPath, ...wanted, ...process.execArgv, ...process.argv.slice(1)], { ...process.env, [MARK]: wanted.join(' ') });
}
