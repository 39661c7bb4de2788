import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import type { TestDb } from '../helpers/db.ts';
import { bootstrappedDb } from '../helpers/bootstrapped-db.ts';
import { insertSyntheticResponses } from '../../src/lib/server/analysis/demo.ts';
import { latestRelease, releaseResults } from '../../src/lib/server/analysis/releases.ts';
import { buildReportModel, generateCouncilReport, generateCouncilReports, reportFile } from '../../src/lib/server/analysis/report/report-service.ts';
import { renderCouncilReport } from '../../src/lib/server/analysis/report/docx/council-docx.ts';
import { emptySecretariatTexts } from '../../src/lib/domain/report/secretariat-texts.ts';
import { LOCALES } from '../../src/lib/domain/locales.ts';

/**
 * The Council report in six languages is laid out in worker threads (issue 16 item 6: six languages in
 * ≤ 5 s; the DOCX build is nearly all of a report's time and each language's is independent). The
 * server's own thread builds the models and stores the files but lays out none of them, so it spends
 * less CPU on six languages than it did on one laid out by itself; and each document is the one the
 * server's thread would have built, part for part (the package's dates and the bookmarks' and drawings' numbers aside).
 */
let t: TestDb;

beforeAll(async () => {
	t = await bootstrappedDb();
	expect(await insertSyntheticResponses(t.db, 'rp-2026', 60, 5)).toBeGreaterThan(10);
	await releaseResults(t.db, 'rp-2026', { role: 'analyst', email: 'test' });
}, 120_000);
afterAll(async () => {
	await t?.close();
});

/** CPU time (ms) of this thread alone while `fn` runs (process.cpuUsage would count the workers too). */
async function threadCpu<T>(fn: () => Promise<T>): Promise<[T, number]> {
	const before = process.threadCpuUsage();
	const value = await fn();
	const used = process.threadCpuUsage(before);
	return [value, (used.user + used.system) / 1000];
}

/**
 * A DOCX's parts (a digest of each), but for docProps/core.xml (its creation and modification dates),
 * with the bookmarks and drawings numbered from 1 (docx numbers them with counters of its thread).
 */
function parts(docx: Buffer): Record<string, string> {
	const files = unzipSync(new Uint8Array(docx));
	const renumber = (xml: string, pattern: RegExp) => {
		const numbers = new Map<string, number>();
		return xml.replace(pattern, (_, before: string, n: string) => `${before}${numbers.get(n) ?? numbers.set(n, numbers.size + 1).get(n)}`);
	};
	const bookmarks = (xml: string) => [/(_Toc)(\d+)/g, /(<w:bookmark(?:Start|End)\b[^>]*?w:id=")(\d+)/g, /(<wp:docPr id=")(\d+)/g].reduce(renumber, xml);
	return Object.fromEntries(
		Object.entries(files)
			.filter(([name]) => name !== 'docProps/core.xml')
			.map(([name, bytes]) => {
				const content = name.endsWith('.xml') ? bookmarks(Buffer.from(bytes).toString('utf8')) : Buffer.from(bytes);
				return [name, createHash('sha256').update(content).digest('hex')];
			})
	);
}

describe('the Council report in six languages', () => {
	it("is laid out off the server's thread: six languages cost that thread less CPU than one laid out there", async () => {
		// Warm up the code paths (module loading, fonts) so neither figure includes them.
		await generateCouncilReport(t.db, 'rp-2026', 'en', 'test');
		const [, one] = await threadCpu(() => generateCouncilReport(t.db, 'rp-2026', 'en', 'test'));
		const [stored, six] = await threadCpu(() => generateCouncilReports(t.db, 'rp-2026', LOCALES, 'test'));
		expect(stored.map((r) => r.locale)).toEqual([...LOCALES]);
		expect(six, `server thread CPU: six languages ${six.toFixed(0)} ms, one language laid out there ${one.toFixed(0)} ms`).toBeLessThan(one);
	}, 300_000);

	it("gives, in every language, the document the server's thread builds", async () => {
		const stored = await generateCouncilReports(t.db, 'rp-2026', LOCALES, 'test');
		const release = (await latestRelease(t.db, 'rp-2026'))!;
		for (const report of stored) {
			const locale = report.locale as (typeof LOCALES)[number];
			const secretariat = { texts: emptySecretariatTexts(), quotations: [], complete: false, version: 0, documentDate: null, originalLanguage: null };
			const { model } = await buildReportModel(t.db, release, locale, secretariat);
			const here = await renderCouncilReport(model);
			const threaded = (await reportFile(t.db, 'rp-2026', report.id)).content;
			expect(parts(threaded), locale).toEqual(parts(here));
		}
	}, 300_000);
});
