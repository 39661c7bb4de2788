import { loadConfig } from '../../platform/config.ts';

/**
 * E-mail settings (SMTP_URL, MAIL_FROM, MAIL_RATE_PER_MINUTE, MAIL_MAX_ATTEMPTS,
 * MAIL_RETRY_BASE_MS, MAIL_POLL_MS), validated with every other setting in
 * src/lib/server/platform/config.ts (`getConfig().mail`). Documented in docs/distribution.md.
 */
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

/** The mail part of a configuration read from `env` (tests pass their own settings). */
export function loadMailConfig(env: Record<string, string | undefined>): MailConfig {
	return loadConfig(env).mail;
}
