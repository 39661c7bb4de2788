import nodemailer, { type Transporter } from 'nodemailer';
import { getConfig } from '../platform/config.ts';

/**
 * The access area's outgoing mail (password-reset links), over SMTP_URL from the
 * validated configuration (src/lib/server/platform/config.ts); without SMTP_URL, reset by e-mail is off.
 */
let transporter: Transporter | null | undefined;

function transport(): Transporter | null {
	if (transporter !== undefined) return transporter;
	const { smtpUrl } = getConfig().mail;
	transporter = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
	return transporter;
}

export function mailConfigured(): boolean {
	return transport() !== null;
}

export async function sendMail(message: { to: string; subject: string; text: string }): Promise<void> {
	const t = transport();
	if (!t) throw new Error('SMTP_URL is not set');
	await t.sendMail({ from: getConfig().mail.from, ...message });
}
