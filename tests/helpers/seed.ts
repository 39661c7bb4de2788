import { createDb, type Db } from '../../src/lib/server/db/create-db.ts';
import { inviteAllEntities } from '../../src/lib/server/distribution/invitations/bulk.ts';
import { insertSyntheticResponses } from '../../src/lib/server/analysis/demo.ts';
import { releaseResults } from '../../src/lib/server/analysis/releases.ts';
import { createEdition } from '../../src/lib/server/distribution/editions/editions.ts';
import type { RunningServer } from './server.ts';

/**
 * What `cli edition:create`, `cli invite --all`, `cli demo:responses` and `cli results:release` do (the same
 * functions, the same 'cli' actor), called in this process on a running server's database.
 * Each CLI process costs about 3.5 s of CPU to load and end-to-end files seeded with three
 * of them; tests/integration/cli-distribution.test.ts and the CLI tests run the commands themselves.
 */
type Target = Pick<RunningServer, 'dbPath'>;

async function withDb<T>(server: Target, work: (db: Db) => Promise<T>): Promise<T> {
	const db = createDb(server.dbPath);
	try {
		return await work(db);
	} finally {
		await db.destroy();
	}
}

/** `cli invite --edition <edition> --all`: one invitation per entity (no e-mail). */
export function inviteAll(server: Target, edition = 'rp-2026'): Promise<{ created: number; total: number }> {
	return withDb(server, (db) => inviteAllEntities(db, edition, 'cli'));
}

/** `cli demo:responses --edition <edition> --count <count> [--seed <seed>]`: synthetic submitted responses. */
export function demoResponses(server: Target, edition: string, count: number, seed = 1): Promise<number> {
	return withDb(server, (db) => insertSyntheticResponses(db, edition, count, seed, 'cli'));
}

/** `cli results:release --edition <edition>`: a results release, as the administrator. */
export function releaseEdition(server: Target, edition = 'rp-2026'): Promise<{ number: number; respondents: number }> {
	return withDb(server, (db) => releaseResults(db, edition, { role: 'admin', email: 'cli' }));
}

/**
 * `cli edition:create --questionnaire <file> --slug <slug> [--override-translations --reason <reason>]`:
 * an open edition from a questionnaire file; returns what the command prints.
 */
export function createEditionFromFile(server: Target, questionnaireFile: string, slug: string, overrideReason?: string): Promise<string> {
	return withDb(server, async (db) => {
		const edition = await createEdition(db, { questionnaireFile, slug, open: true }, 'cli', {
			overrideTranslations: overrideReason !== undefined,
			reason: overrideReason,
			actorRole: 'admin'
		});
		const gate = edition.translation_gate_overridden_by ? 'translation gate overridden (audited)\n' : '';
		return `${gate}edition ${edition.slug} created (${edition.state})`;
	});
}
