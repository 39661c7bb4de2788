/** The kinds of e-mail a questionnaire carries texts for; its own module so the built-in texts and mail-texts.ts need not import each other. */
export const MAIL_KINDS = ['invitation', 'reminder'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];
