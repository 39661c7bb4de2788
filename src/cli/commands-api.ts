import { migrateToLatest } from '../lib/server/db/migrate.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../lib/server/api/tokens.ts';
import { loadConfig } from '../lib/server/platform/config.ts';
import { loadReferenceData } from '../lib/server/distribution/reference.ts';
import { required, type Command } from './options.ts';

/** API tokens (docs/api.md): the command line acts as `cli` in the audit trail. */
const CLI = { email: 'cli', id: null };

export const apiCommands: Record<string, Command> = {
	/** Prints the token alone on stdout (so a script can capture it) and what it is on stderr: it is shown once. */
	async 'api-token:create'(db, options) {
		await migrateToLatest(db);
		const region = typeof options.region === 'string' ? options.region : null;
		// The regions are reference data: on a database never started yet, load them first (as user:create does).
		if (region !== null) await loadReferenceData(db, loadConfig().demo);
		const { token, info } = await createApiToken(db, { name: required(options, 'name'), role: required(options, 'role'), region }, CLI);
		console.error(`created API token "${info.name}" (${info.role}${info.region ? `, ${info.region}` : ''}, id ${info.id}); it is shown only now:`);
		console.log(token);
	},
	async 'api-token:list'(db) {
		for (const t of await listApiTokens(db))
			console.log(
				[
					t.id,
					t.name,
					t.role + (t.region ? `(${t.region})` : ''),
					t.revokedAt ? `revoked ${t.revokedAt}` : 'active',
					`last used ${t.lastUsedAt ?? 'never'}`
				].join('\t')
			);
	},
	async 'api-token:revoke'(db, options) {
		const t = await revokeApiToken(db, required(options, 'id'), CLI);
		console.log(`revoked API token "${t.name}" (${t.id})`);
	}
};
