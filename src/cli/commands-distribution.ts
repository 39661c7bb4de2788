import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { getConfig, loadConfig } from '../lib/server/platform/config.ts';
import type { Db } from '../lib/server/db/create-db.ts';
import { migrateToLatest } from '../lib/server/db/migrate.ts';
import { InvalidInputError } from '../lib/domain/errors.ts';
import { loadReferenceData } from '../lib/server/distribution/reference.ts';
import { importRegistry } from '../lib/server/distribution/registry/import.ts';
import { inviteEntity, addEntityContact, extendEntity, reissueEntityLink, revokeEntityLinks } from '../lib/server/distribution/invitations/invitations.ts';
import { inviteAllEntities, queueInvitationEmails, queueReminders, type QueueResult, type Segment } from '../lib/server/distribution/invitations/bulk.ts';
import { scheduleReminder } from '../lib/server/distribution/invitations/reminder-schedule.ts';
import { createMailTransport, drainOutbox } from '../lib/server/distribution/mail/outbox-sender.ts';
import { outboxCounts } from '../lib/server/distribution/mail/outbox-store.ts';
import { findEditionBySlug } from '../lib/server/distribution/editions/editions-repository.ts';
import { required, type Command } from './options.ts';

/** Sends what was just queued, when this machine can reach SMTP; prints progress on stderr. */
async function sendQueued(db: Db, editionSlug: string, queued: QueueResult): Promise<void> {
	const mail = getConfig().mail;
	console.log(`${queued.queued} message(s) queued (batch ${queued.batchId})`);
	if (!mail.smtpUrl) {
		console.log('SMTP_URL is not set here: the server sends the queue (see: outbox --edition ' + editionSlug + ')');
		return;
	}
	const transport = createMailTransport(mail.smtpUrl);
	try {
		const t = await drainOutbox(db, transport, mail, loadConfig().publicUrl, (p) =>
			process.stderr.write(`\rsent ${p.sent}, to retry ${p.retry}, failed ${p.failed}   `)
		);
		process.stderr.write('\n');
		const c = await outboxCounts(db, { batchId: queued.batchId });
		console.log(`sent ${t.sent}, failed ${t.failed}; still queued ${c.queued}${c.lastError ? ` (last error: ${c.lastError})` : ''}`);
	} finally {
		transport.close?.();
	}
}

/** The registry, invitations, links and e-mail: what the Secretariat does while an edition is open. */
export const distributionCommands: Record<string, Command> = {
	async invite(db, options) {
		if (options.all) {
			const edition = required(options, 'edition');
			const r = await inviteAllEntities(db, edition, 'cli');
			console.log(`${r.created} invitations created, ${r.total} in all; ${r.withoutContact} entities have no usable contact`);
			if (options.send) await sendQueued(db, edition, await queueInvitationEmails(db, edition, 'cli'));
			return;
		}
		const link = await inviteEntity(db, required(options, 'edition'), required(options, 'entity'), loadConfig().publicUrl, 'cli');
		console.log(link.url);
	},
	async 'registry:import'(db, options) {
		const file = options._?.[0];
		if (!file) throw new InvalidInputError('registry:import needs a FILE (CSV UTF-8 or XLSX)');
		await migrateToLatest(db);
		await loadReferenceData(db, loadConfig().demo);
		const r = await importRegistry(db, basename(file), new Uint8Array(readFileSync(file)), 'cli');
		console.log(`imported ${file}: ${r.inserted} inserted, ${r.updated} updated, ${r.contacts} contacts`);
	},
	async remind(db, options) {
		const edition = required(options, 'edition');
		const segment: Segment = {
			region: options.region as string | undefined,
			kind: options.category as string | undefined,
			state: options.state as Segment['state']
		};
		if (options['days-before'] !== undefined) {
			await scheduleReminder(db, edition, Number(options['days-before']), segment, 'cli');
			console.log(`reminder planned ${String(options['days-before'])} days before closing`);
			return;
		}
		const queued = await queueReminders(db, edition, segment, 'cli');
		if (options.send) await sendQueued(db, edition, queued);
		else console.log(`${queued.queued} reminders queued`);
	},
	async outbox(db, options) {
		const edition = await findEditionBySlug(db, required(options, 'edition'));
		if (!edition) throw new InvalidInputError(`no edition "${String(options.edition)}"`);
		const c = await outboxCounts(db, { editionId: edition.id });
		console.log(`queued ${c.queued} (retrying ${c.retrying}), sent ${c.sent}, failed ${c.failed}, cancelled ${c.cancelled}`);
		if (c.lastError) console.log(`last error: ${c.lastError}`);
	},
	async revoke(db, options) {
		const n = await revokeEntityLinks(db, required(options, 'edition'), required(options, 'entity'), 'cli');
		console.log(`${n} link(s) revoked`);
	},
	async reissue(db, options) {
		const r = await reissueEntityLink(db, required(options, 'edition'), required(options, 'entity'), loadConfig().publicUrl, 'cli', Boolean(options.send));
		console.log(r.url ?? `${r.queued} message(s) queued`);
	},
	async extend(db, options) {
		const until = await extendEntity(db, required(options, 'edition'), required(options, 'entity'), required(options, 'until'), 'cli');
		console.log(`${String(options.entity)} may answer until ${until}`);
	},
	async 'contact:add'(db, options) {
		const r = await addEntityContact(
			db,
			required(options, 'entity'),
			{ name: (options.name as string | undefined) ?? '', email: required(options, 'email'), language: (options.language as string | undefined) ?? null },
			'cli',
			options.edition as string | undefined
		);
		console.log(`contact added${r.queued ? `; ${r.queued} invitation e-mail queued` : ''}`);
	}
};
