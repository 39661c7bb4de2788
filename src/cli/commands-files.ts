import { loadConfig } from '../lib/server/platform/config.ts';
import { backupDatabase, restoreDatabase } from '../lib/server/db/backup.ts';
import { InvalidInputError } from '../lib/domain/errors.ts';

/** Commands on the database file itself, without opening it through Kysely. */
export const fileCommands: Record<string, (args: string[]) => Promise<void>> = {
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
