import { parseArgs } from 'node:util';
import { loadConfig } from '../lib/server/platform/config.ts';
import { createDb, type Db } from '../lib/server/db/create-db.ts';
import { DomainError, InvalidInputError } from '../lib/domain/errors.ts';
import { HELP } from './help.ts';
import { OPTION_TYPES, type Command } from './options.ts';
import { editionCommands } from './commands-editions.ts';
import { distributionCommands } from './commands-distribution.ts';
import { analysisCommands } from './commands-analysis.ts';
import { fileCommands } from './commands-files.ts';
import { apiCommands } from './commands-api.ts';

/**
 * `npm run cli -- <command>`: the Secretariat's command line. Every command prints
 * its result on stdout; any bad input exits 1 with a one-line reason on stderr.
 * One file per group of commands; this one parses and dispatches.
 */
const commands: Record<string, Command> = { ...editionCommands, ...distributionCommands, ...analysisCommands, ...apiCommands };

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
			options: OPTION_TYPES
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
