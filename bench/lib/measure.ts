// One page load in a fresh browser context (cold cache), recording every response it fetches
// and the moment the first question can be answered.
import { gzipSync } from 'node:zlib';
import type { Browser, Request } from 'playwright-core';

export interface Target {
	name: string;
	url: string;
	/** The container of one question; the first one's first radio input is "the first answer". */
	questionSelector: string;
}

export interface Resource {
	url: string;
	type: string;
	status: number;
	mime: string;
	contentEncoding: string;
	/** Bytes on the wire for the response body (gzip when the proxy compressed it), per Chromium. */
	bodyBytes: number;
	/** Bytes on the wire for the status line and headers, per Chromium. */
	headerBytes: number;
	/** The decoded body. */
	rawBytes: number;
	/** zlib gzip level 9 (= gzip -9 -n) of the decoded body; binary bodies (fonts, images) counted raw. */
	gzip9Bytes: number;
	/** The Content-Length the proxy sent (the encoded body), as a check on bodyBytes. */
	contentLength: number | null;
}

export interface Failed {
	url: string;
	error: string;
}

export interface Load {
	resources: Resource[];
	failed: Failed[];
	/** ms from navigation start (performance.now() in the page) to the first radio being answerable. */
	answerableMs: number;
	/** the same, measured from Node before page.goto, as a cross-check. */
	answerableWallMs: number;
	/** the value of the radio found (to check it is the first question's first choice). */
	answerableValue: string;
	/** the start of the first question's text, to check both pages show the same question. */
	firstQuestionText: string;
	/** Navigation Timing of the document: request sent → first byte (emulated latency + server time), and → last byte. */
	documentTtfbMs: number;
	documentDoneMs: number;
	/** Resources the page had to wait for before it could render (Resource Timing's renderBlockingStatus). */
	renderBlocking: string[];
}

export interface Throttle {
	/** bytes per second */
	downloadThroughput: number;
	uploadThroughput: number;
	latency: number;
}

const TEXTY = /^(text\/|application\/(javascript|json|xml)|image\/svg\+xml)/;

/** Runs in the page before any of its scripts: polls once a frame (frames do not run while
 * render-blocking CSS is pending) until the first question's first radio is laid out, visible
 * and enabled, and notes performance.now() (ms since the navigation started). */
function detectorScript(questionSelector: string): string {
	return `(() => {
	const QSEL = ${JSON.stringify(questionSelector)};
	const ready = (el) => !!el && !el.matches(':disabled') && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
	const tick = () => {
		const q = document.querySelector(QSEL);
		const el = q && q.querySelector('input[type=radio]');
		if (ready(el)) { window.__firstAnswerable = performance.now(); window.__firstAnswerableValue = el.value; return; }
		requestAnimationFrame(tick);
	};
	requestAnimationFrame(tick);
})();`;
}

export async function loadOnce(browser: Browser, target: Target, opts: { throttle?: Throttle; record: boolean; timeoutMs?: number }): Promise<Load> {
	const timeoutMs = opts.timeoutMs ?? 120_000;
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	try {
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.enable');
		await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
		if (opts.throttle) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...opts.throttle });
		await page.addInitScript(detectorScript(target.questionSelector));

		const finished: Request[] = [];
		const failed: Failed[] = [];
		const inflight = new Set<Request>();
		let lastActivity = Date.now();
		page.on('request', (r) => {
			inflight.add(r);
			const from = r.redirectedFrom();
			if (from) {
				inflight.delete(from);
				if (!finished.includes(from)) finished.push(from); // the redirect response counts too
			}
			lastActivity = Date.now();
		});
		page.on('requestfinished', (r) => {
			inflight.delete(r);
			lastActivity = Date.now();
			if (!finished.includes(r)) finished.push(r);
		});
		page.on('requestfailed', (r) => {
			inflight.delete(r);
			lastActivity = Date.now();
			failed.push({ url: r.url(), error: r.failure()?.errorText ?? 'failed' });
		});

		const t0 = Date.now();
		await page.goto(target.url, { waitUntil: 'commit', timeout: timeoutMs });
		await page.waitForFunction(() => typeof (window as unknown as { __firstAnswerable?: number }).__firstAnswerable === 'number', null, {
			timeout: timeoutMs,
			polling: 10
		});
		const answerableWallMs = Date.now() - t0;
		const { at, value, ttfb, done, blocking } = await page.evaluate(() => {
			const w = window as unknown as { __firstAnswerable: number; __firstAnswerableValue: string };
			const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
			return {
				at: w.__firstAnswerable,
				value: w.__firstAnswerableValue,
				ttfb: nav ? nav.responseStart - nav.requestStart : NaN,
				done: nav ? nav.responseEnd : NaN,
				blocking: (performance.getEntriesByType('resource') as (PerformanceResourceTiming & { renderBlockingStatus?: string })[])
					.filter((e) => e.renderBlockingStatus === 'blocking')
					.map((e) => e.name)
			};
		});
		// The same check, Playwright's way: the first question's first radio is visible and enabled.
		const radio = page.locator(target.questionSelector).first().locator('input[type=radio]').first();
		if (!(await radio.isEnabled())) throw new Error(`${target.name}: the first radio is not enabled`);
		const firstQuestionText = ((await page.locator(target.questionSelector).first().innerText()) || '').replace(/\s+/g, ' ').trim().slice(0, 60);

		const resources: Resource[] = [];
		if (opts.record) {
			await page.waitForLoadState('load', { timeout: timeoutMs });
			// Then until the network has been quiet for 1.5 s (late fetches count too).
			const quietUntil = Date.now() + 30_000;
			while ((inflight.size > 0 || Date.now() - lastActivity < 1500) && Date.now() < quietUntil) await page.waitForTimeout(100);
			for (const r of finished) {
				const response = await r.response();
				if (!response) continue;
				const sizes = await r.sizes();
				const headers = await response.allHeaders();
				let body: Buffer = Buffer.alloc(0);
				try {
					body = await response.body();
				} catch {
					// redirects have no body
				}
				const mime = (headers['content-type'] ?? '').split(';')[0]!.trim();
				resources.push({
					url: r.url(),
					type: r.resourceType(),
					status: response.status(),
					mime,
					contentEncoding: headers['content-encoding'] ?? '',
					bodyBytes: sizes.responseBodySize,
					headerBytes: sizes.responseHeadersSize,
					rawBytes: body.length,
					gzip9Bytes: body.length === 0 ? 0 : TEXTY.test(mime) ? gzipSync(body, { level: 9 }).length : body.length,
					contentLength: headers['content-length'] ? Number(headers['content-length']) : null
				});
			}
		}
		return {
			resources,
			failed,
			answerableMs: at,
			answerableWallMs,
			answerableValue: value,
			firstQuestionText,
			documentTtfbMs: ttfb,
			documentDoneMs: done,
			renderBlocking: blocking
		};
	} finally {
		await context.close();
	}
}

export function totals(resources: Resource[]) {
	const sum = (f: (r: Resource) => number) => resources.reduce((a, r) => a + f(r), 0);
	return {
		requests: resources.length,
		body: sum((r) => r.bodyBytes),
		headers: sum((r) => r.headerBytes),
		transferred: sum((r) => r.bodyBytes + r.headerBytes),
		raw: sum((r) => r.rawBytes),
		gzip9: sum((r) => r.gzip9Bytes)
	};
}

export function shortUrl(url: string): string {
	const u = new URL(url);
	let p = u.pathname + u.search;
	// a respondent token is a secret-looking string: shorten it in printed output
	p = p.replace(/\/r\/[a-z2-7]{32}/, '/r/<token>');
	return p.length > 70 ? p.slice(0, 67) + '...' : p;
}
