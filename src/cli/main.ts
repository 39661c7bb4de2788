import { parseArgs } from 'node:util';
import { loadConfig } from '../lib/server/config.ts';
import { createDb, type Db } from '../lib/server/db/create-db.ts';
import { migrateToLatest } from '../lib/server/db/migrate.ts';
import { createUser } from '../lib/server/services/user-service.ts';
import { changeEditionState, createEdition, editionStatus } from '../lib/server/services/edition-service.ts';
import { loadReferenceData } from '../lib/server/services/reference-service.ts';
import { inviteEntity } from '../lib/server/services/invitation-service.ts';
import { DomainError, InvalidInputError } from '../lib/domain/errors.ts';
import { backupDatabase, restoreDatabase } from '../lib/server/db/backup.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { generateCouncilReport, reportFile } from '../lib/server/services/analysis-report-service.ts';
import { exportFile } from '../lib/server/services/analysis-export.ts';
import { insertSyntheticResponses } from '../lib/server/services/analysis-demo.ts';
import { LOCALES } from '../lib/domain/locales.ts';
import { basename } from 'node:path';
import { importRegistry } from '../lib/server/services/registry-import.ts';
import { inviteAllEntities, queueInvitationEmails, queueReminders, type QueueResult, type Segment } from '../lib/server/services/invitation-bulk.ts';
import { addEntityContact, extendEntity, reissueEntityLink, revokeEntityLinks } from '../lib/server/services/invitation-service.ts';
import { loadMailConfig } from '../lib/server/mail/mail-config.ts';
import { createMailTransport, drainOutbox } from '../lib/server/mail/outbox-sender.ts';
import { outboxCounts } from '../lib/server/mail/outbox-store.ts';
import { findEditionBySlug } from '../lib/server/repositories/editions.ts';
import { scheduleReminder } from '../lib/server/services/invitation-reminder-schedule.ts';

/**
 * `npm run cli -- <command>`: the Secretariat's command line. Every command prints
 * its result on stdout; any bad input exits 1 with a one-line reason on stderr.
 */
const HELP = `Usage: npm run cli -- <command> [options]

Commands:
  help                                     this text
  migrate                                  bring the schema up to date and load the reference data
  user:create --email E --role R           create a user; the password is read from stdin
                                           (roles: admin, author, coordinator, analyst, regional_office, council)
  edition:create --questionnaire FILE --slug S [--title T] [--opens ISO] [--closes ISO] [--draft]
                                           import a questionnaire file and open an edition of it
  invite --edition S --entity CODE         invite an entity and print its personal link
  invite --edition S --all [--send]        invite every entity of the registry (one invitation each);
                                           --send queues the e-mail to every contact and, when SMTP_URL
                                           is set, sends it now with progress (otherwise the server does)
  remind --edition S [--region R] [--category K] [--state not_opened|opened|in_progress] [--send]
                                           queue a reminder to the contacts of entities that have not submitted
  remind --edition S --days-before N [--region R] [--category K] [--state X]
                                           plan that reminder N days before closing (the server queues it)
  outbox --edition S                       e-mail progress: queued, retrying, sent, failed, last error
  revoke --edition S --entity CODE         revoke every link of an entity (its answers are kept)
  reissue --edition S --entity CODE [--send]
                                           revoke and issue a new link: printed, or e-mailed with --send
  edition:state --edition S --to open|closed|archived [--override-translations --reason R]
                                           move an edition along draft -> open -> closed -> archived;
                                           opening needs all six languages complete (the override is audited)
  extend --edition S --entity CODE --until ISO
                                           let one entity answer until ISO although the edition closed
  contact:add --entity CODE --email E [--name N] [--language L] [--edition S]
                                           add a focal point (delegation); with --edition, e-mail them a link
  status --edition S                       invited / opened / started / submitted, by region
  backup FILE                              consistent copy of the live SQLite database (online backup)
  restore FILE                             replace the database with a backup (stop the server first)
  report --edition S --lang L|all [--out FILE.docx]
                                           generate and store the Council report (ar zh en fr ru es, or all);
                                           with one language, --out also writes the DOCX there
  export --edition S --file F --out PATH   microdata.csv, codebook.csv or microdata.xlsx (raw data)
  demo:responses --edition S [--count N] [--seed X]
                                           invite entities and add synthetic submitted responses (demos only)
  registry:import FILE                     import entities and focal points from CSV (UTF-8) or XLSX;
                                           any bad row refuses the whole file (report by row)

The database is DATABASE_URL (default data/survey.db); links use PUBLIC_URL.`;

type Options = Record<string, string | boolean | string[] | undefined> & { _?: string[] };

function required(options: Options, name: string): string {
	const value = options[name];
	if (typeof value !== 'string' || value === '') throw new InvalidInputError(`--${name} is required`);
	return value;
}

async function readStdin(): Promise<string> {
	if (process.stdin.isTTY) process.stderr.write('password: ');
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Sends what was just queued, when this machine can reach SMTP; prints progress on stderr. */
async function sendQueued(db: Db, editionSlug: string, queued: QueueResult): Promise<void> {
	const mail = loadMailConfig();
	console.log(`${queued.queued} message(s) queued (batch ${queued.batchId})`);
	if (!mail.smtpUrl) {
		console.log('SMTP_URL is not set here: the server sends the queue (see: outbox --edition ' + editionSlug + ')');
		return;
	}
	const transport = createMailTransport(mail.smtpUrl);
	try {
		const t = await drainOutbox(db, transport, mail, loadConfig().publicUrl, (p) => process.stderr.write(`\rsent ${p.sent}, to retry ${p.retry}, failed ${p.failed}   `));
		process.stderr.write('\n');
		const c = await outboxCounts(db, { batchId: queued.batchId });
		console.log(`sent ${t.sent}, failed ${t.failed}; still queued ${c.queued}${c.lastError ? ` (last error: ${c.lastError})` : ''}`);
	} finally {
		transport.close?.();
	}
}

const commands: Record<string, (db: Db, options: Options) => Promise<void>> = {
	async migrate(db) {
		const applied = await migrateToLatest(db);
		await loadReferenceData(db, loadConfig().demo);
		console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
		console.log('reference data loaded');
	},
	async 'user:create'(db, options) {
		await migrateToLatest(db);
		const user = await createUser(db, { email: required(options, 'email'), role: required(options, 'role'), password: await readStdin() }, 'cli');
		console.log(`created ${user.role} ${user.email}`);
	},
	async 'edition:create'(db, options) {
		await migrateToLatest(db);
		const edition = await createEdition(
			db,
			{
				questionnaireFile: required(options, 'questionnaire'),
				slug: required(options, 'slug'),
				title: options.title as string | undefined,
				opens: options.opens as string | undefined,
				closes: options.closes as string | undefined,
				open: !options.draft
			},
			'cli'
		);
		console.log(`edition ${edition.slug} created (${edition.state})`);
	},
	async invite(db, options) {
		if (options.all) {
			const edition = required(options, 'edition');
			if (options.send) loadMailConfig(); // a bad setting stops us before anything is queued
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
		if (options.send) loadMailConfig();
		const segment: Segment = { region: options.region as string | undefined, kind: options.category as string | undefined, state: options.state as Segment['state'] };
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
	async 'edition:state'(db, options) {
		const edition = await changeEditionState(db, required(options, 'edition'), required(options, 'to'), 'cli', {
			overrideTranslations: Boolean(options['override-translations']),
			reason: options.reason as string | undefined,
			actorRole: 'admin'
		});
		if (edition.translation_gate_overridden_by) console.log('translation gate overridden (audited)');
		console.log(`edition ${edition.slug} is ${edition.state}`);
	},
	async extend(db, options) {
		const until = await extendEntity(db, required(options, 'edition'), required(options, 'entity'), required(options, 'until'), 'cli');
		console.log(`${String(options.entity)} may answer until ${until}`);
	},
	async 'contact:add'(db, options) {
		const r = await addEntityContact(db, required(options, 'entity'), { name: (options.name as string | undefined) ?? '', email: required(options, 'email'), language: (options.language as string | undefined) ?? null }, 'cli', options.edition as string | undefined);
		console.log(`contact added${r.queued ? `; ${r.queued} invitation e-mail queued` : ''}`);
	},
	async status(db, options) {
		const { edition, total, byRegion } = await editionStatus(db, required(options, 'edition'));
		console.log(`${edition.slug} (${edition.state}): ${edition.title}`);
		console.log(['region', 'invited', 'opened', 'started', 'submitted'].join('\t'));
		for (const r of [...byRegion, total]) console.log([r.region, r.invited, r.opened, r.started, r.submitted].join('\t'));
	},
	async report(db, options) {
		const edition = required(options, 'edition');
		const lang = required(options, 'lang');
		const langs = lang === 'all' ? [...LOCALES] : [lang];
		if (options.out && langs.length > 1) throw new InvalidInputError('--out needs a single --lang');
		for (const l of langs) {
			const started = Date.now();
			const stored = await generateCouncilReport(db, edition, l, 'cli');
			console.log(`report ${stored.id} (${l}): ${stored.respondents} responses, ${Date.now() - started} ms`);
			if (typeof options.out === 'string') writeFileSync(options.out, (await reportFile(db, edition, stored.id)).content);
		}
	},
	async export(db, options) {
		const file = await exportFile(db, required(options, 'edition'), { rawData: true, region: null }, required(options, 'file'));
		writeFileSync(required(options, 'out'), file.content);
		console.log(`wrote ${file.filename} (${file.content.length} bytes)`);
	},
	async 'demo:responses'(db, options) {
		const count = options.count === undefined ? 1000 : Number(options.count);
		const seed = options.seed === undefined ? 1 : Number(options.seed);
		const n = await insertSyntheticResponses(db, required(options, 'edition'), count, seed, 'cli');
		console.log(`${n} synthetic responses submitted`);
	}
};

/** Commands on the database file itself, without opening it through Kysely. */
const fileCommands: Record<string, (args: string[]) => Promise<void>> = {
	async backup([file]) {
		if (!file) throw new InvalidInputError('usage: backup FILE');
		const { pages } = await backupDatabase(loadConfig().databaseUrl, file);
		console.log(`backup written to ${file} (${pages} pages, integrity ok)`);
	},
	async restore([file]) {
		if (!file) throw new InvalidInputError('usage: restore FILE');
		const { previous } = restoreDatabase(loadConfig().databaseUrl, file);
		console.log(`database restored from ${file}${previous ? `; the previous one is kept as ${previous}` : ''}`);
	}
};

async function main(argv: string[]): Promise<number> {
	const [command, ...rest] = argv;
	if (!command || command === 'help' || command === '--help') {
		console.log(HELP);
		return 0;
	}
	const fileCommand = fileCommands[command];
	if (fileCommand) {
		try {
			await fileCommand(rest);
			return 0;
		} catch (error) {
			console.error(`error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
			return 1;
		}
	}
	const run = commands[command];
	if (!run) {
		console.error(`error: unknown command "${command}" (try: npm run cli -- help)`);
		return 1;
	}
	let db: Db | undefined;
	try {
		const { values, positionals } = parseArgs({
			args: rest,
			strict: true,
			allowPositionals: true,
			options: {
				email: { type: 'string' },
				role: { type: 'string' },
				questionnaire: { type: 'string' },
				slug: { type: 'string' },
				title: { type: 'string' },
				opens: { type: 'string' },
				closes: { type: 'string' },
				draft: { type: 'boolean' },
				edition: { type: 'string' },
				entity: { type: 'string' },
				lang: { type: 'string' },
				out: { type: 'string' },
				file: { type: 'string' },
				count: { type: 'string' },
				seed: { type: 'string' },
				all: { type: 'boolean' },
				send: { type: 'boolean' },
				region: { type: 'string' },
				category: { type: 'string' },
				state: { type: 'string' },
				name: { type: 'string' },
				language: { type: 'string' },
				to: { type: 'string' },
				'days-before': { type: 'string' },
				until: { type: 'string' },
				'override-translations': { type: 'boolean' },
				reason: { type: 'string' }
			}
		});
		const config = loadConfig();
		db = createDb(config.databaseUrl, { poolSize: config.databasePoolSize });
		await run(db, { ...values, _: positionals });
		return 0;
	} catch (error) {
		const known = error instanceof DomainError || (error instanceof Error && ('code' in error || /configuration|ENOENT/.test(error.message)));
		const message = error instanceof Error ? error.message : String(error);
		console.error(`error: ${known ? message.split('\n')[0] : message}`);
		if (error instanceof InvalidInputError) for (const d of error.details) console.error(`  ${d}`);
		return 1;
	} finally {
		await db?.destroy();
	}
}

process.exitCode = await main(process.argv.slice(2));
