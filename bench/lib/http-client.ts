// The one HTTP client of bench/page-turns: node:http over a keep-alive agent with one socket
// per simulated respondent. Used for the page turns and for /healthz alike, so that the
// ratio of the two compares the server's work, not two clients' overheads.
import http from 'node:http';

export interface Reply {
	status: number;
	location: string | null;
	body: string;
}

export function createClient(base: string, sockets: number) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
	const { hostname, port } = new URL(base);
	function request(method: 'GET' | 'POST', path: string, body?: string): Promise<Reply> {
		return new Promise((resolve, reject) => {
			const headers: Record<string, string> = { accept: 'text/html' };
			if (body !== undefined) {
				headers['content-type'] = 'application/x-www-form-urlencoded';
				headers['content-length'] = String(Buffer.byteLength(body));
				headers.origin = base;
			}
			const req = http.request({ agent, hostname, port, method, path, headers }, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () =>
					resolve({ status: res.statusCode ?? 0, location: (res.headers.location as string | undefined) ?? null, body: Buffer.concat(chunks).toString('utf8') })
				);
				res.on('error', reject);
			});
			req.on('error', reject);
			req.end(body);
		});
	}
	return { request, close: () => agent.destroy() };
}

/** Percentile of an ascending list (nearest rank). */
export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** CPU time (user + system, ms) and resident memory (MB) of a process, from /proc (Linux). */
export async function processUsage(pid: number): Promise<{ cpuMs: number; rssMb: number }> {
	const { readFile } = await import('node:fs/promises');
	const stat = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
	// Fields 14 and 15 (utime, stime) in clock ticks; 100 ticks a second on Linux.
	const cpuMs = (Number(stat[11]) + Number(stat[12])) * 10;
	const status = await readFile(`/proc/${pid}/status`, 'utf8');
	const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
	return { cpuMs, rssMb: rssKb / 1024 };
}
