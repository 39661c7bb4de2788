import { LOCALES, type Locale } from '../locales.ts';
import { MAIL_KINDS, customTemplate, mailTextFor, type MailKind, type MailPart } from './mail-texts.ts';
import { renderMailText, type MergeFields, type RenderedMail } from './mail-render.ts';

export interface MailPreview {
	kind: MailKind;
	custom: boolean;
	/** The English as stored, for the form. */
	english: Record<MailPart, string>;
	messages: { locale: Locale; mail: RenderedMail }[];
}

/** Example merge fields: what an author, a translator or a coordinator sees in a preview. */
export const PREVIEW_FIELDS: MergeFields = {
	contact: 'Amina Diallo',
	entity: 'Republic of Senegal',
	link: 'https://survey.example.org/r/example-personal-link',
	closesAt: '2027-03-31T23:59:00.000Z'
};

/** The English `bodyUndated` a template stores, if any (the form shows it empty when the body serves both cases). */
function storedUndated(json: Record<string, unknown>, kind: MailKind): string | null {
	const t = customTemplate(json, kind)?.bodyUndated;
	if (typeof t === 'string') return t;
	return typeof t === 'object' && t !== null && typeof (t as Record<string, unknown>).default === 'string'
		? ((t as Record<string, unknown>).default as string)
		: null;
}

/** Both e-mails of a questionnaire (its own texts or the built-in ones) rendered in the six languages. */
export function mailPreviews(json: Record<string, unknown>, fields: MergeFields = PREVIEW_FIELDS): MailPreview[] {
	return MAIL_KINDS.map((kind) => {
		const en = mailTextFor(json, kind, 'en');
		return {
			kind,
			custom: en.custom,
			english: { subject: en.subject, body: en.body, bodyUndated: storedUndated(json, kind) ?? (en.custom ? '' : en.bodyUndated), button: en.button },
			messages: LOCALES.map((locale) => ({ locale, mail: renderMailText(mailTextFor(json, kind, locale), locale, fields) }))
		};
	});
}
