import nodemailer, { type Transporter } from 'nodemailer';
import { z } from 'zod';

/**
 * The access area's outgoing mail (password-reset links), over SMTP_URL. Read from
 * process.env on first use and validated; without SMTP_URL, reset by e-mail is off.
 */
const mailEnv = z.object({
	SMTP_URL: z.string().regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://').optional(),
	MAIL_FROM: z.string().min(3).default('Regional Presence Survey <no-reply@localhost>')
});

let transporter: Transporter | null | undefined;
let from = '';

function transport(): Transporter | null {
	if (transporter !== undefined) return transporter;
	const parsed = mailEnv.safeParse(process.env);
	if (!parsed.success) throw new Error(`invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
	from = parsed.data.MAIL_FROM;
	transporter = parsed.data.SMTP_URL ? nodemailer.createTransport(parsed.data.SMTP_URL) : null;
	return transporter;
}

export function mailConfigured(): boolean {
	return transport() !== null;
}

export async function sendMail(message: { to: string; subject: string; text: string }): Promise<void> {
	const t = transport();
	if (!t) throw new Error('SMTP_URL is not set');
	await t.sendMail({ from, ...message });
}
