import { z } from 'zod';

/**
 * E-mail settings, read from the environment like src/lib/server/config.ts (kept
 * apart so that the distribution area owns them). Documented in docs/distribution.md.
 */
const schema = z.object({
	SMTP_URL: z.string().regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://').optional(),
	MAIL_FROM: z.string().min(3).default('ITU Regional Presence Survey <survey@localhost>'),
	MAIL_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(60_000).default(60),
	MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
	MAIL_RETRY_BASE_MS: z.coerce.number().int().min(10).default(60_000),
	MAIL_POLL_MS: z.coerce.number().int().min(10).default(5_000)
});

export interface MailConfig {
	smtpUrl: string | undefined;
	from: string;
	/** At most this many messages a minute leave the outbox (SMTP relays throttle bulk senders). */
	ratePerMinute: number;
	/** After this many failed attempts a message is marked failed. */
	maxAttempts: number;
	/** The first retry waits this long; each further retry waits twice as long (capped at an hour). */
	retryBaseMs: number;
	/** How often the sender looks for due messages. */
	pollMs: number;
}

export function loadMailConfig(env: Record<string, string | undefined> = process.env): MailConfig {
	const parsed = schema.safeParse(env);
	if (!parsed.success) {
		throw new Error(`invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
	}
	const e = parsed.data;
	return { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, ratePerMinute: e.MAIL_RATE_PER_MINUTE, maxAttempts: e.MAIL_MAX_ATTEMPTS, retryBaseMs: e.MAIL_RETRY_BASE_MS, pollMs: e.MAIL_POLL_MS };
}
