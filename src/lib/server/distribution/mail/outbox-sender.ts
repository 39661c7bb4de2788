import nodemailer from 'nodemailer';
import type { Db } from '../../db/create-db.ts';
import type { MailConfig } from './mail-config.ts';
import { claimNextDue, markFinal, markRetry, markSent, requeueInterrupted, retryDelayMs, type ClaimedMessage } from './outbox-store.ts';
import { mailTemplatesOf, renderMail } from './mail-templates.ts';
import { deleteLink, insertLink } from '../invitations/invitations-repository.ts';
import { generateToken, hashToken } from '../../../domain/invitation/token.ts';
import { toLocale } from '../../../domain/locales.ts';
import { nowIso } from '../../db/ids.ts';

/** What the sender needs of nodemailer: one call. Tests use a real SMTP server instead. */
export interface MailTransport {
	sendMail(message: { from: string; to: string; subject: string; text: string; html: string }): Promise<unknown>;
	close?(): void;
}

const SMTP_TIMEOUT_MS = 15_000;

export function createMailTransport(smtpUrl: string): MailTransport {
	const url = new URL(smtpUrl);
	return nodemailer.createTransport({
		host: url.hostname,
		port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
		secure: url.protocol === 'smtps:',
		auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
		connectionTimeout: SMTP_TIMEOUT_MS,
		greetingTimeout: SMTP_TIMEOUT_MS,
		socketTimeout: SMTP_TIMEOUT_MS,
		// One connection reused for a whole batch instead of a handshake per message.
		pool: true,
		maxConnections: 1
	});
}

export type SendOutcome = 'sent' | 'retry' | 'failed' | 'cancelled';

function describe(error: unknown): { message: string; permanent: boolean; serverDown: boolean } {
	const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
	const message = (e.response ?? e.message ?? String(error)).slice(0, 500);
	// 5xx on the recipient is a refusal that a retry will not fix (unknown mailbox): a bounce.
	return {
		message: e.responseCode ? `${e.responseCode} ${message}` : `${e.code ?? 'error'} ${message}`,
		permanent: e.responseCode !== undefined && e.responseCode >= 500,
		serverDown: e.responseCode === undefined
	};
}

/**
 * Sends one claimed message. The respondent link is issued here, at send time, so the
 * outbox never holds a usable token; if delivery fails, that link is deleted again.
 */
async function deliver(
	db: Db,
	transport: MailTransport,
	config: MailConfig,
	publicUrl: string,
	m: ClaimedMessage
): Promise<{ outcome: SendOutcome; serverDown?: boolean }> {
	const attempts = m.attempts + 1;
	const now = nowIso();
	const extended = m.extended_until !== null && now < m.extended_until;
	const closed = m.edition_state !== 'open' || (m.closes_at !== null && now >= m.closes_at);
	if (m.invitation_state !== 'active' || m.edition_state === 'draft' || m.edition_state === 'archived' || (closed && !extended)) {
		await markFinal(db, m.id, 'cancelled', m.attempts, `not sent: edition ${m.edition_state}, invitation ${m.invitation_state}`);
		return { outcome: 'cancelled' };
	}
	if (m.kind === 'reminder' && m.response_state === 'submitted') {
		await markFinal(db, m.id, 'cancelled', m.attempts, 'not sent: the answers were submitted meanwhile');
		return { outcome: 'cancelled' };
	}
	// The texts of the questionnaire version the edition pins (or the built-in ones).
	const templates = await mailTemplatesOf(db, m.questionnaire_id);
	const token = generateToken();
	const tokenHash = hashToken(token);
	await insertLink(db, m.invitation_id, tokenHash, m.contact_id);
	const mail = renderMail(
		m.kind,
		toLocale(m.locale),
		{ contact: m.contact_name, entity: m.entity_name, link: `${publicUrl}/r/${token}`, closesAt: m.closes_at },
		templates
	);
	try {
		await transport.sendMail({ from: config.from, to: m.to_email, ...mail });
	} catch (error) {
		await deleteLink(db, tokenHash);
		const { message, permanent, serverDown } = describe(error);
		if (permanent || attempts >= config.maxAttempts) {
			await db.transaction().execute(async (trx) => {
				await markFinal(trx, m.id, 'failed', attempts, message);
				if (permanent) await trx.updateTable('contact').set({ bounced_at: nowIso() }).where('id', '=', m.contact_id).execute();
			});
			return { outcome: 'failed', serverDown };
		}
		const delay = retryDelayMs(config.retryBaseMs, attempts);
		await markRetry(db, m.id, attempts, message, new Date(Date.now() + delay).toISOString());
		return { outcome: 'retry', serverDown };
	}
	await markSent(db, m.id, attempts);
	return { outcome: 'sent' };
}

export interface DrainTally {
	sent: number;
	retry: number;
	failed: number;
	cancelled: number;
}

/**
 * Sends every due message, one at a time, spaced to respect the rate limit. Stops early
 * when the server cannot be reached or talked to (no SMTP reply code): the rest would
 * fail the same way, and stay queued for the next round.
 */
export async function drainOutbox(
	db: Db,
	transport: MailTransport,
	config: MailConfig,
	publicUrl: string,
	onProgress?: (t: DrainTally) => void,
	shouldStop: () => boolean = () => false
): Promise<DrainTally> {
	const tally: DrainTally = { sent: 0, retry: 0, failed: 0, cancelled: 0 };
	const spacingMs = 60_000 / config.ratePerMinute;
	let last = 0;
	while (!shouldStop()) {
		const m = await claimNextDue(db, nowIso());
		if (!m) break;
		const wait = last + spacingMs - Date.now();
		if (wait > 0) await new Promise((r) => setTimeout(r, wait));
		last = Date.now();
		const { outcome, serverDown } = await deliver(db, transport, config, publicUrl, m);
		tally[outcome]++;
		onProgress?.(tally);
		if (serverDown) break;
	}
	return tally;
}

export interface MailSender {
	stop(): Promise<void>;
}

/** The background sender: drains the outbox every `pollMs` until stopped. Timers never keep the process alive. */
export async function startMailSender(db: Db, config: MailConfig, publicUrl: string, log: (line: string) => void): Promise<MailSender> {
	if (!config.smtpUrl) {
		log('SMTP_URL is not set: e-mail stays queued in the outbox until it is');
		return { stop: async () => {} };
	}
	const requeued = await requeueInterrupted(db);
	if (requeued > 0) log(`outbox: ${requeued} interrupted message(s) queued again`);
	const transport = createMailTransport(config.smtpUrl);
	let stopped = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let running: Promise<unknown> = Promise.resolve();
	const tick = () => {
		running = drainOutbox(db, transport, config, publicUrl, undefined, () => stopped)
			.then((t) => {
				if (t.sent + t.retry + t.failed > 0) log(`outbox: ${t.sent} sent, ${t.retry} to retry, ${t.failed} failed`);
			})
			.catch((e: unknown) => log(`outbox: ${e instanceof Error ? e.message : String(e)}`))
			.finally(() => {
				if (!stopped) timer = setTimeout(tick, config.pollMs).unref();
			});
	};
	tick();
	log(`e-mail sender started (${config.ratePerMinute} a minute at most)`);
	return {
		async stop() {
			stopped = true;
			clearTimeout(timer);
			await running;
			transport.close?.();
		}
	};
}
