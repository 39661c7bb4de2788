import type { Kysely } from 'kysely';

/**
 * What the registry knew of the entity when its response began (member category,
 * Sector memberships), as prefilled into the questions that carry `registryField`:
 * `{ "<question name>": value }`, null when nothing was prefilled. Kept with the
 * response so that "confirmed" or "corrected" is judged against what the respondent
 * was shown, even after the registry changes.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('response').addColumn('registry_prefill_json', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('response').dropColumn('registry_prefill_json').execute();
}
