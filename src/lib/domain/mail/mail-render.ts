import { textDirection, type Locale } from '../locales.ts';
import type { MailText } from './mail-texts.ts';

export interface MergeFields {
	contact: string;
	entity: string;
	link: string;
	/** ISO-8601 instant, or null when the edition has no closing time. */
	closesAt: string | null;
}

export interface RenderedMail {
	subject: string;
	text: string;
	html: string;
}

function escapeHtml(s: string): string {
	return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The closing date in the reader's language; stored in UTC, so said in UTC. */
export function formatDeadline(closesAt: string, locale: Locale): string {
	const date = new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(
		new Date(closesAt)
	);
	return `${date} UTC`;
}

/** A body's paragraphs: separated by a blank line (line endings of any platform). */
export function paragraphsOf(body: string): string[] {
	return body
		.replace(/\r\n?/g, '\n')
		.split(/\n[ \t]*\n/)
		.map((p) => p.trim())
		.filter((p) => p !== '');
}

/**
 * Renders one message: plain text and HTML (with lang and dir, so Arabic reads right to
 * left). The dated body when the edition has a closing date, else the undated one, whole
 * sentences written for that case (no date phrase is glued into a sentence). Texts and
 * merged values are escaped in the HTML; a line break inside a paragraph becomes <br>;
 * the subject is kept on one line (a header cannot hold a line break).
 */
export function renderMailText(t: MailText, locale: Locale, fields: MergeFields): RenderedMail {
	const values: Record<string, string> = { contact: fields.contact, entity: fields.entity, link: fields.link };
	if (fields.closesAt) values.deadline = formatDeadline(fields.closesAt, locale);
	// Without a date {deadline} is no merge field: the lint keeps it out of every part sent then.
	const merge = (s: string, esc: (v: string) => string) =>
		s.replace(/\{(contact|entity|link|deadline)\}/g, (all, k: string) => (values[k] === undefined ? all : esc(values[k])));
	const dir = textDirection(locale);
	const paragraphs = paragraphsOf(fields.closesAt ? t.body : t.bodyUndated);
	const subject = merge(t.subject, (v) => v)
		.replace(/[\r\n]+/g, ' ')
		.trim();
	const html = [
		`<!doctype html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
		`<body dir="${dir}" style="font-family:sans-serif;text-align:${dir === 'rtl' ? 'right' : 'left'}">`,
		...paragraphs.map((p) => `<p>${merge(escapeHtml(p), escapeHtml).replace(/\n/g, '<br>')}</p>`),
		`<p><a href="${escapeHtml(fields.link)}">${escapeHtml(t.button)}</a></p>`,
		`<p dir="ltr" style="font-size:small">${escapeHtml(fields.link)}</p>`,
		'</body></html>'
	].join('\n');
	return { subject, text: [...paragraphs.map((p) => merge(p, (v) => v)), `${t.button}: ${fields.link}`].join('\n\n'), html };
}
