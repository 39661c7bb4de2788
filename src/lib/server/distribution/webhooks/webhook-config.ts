/**
 * Webhook delivery settings (WEBHOOK_MAX_ATTEMPTS, WEBHOOK_RETRY_BASE_MS, WEBHOOK_POLL_MS,
 * WEBHOOK_TIMEOUT_MS, WEBHOOK_ALLOWED_HOSTS), validated with every other setting in
 * src/lib/server/platform/config.ts (`getConfig().webhooks`). Documented in docs/webhooks.md.
 */
export interface WebhookConfig {
	/** After this many failed attempts a delivery is marked failed. */
	maxAttempts: number;
	/** The first retry waits this long; each further retry twice as long (capped at an hour). */
	retryBaseMs: number;
	/** How often the sender looks for due deliveries. */
	pollMs: number;
	/** How long one attempt may take (connect, send, receiver's answer). */
	timeoutMs: number;
	/** Lower-case host names endpoints may use; null: any host. */
	allowedHosts: string[] | null;
}
