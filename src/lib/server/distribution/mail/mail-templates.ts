import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema/database.ts';
import type { Locale } from '../../../domain/locales.ts';
import { mailTextFor, type MailKind } from '../../../domain/mail/mail-texts.ts';
import { renderMailText, type MergeFields, type RenderedMail } from '../../../domain/mail/mail-render.ts';

export type { MailKind, MergeFields, RenderedMail };
export { formatDeadline } from '../../../domain/mail/mail-render.ts';

/**
 * Renders one message from a questionnaire's own texts (`mailTemplates`) or, when it has
 * none for that kind, the built-in ones (src/lib/domain/mail/builtin-mail-texts.ts).
 * The CLI renders through the same outbox, so it sends the same texts.
 */
export function renderMail(kind: MailKind, locale: Locale, fields: MergeFields, questionnaire: unknown = null): RenderedMail {
	return renderMailText(mailTextFor(questionnaire, kind, locale), locale, fields);
}

/**
 * Parsed questionnaire definitions by questionnaire (version) id, for the sender: versions
 * are immutable, so an entry never goes stale; only `mailTemplates` is kept, not the
 * whole definition. Bounded, oldest out first.
 */
const MAX_CACHED_QUESTIONNAIRES = 32;
const templatesByQuestionnaire = new Map<string, unknown>();

export async function mailTemplatesOf(db: Kysely<Database>, questionnaireId: string): Promise<unknown> {
	if (templatesByQuestionnaire.has(questionnaireId)) return templatesByQuestionnaire.get(questionnaireId);
	const row = await db.selectFrom('questionnaire').select('definition_json').where('id', '=', questionnaireId).executeTakeFirst();
	const json = row ? (JSON.parse(row.definition_json) as { mailTemplates?: unknown }) : {};
	const kept = { mailTemplates: json.mailTemplates };
	if (templatesByQuestionnaire.size >= MAX_CACHED_QUESTIONNAIRES) templatesByQuestionnaire.delete(templatesByQuestionnaire.keys().next().value as string);
	templatesByQuestionnaire.set(questionnaireId, kept);
	return kept;
}
