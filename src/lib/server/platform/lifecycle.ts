/**
 * Whether this process is shutting down. server.js raises the flag on SIGTERM (the
 * SvelteKit bundle and server.js share no modules, and route modules load lazily, so
 * a global symbol rather than an event); /readyz then answers 503 and a load balancer
 * stops sending new respondents here while the requests in flight finish.
 */
export const DRAINING = Symbol.for('rps.draining');

export function isDraining(): boolean {
	return (globalThis as Record<symbol, unknown>)[DRAINING] === true;
}
