// Respondent page weight: bytes transferred (gzip) to show the first questionnaire page, ours
// (the built server's demo link) vs the same questionnaire JSON rendered by stock SurveyJS
// (survey-core + survey-js-ui 2.5.38 + its CSS), both through one gzip proxy, in Chromium.
//   node bench/respondent-weight.ts            (after `npx vite build`)
// Exits 0 after printing (PASS or MISS); non-zero only when the measurement itself failed.
import { setUp, kb, PROXY_GZIP_LEVEL } from './lib/harness.ts';
import { loadOnce, shortUrl, totals, type Load, type Target } from './lib/measure.ts';

const TARGET_MAX_BYTES = 50_000; // ≤ 50 KB gzip (1 KB = 1000 bytes)
const TARGET_RATIO = 9; // at least 9× lighter than the reference
// Issue 16 item 5: the first question answerable after one round trip — the document alone,
// nothing render-blocking beside it — and that document ≤ 14 KB compressed (headers included).
const TARGET_FIRST_TRIP_BYTES = 14_000;

function table(name: string, load: Load): void {
	const t = totals(load.resources);
	console.log(`\n${name}: ${t.requests} responses`);
	console.log(
		`  ${'status'.padEnd(6)} ${'type'.padEnd(10)} ${'enc'.padEnd(4)} ${'wire body'.padStart(10)} ${'headers'.padStart(8)} ${'decoded'.padStart(10)} ${'gzip -9'.padStart(10)}  url`
	);
	for (const r of [...load.resources].sort((a, b) => b.bodyBytes + b.headerBytes - (a.bodyBytes + a.headerBytes))) {
		if (r.contentLength !== null && r.contentLength !== r.bodyBytes)
			console.log(`  (note: Content-Length ${r.contentLength} ≠ Chromium's body size ${r.bodyBytes} for the next line)`);
		console.log(
			`  ${String(r.status).padEnd(6)} ${r.type.padEnd(10)} ${(r.contentEncoding || '-').padEnd(4)} ${String(r.bodyBytes).padStart(10)} ${String(r.headerBytes).padStart(8)} ${String(r.rawBytes).padStart(10)} ${String(r.gzip9Bytes).padStart(10)}  ${shortUrl(r.url)}`
		);
	}
	console.log(
		`  ${'total'.padEnd(22)} ${String(t.body).padStart(10)} ${String(t.headers).padStart(8)} ${String(t.raw).padStart(10)} ${String(t.gzip9).padStart(10)}`
	);
	for (const f of load.failed) console.log(`  not fetched (${f.error}; only 127.0.0.1 is reachable, not counted): ${f.url}`);
}

async function main(): Promise<void> {
	const bench = await setUp();
	try {
		const ours: Target = { name: 'ours', url: bench.ours, questionSelector: '.question' };
		const reference: Target = { name: 'reference (stock SurveyJS 2.5.38)', url: bench.reference, questionSelector: '.sd-question' };
		const a = await loadOnce(bench.browser, ours, { record: true });
		const b = await loadOnce(bench.browser, reference, { record: true });
		for (const [t, l] of [
			[ours, a],
			[reference, b]
		] as const)
			if (l.resources.length === 0) throw new Error(`${t.name}: no response recorded`);

		console.log(`Respondent page weight — first questionnaire page, cold cache, Chromium ${bench.browser.version()}`);
		console.log(
			`Served through one Node proxy gzipping text responses at level ${PROXY_GZIP_LEVEL}; every response of the page load counted (until 1.5 s of network quiet after load).`
		);
		console.log(
			'wire body = encoded body bytes per Chromium; headers = status line + headers; gzip -9 = zlib level 9 of each decoded body (binary bodies counted raw).'
		);
		console.log(`first question: ours "${a.firstQuestionText}…" (first radio value=${a.answerableValue})`);
		console.log(`                reference "${b.firstQuestionText}…" (first radio value=${b.answerableValue})`);
		table('OURS', a);
		table('REFERENCE', b);

		const ta = totals(a.resources);
		const tb = totals(b.resources);
		const ratio = tb.transferred / ta.transferred;
		const ratioBody = tb.body / ta.body;
		const ratio9 = tb.gzip9 / ta.gzip9;
		console.log('\nSummary (1 KB = 1000 bytes)');
		console.log(
			`  ours:      ${kb(ta.transferred)} transferred (${kb(ta.body)} bodies + ${kb(ta.headers)} headers), ${ta.requests} requests; sum of gzip -9 bodies ${kb(ta.gzip9)}`
		);
		console.log(
			`  reference: ${kb(tb.transferred)} transferred (${kb(tb.body)} bodies + ${kb(tb.headers)} headers), ${tb.requests} requests; sum of gzip -9 bodies ${kb(tb.gzip9)}`
		);
		console.log(`  ratio reference/ours: ${ratio.toFixed(1)}× transferred, ${ratioBody.toFixed(1)}× bodies, ${ratio9.toFixed(1)}× gzip -9`);
		if (b.failed.length)
			console.log(
				`  note: the reference's ${b.failed.length} off-machine request(s) (web fonts its CSS links) were blocked and are not counted: its real weight is higher`
			);
		console.log(`  target ≤ ${kb(TARGET_MAX_BYTES)} transferred: ${ta.transferred <= TARGET_MAX_BYTES ? 'PASS' : 'MISS'} (${kb(ta.transferred)})`);
		console.log(`  target ≥ ${TARGET_RATIO}× lighter than the reference: ${ratio >= TARGET_RATIO ? 'PASS' : 'MISS'} (${ratio.toFixed(1)}×)`);
		const doc = a.resources.find((r) => r.type === 'document');
		if (!doc) throw new Error('ours: no document recorded');
		const firstTrip = doc.bodyBytes + doc.headerBytes;
		console.log(
			`  render-blocking requests beside the document: ${a.renderBlocking.length}${a.renderBlocking.length ? ` (${a.renderBlocking.map(shortUrl).join(', ')})` : ''}; target 0 (one round trip): ${a.renderBlocking.length === 0 ? 'PASS' : 'MISS'}`
		);
		// The reference links its stylesheet and script in <head>: its count shows the detection works.
		console.log(`  (reference, for comparison: ${b.renderBlocking.length} render-blocking: ${b.renderBlocking.map(shortUrl).join(', ')})`);
		console.log(
			`  target first round trip (the document, headers included) ≤ ${kb(TARGET_FIRST_TRIP_BYTES)} compressed: ${firstTrip <= TARGET_FIRST_TRIP_BYTES ? 'PASS' : 'MISS'} (${kb(firstTrip)})`
		);
	} finally {
		await bench.stop();
	}
}

main().then(
	() => process.exit(0),
	(e) => {
		console.error(`respondent-weight: the measurement failed: ${e instanceof Error ? e.stack : e}`);
		process.exit(1);
	}
);
