/**
 * Distribution: registry imports, invitations, e-mail outbox, reminders.
 * Table interfaces of this area; each key is a table created by a migration in migrations/.
 */
export interface OutboxMessageTable {
	id: string;
	kind: 'invitation' | 'reminder';
	edition_id: string;
	invitation_id: string;
	contact_id: string;
	to_email: string;
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
	invitation_extension: InvitationExtensionTable;
}
