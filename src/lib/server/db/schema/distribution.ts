/**
 * Distribution: registry imports, invitations, e-mail outbox, reminders.
 * Table interfaces of this area; each key is a table created by a migration in migrations/.
 */
/**
 * One message of the outbox: an e-mail (`invitation`, `reminder`: edition, invitation,
 * contact and address set) or a webhook delivery (`webhook`: endpoint, event and payload
 * set, no edition). A CHECK holds that split (migrations/2026-12-02T0200-webhooks.ts).
 */
export interface OutboxMessageTable {
	id: string;
	kind: 'invitation' | 'reminder' | 'webhook';
	edition_id: string | null;
	invitation_id: string | null;
	contact_id: string | null;
	to_email: string | null;
	locale: string;
	state: 'queued' | 'sending' | 'sent' | 'failed' | 'cancelled';
	attempts: number;
	/** When the sender may next try (ISO-8601 UTC); retries push it back. */
	next_attempt_at: string;
	last_error: string | null;
	/** The bulk send (or single reissue) this message belongs to, for progress. */
	batch_id: string;
	created_by: string;
	created_at: string;
	sent_at: string | null;
	endpoint_id: string | null;
	event_id: string | null;
	event_type: string | null;
	/** The exact body sent (and signed) at every attempt. */
	payload_json: string | null;
	/** The HTTP status of the last attempt, when the receiver answered. */
	last_status: number | null;
}

/** A receiver of webhook deliveries (docs/webhooks.md). */
export interface WebhookEndpointTable {
	id: string;
	url: string;
	description: string;
	secret: string;
	/** The subscribed event types, a sorted JSON array. */
	events_json: string;
	state: 'active' | 'paused';
	created_by: string;
	created_at: string;
	updated_at: string;
}

/** One entity may answer until `until` although its edition is closed. */
export interface InvitationExtensionTable {
	invitation_id: string;
	until: string;
	created_by: string;
	created_at: string;
}

/** A reminder planned `days_before` the edition closes, to a segment; queued once. */
export interface ReminderScheduleTable {
	id: string;
	edition_id: string;
	days_before: number;
	/** The segment ({region?, kind?, state?}) as JSON, keys sorted. */
	segment_json: string;
	created_by: string;
	created_at: string;
	queued_at: string | null;
	queued_count: number | null;
}

export interface DistributionTables {
	reminder_schedule: ReminderScheduleTable;
	outbox_message: OutboxMessageTable;
	webhook_endpoint: WebhookEndpointTable;
	invitation_extension: InvitationExtensionTable;
}
