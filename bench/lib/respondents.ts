// Shared by the load and crash benchmarks: personal links for many entities,
// issued through the application's own service against the server's database.
import { createDb } from '../../src/lib/server/db/create-db.ts';
import { inviteEntity } from '../../src/lib/server/distribution/invitations/invitations.ts';

/** Issues one link per entity for up to `count` entities of edition `edition`; returns the tokens. */
export async function issueTokens(dbPath: string, publicUrl: string, count: number, edition = 'rp-2026'): Promise<string[]> {
	const db = createDb(dbPath);
	try {
		const entities = await db.selectFrom('entity').select('code').orderBy('code').limit(count).execute();
		if (entities.length < count) throw new Error(`only ${entities.length} entities for ${count} respondents`);
		const tokens: string[] = [];
		for (const { code } of entities) tokens.push((await inviteEntity(db, edition, code, publicUrl, 'bench')).token);
		return tokens;
	} finally {
		await db.destroy();
	}
}

/** The body of one page save: page 1's first question, a choice that changes each time. */
export function saveBody(revision: number, seq: number, extra = ''): string {
	const choice = [5, 4, 3, 2, 1, 'na'][seq % 6];
	return `_page=4&_revision=${revision}&suggestions=${encodeURIComponent(`save ${seq}`)}${extra}&change_since_last=${choice === 'na' ? 'better' : 'same'}`;
}
