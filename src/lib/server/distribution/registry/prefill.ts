import type { Db } from '../../db/create-db.ts';
import { registryPrefill, registryQuestions } from '../../../domain/response/registry-prefill.ts';

/**
 * The answers a new response of `entityId` starts with: what the registry knows (its
 * kind, its Sector memberships) put into the questions marked `registryField`.
 * Nothing is read when the questionnaire marks no question.
 */
export async function registryPrefillFor(db: Db, entityId: string, definition: object): Promise<Record<string, unknown>> {
	if (registryQuestions(definition).length === 0) return {};
	const [entity, sectors] = await Promise.all([
		db.selectFrom('entity').select('kind').where('id', '=', entityId).executeTakeFirst(),
		db.selectFrom('entity_sector').select('sector').where('entity_id', '=', entityId).orderBy('sector').execute()
	]);
	if (!entity) return {};
	return registryPrefill(definition, { category: entity.kind, sectors: sectors.map((s) => s.sector) });
}

/** The questions of a shown page that started from the registry: the respondent is asked to confirm or correct them. */
export function prefilledOnPage(registryPrefillJson: string | null, questions: readonly { name: string; title: string }[]): string[] {
	if (!registryPrefillJson) return [];
	const prefill = JSON.parse(registryPrefillJson) as Record<string, unknown>;
	return questions.filter((q) => q.name in prefill).map((q) => q.title);
}
