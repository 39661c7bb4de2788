import type { Db } from '../../db/create-db.ts';
import { nowIso } from '../../db/ids.ts';
import { claimDue, markFinal, markRetry, markSent, retryDelayMs } from '../mail/outbox-store.ts';
import type { WebhookConfig } from './webhook-config.ts';
import { SIGNATURE_HEADER, signatureHeader } from './signature.ts';

/**
 * The webhook sender: claims due `webhook` rows of the outbox (claimDue: the same lease
 * and compare-and-set as e-mail, so several nodes never send one delivery twice at
 * once), posts each, signed, and marks it sent, to retry (the outbox's doubling backoff)
 * or failed. Only a 2xx answer counts as received. Redirects are not followed and the
 * receiver's body is never read into what the page shows: only its status code (SSRF,
 * docs/webhooks.md).
 */

const USER_AGENT = 'RegionalPresenceSurvey-Webhooks/1';
/** What is kept of an error's text for the page. */
const ERROR_CHARS = 300;

type Outcome = 'sent' | 'retry' | 'failed' | 'cancelled';

async function deliverOne(db: Db, config: WebhookConfig, id: string): Promise<Outcome> {
	const row = await db
		.selectFrom('outbox_message as o')
		.innerJoin('webhook_endpoint as w', 'w.id', 'o.endpoint_id')
		.select(['o.id', 'o.attempts', 'o.event_id', 'o.event_type', 'o.payload_json', 'w.url', 'w.secret', 'w.state as endpoint_state'])
		.where('o.id', '=', id)
		.executeTakeFirst();
	// The endpoint was deleted meanwhile (its rows go with it): nothing left to do.
	if (!row) return 'cancelled';
	if (row.endpoint_state !== 'active') {
		await markFinal(db, id, 'cancelled', row.attempts, 'not sent: the endpoint is paused');
		return 'cancelled';
	}
	const attempts = row.attempts + 1;
	const body = row.payload_json!;
	let status: number | null = null;
	let error: string;
	try {
		const res = await fetch(row.url, {
			method: 'POST',
			redirect: 'manual',
			signal: AbortSignal.timeout(config.timeoutMs),
			headers: {
				'content-type': 'application/json',
				'user-agent': USER_AGENT,
				'x-rps-event': row.event_type!,
				'x-rps-event-id': row.event_id!,
				'x-rps-delivery': row.id,
				[SIGNATURE_HEADER.toLowerCase()]: signatureHeader(row.secret, body, Math.floor(Date.now() / 1000))
			},
			body
		});
		status = res.status;
		// Not read: a receiver's page must not reach the administrator's screen through us.
		await res.body?.cancel();
		if (res.ok) {
			await db.updateTable('outbox_message').set({ last_status: status }).where('id', '=', id).execute();
			await markSent(db, id, attempts);
			return 'sent';
		}
		error = `HTTP ${status}`;
	} catch (e) {
		const cause = (e as { cause?: { code?: string; message?: string } }).cause;
		error = (cause?.code ?? (e instanceof Error ? e.name : 'error')) + ': ' + (cause?.message ?? (e instanceof Error ? e.message : String(e)));
	}
	await db.updateTable('outbox_message').set({ last_status: status }).where('id', '=', id).execute();
	if (attempts >= config.maxAttempts) {
		await markFinal(db, id, 'failed', attempts, error.slice(0, ERROR_CHARS));
		return 'failed';
	}
	const next = new Date(Date.now() + retryDelayMs(config.retryBaseMs, attempts)).toISOString();
	await markRetry(db, id, attempts, error.slice(0, ERROR_CHARS), next);
	return 'retry';
}

/** Sends every due delivery, one at a time. */
export async function drainWebhooks(db: Db, config: WebhookConfig, shouldStop: () => boolean = () => false): Promise<Record<Outcome, number>> {
	const tally: Record<Outcome, number> = { sent: 0, retry: 0, failed: 0, cancelled: 0 };
	while (!shouldStop()) {
		const id = await claimDue(db, nowIso(), ['webhook']);
		if (!id) break;
		tally[await deliverOne(db, config, id)]++;
	}
	return tally;
}

export interface WebhookSender {
	stop(): Promise<void>;
}

/** The background sender: drains every `pollMs` until stopped. Timers never keep the process alive. */
export function startWebhookSender(db: Db, config: WebhookConfig, log: (line: string) => void): WebhookSender {
	let stopped = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let running: Promise<unknown> = Promise.resolve();
	const tick = () => {
		running = drainWebhooks(db, config, () => stopped)
			.then((t) => {
				if (t.retry + t.failed > 0) log(`webhooks: ${t.sent} sent, ${t.retry} to retry, ${t.failed} failed`);
			})
			.catch((e: unknown) => log(`webhooks: ${e instanceof Error ? e.message : String(e)}`))
			.finally(() => {
				if (!stopped) timer = setTimeout(tick, config.pollMs).unref();
			});
	};
	tick();
	return {
		async stop() {
			stopped = true;
			clearTimeout(timer);
			await running;
		}
	};
}
