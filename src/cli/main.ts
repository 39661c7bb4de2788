import { parseArgs } from 'node:util';
import { loadConfig } from '../lib/server/config.ts';
import { createDb, type Db } from '../lib/server/db/create-db.ts';
import { migrateToLatest } from '../lib/server/db/migrate.ts';
import { createUser } from '../lib/server/services/user-service.ts';
import { createEdition, editionStatus } from '../lib/server/services/edition-service.ts';
import { loadReferenceData } from '../lib/server/services/reference-service.ts';
import { inviteEntity } from '../lib/server/services/invitation-service.ts';
import { DomainError, InvalidInputError } from '../lib/domain/errors.ts';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { importRegistry } from '../lib/server/services/registry-import.ts';

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
  status --edition S                       invited / opened / started / submitted, by region
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
	async status(db, options) {
		const { edition, total, byRegion } = await editionStatus(db, required(options, 'edition'));
		console.log(`${edition.slug} (${edition.state}): ${edition.title}`);
		console.log(['region', 'invited', 'opened', 'started', 'submitted'].join('\t'));
		for (const r of [...byRegion, total]) console.log([r.region, r.invited, r.opened, r.started, r.submitted].join('\t'));
	}
};

async function main(argv: string[]): Promise<number> {
	const [command, ...rest] = argv;
	if (!command || command === 'help' || command === '--help') {
		console.log(HELP);
		return 0;
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
				entity: { type: 'string' }
			}
		});
		db = createDb(loadConfig().databaseUrl);
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
