import { ConflictError } from '../../domain/errors.ts';
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/create-db.ts';
import type { Config } from './config.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { withStartupLock } from '../db/startup-lock.ts';
import { loadReferenceData, memberStateCode } from '../distribution/reference.ts';
import { importSurveysDir } from '../authoring/questionnaires.ts';
import { createEdition } from '../distribution/editions/editions.ts';
import { inviteEntity } from '../distribution/invitations/invitations.ts';
import { createUser } from '../access/user-service.ts';
import { warmRespondentModels } from '../respondent/service.ts';
import { findEditionBySlug } from '../distribution/editions/editions.ts';
import { countUsersWithRole } from '../access/accounts.ts';
import { join } from 'node:path';
import { startMailSender, type MailSender } from '../distribution/mail/outbox-sender.ts';
import { runDueReminderSchedules } from '../distribution/invitations/reminder-schedule.ts';
import { startWebhookSender, type WebhookSender } from '../distribution/webhooks/sender.ts';

/** The questionnaire the default edition runs, and the demo respondent (Senegal: French-speaking). */
const DEFAULT_QUESTIONNAIRE = 'regional-presence-2026.json';
const DEMO_ENTITY = memberStateCode('SEN');

/**
 * Everything `npm start` does before serving: migrate, load reference data, import
 * surveys/, open the default edition, make sure an administrator exists, and print a
 * demo link. Safe to run at every start; prints secrets only when it creates them.
 */
export async function bootstrap(db: Db, config: Config, log: (line: string) => void): Promise<void> {
	// Nodes starting together take turns (PostgreSQL); the background work is safe to run on every node.
	await withStartupLock(db, () => prepare(db, config, log));
	await startBackgroundWork(db, config, log);
}

async function prepare(db: Db, config: Config, log: (line: string) => void): Promise<void> {
	const applied = await migrateToLatest(db);
	if (applied.length > 0) log(`migrations applied: ${applied.join(', ')}`);
	await loadReferenceData(db, config.demo);
	await importSurveysDir(db, config.surveysDir, log);

	if (!(await findEditionBySlug(db, config.defaultEdition))) {
		const input = { questionnaireFile: join(config.surveysDir, DEFAULT_QUESTIONNAIRE), slug: config.defaultEdition };
		try {
			const edition = await createEdition(db, input);
			log(`edition ${edition.slug} created and open`);
		} catch (e) {
			// The launch gate holds at first start too: an incomplete questionnaire waits as a draft.
			if (!(e instanceof ConflictError && e.code === 'translations_incomplete')) throw e;
			await createEdition(db, { ...input, open: false });
			log(`edition ${input.slug} created as a draft: ${e.message}`);
		}
	}

	const edition = await findEditionBySlug(db, config.defaultEdition);
	if (edition && config.warmModels) {
		await warmRespondentModels(db, edition.questionnaire_id);
		log(`respondent pages of ${edition.slug} prepared in every language`);
	}

	if ((await countUsersWithRole(db, 'admin')) === 0) {
		const password = config.adminPassword ?? randomBytes(12).toString('base64url');
		await createUser(db, { email: config.adminEmail, role: 'admin', password, displayName: 'Administrator' });
		log(`administrator created: ${config.adminEmail}`);
		if (!config.adminPassword) log(`  generated password (shown once): ${password}`);
	}

	if (config.demo) {
		const { url } = await inviteEntity(db, config.defaultEdition, DEMO_ENTITY, config.publicUrl);
		log(`demo respondent link (${DEMO_ENTITY}): ${url}`);
	}
}

/** The e-mail sender and the reminder planner of this process: one each, however often bootstrap runs. */
let mailSender: MailSender | undefined;
let reminderTimer: ReturnType<typeof setInterval> | undefined;
let webhookSender: WebhookSender | undefined;

/**
 * Starts what runs behind the requests (distribution), when SMTP_URL is set: the outbox
 * sender and the planner that queues scheduled reminders when due. Without SMTP_URL,
 * e-mail stays queued and the edition page says so. Timers never keep the process alive.
 */
export async function startBackgroundWork(db: Db, config: Config, log: (line: string) => void): Promise<void> {
	if (!config.backgroundWork) {
		log('background work (outbox sender, reminders) is left to another process (BACKGROUND_WORK=0)');
		return;
	}
	// Webhook deliveries need no SMTP: their sender shares the outbox, not the mail settings.
	webhookSender ??= startWebhookSender(db, config.webhooks, log);
	const mail = config.mail;
	if (!mail.smtpUrl) {
		log('SMTP_URL is not set: e-mail stays queued in the outbox');
		return;
	}
	reminderTimer ??= setInterval(() => {
		runDueReminderSchedules(db)
			.then((n) => n > 0 && log(`scheduled reminders: ${n} message(s) queued`))
			.catch((e: unknown) => log(`scheduled reminders: ${e instanceof Error ? e.message : String(e)}`));
	}, mail.pollMs).unref();
	mailSender ??= await startMailSender(db, mail, config.publicUrl, log);
}
