import { createDb } from '../../src/lib/server/db/create-db.ts';
import { startNextDraft } from '../../src/lib/server/authoring/library.ts';

/** Starts the draft of a questionnaire's next version as the library's button does, acting as `email`. */
export async function startDraftAs(dbUrl: string, email: string, slug: string): Promise<void> {
	const db = createDb(dbUrl);
	try {
		const user = await db
			.selectFrom('app_user')
			.select(['id', 'email', 'display_name', 'role', 'region_code', 'language'])
			.where('email', '=', email)
			.executeTakeFirstOrThrow();
		await startNextDraft(db, user, slug);
	} finally {
		await db.destroy();
	}
}
