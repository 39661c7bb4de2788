import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../locales.ts';
import { MAIL_KINDS, builtinMailTemplateJson, mailTextFor, type MailKind } from './mail-texts.ts';
import { renderMailText } from './mail-render.ts';

/**
 * Issue 12 item 10: an edition without a closing date sent "Please answer by as soon as
 * you can" / "avant le dès que possible" in every language. Every e-mail, in every
 * language, with a date and without one, from the built-in texts and from a
 * questionnaire's own copy of them: the sentence about the date is whole.
 */
const CLOSES = '2027-03-31T23:59:00.000Z';
const FIELDS = { contact: 'Awa Diop', entity: 'Sénégal', link: 'https://survey.test/r/abc' };

/** The paragraph that speaks of the date, as a native reader expects it; `{date}` is the formatted closing. */
const DATED: Record<MailKind, Record<Locale, string>> = {
	invitation: {
		en: 'Please answer by {date}. The link below is personal to Sénégal:',
		fr: 'Merci de répondre avant le {date}. Le lien ci-dessous est propre à Sénégal :',
		es: 'Le rogamos que responda antes del {date}. El enlace siguiente es propio de Sénégal:',
		ru: 'Просим ответить до {date}. Ссылка ниже предназначена для Sénégal:',
		ar: 'يُرجى الإجابة قبل {date}. الرابط أدناه خاص بـ Sénégal:',
		zh: '请于{date}之前作答。以下链接专属于Sénégal：'
	},
	reminder: {
		en: 'The survey closes on {date}; your answers so far are kept.',
		fr: "L'enquête se termine le {date} ; les réponses déjà données sont conservées.",
		es: 'La encuesta se cierra el {date}; las respuestas ya dadas se conservan.',
		ru: 'Опрос завершается {date}; уже данные ответы сохранены.',
		ar: 'يُغلق الاستقصاء في {date}؛ والإجابات المقدَّمة حتى الآن محفوظة.',
		zh: '调查将于{date}截止；您已填写的答案均已保存。'
	}
};
const UNDATED: Record<MailKind, Record<Locale, string>> = {
	invitation: {
		en: 'Please answer as soon as you can. The link below is personal to Sénégal:',
		fr: 'Merci de répondre dès que possible. Le lien ci-dessous est propre à Sénégal :',
		es: 'Le rogamos que responda lo antes posible. El enlace siguiente es propio de Sénégal:',
		ru: 'Просим ответить как можно скорее. Ссылка ниже предназначена для Sénégal:',
		ar: 'يُرجى الإجابة في أقرب وقت ممكن. الرابط أدناه خاص بـ Sénégal:',
		zh: '请尽早作答。以下链接专属于Sénégal：'
	},
	reminder: {
		en: 'Please answer as soon as you can; your answers so far are kept.',
		fr: 'Merci de répondre dès que possible ; les réponses déjà données sont conservées.',
		es: 'Le rogamos que responda lo antes posible; las respuestas ya dadas se conservan.',
		ru: 'Просим ответить как можно скорее; уже данные ответы сохранены.',
		ar: 'يُرجى الإجابة في أقرب وقت ممكن؛ والإجابات المقدَّمة حتى الآن محفوظة.',
		zh: '请尽早作答；您已填写的答案均已保存。'
	}
};
/** The date phrases of the old glued sentences: none may survive in an undated e-mail. */
const GLUED = [
	/by as soon/,
	/closes on as soon/,
	/avant le dès/,
	/le dès que/,
	/antes del lo/,
	/el lo antes/,
	/до как можно/,
	/завершается как можно/,
	/请于尽早/,
	/于尽早截止/,
	/قبل في أقرب/,
	/في في أقرب/
];

const formatted = (locale: Locale) =>
	`${new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(CLOSES))} UTC`;

const SOURCES = {
	'built-in texts': {},
	"a questionnaire's own copy of them": { mailTemplates: { invitation: builtinMailTemplateJson('invitation'), reminder: builtinMailTemplateJson('reminder') } }
};

describe('every e-mail in every language, with a closing date and without one', () => {
	for (const [source, json] of Object.entries(SOURCES)) {
		for (const kind of MAIL_KINDS) {
			for (const locale of LOCALES) {
				it(`${kind} in ${locale} (${source})`, () => {
					const t = mailTextFor(json, kind, locale);
					const dated = renderMailText(t, locale, { ...FIELDS, closesAt: CLOSES });
					const undated = renderMailText(t, locale, { ...FIELDS, closesAt: null });
					expect(dated.text).toContain(DATED[kind][locale].replace('{date}', formatted(locale)));
					expect(undated.text).toContain(UNDATED[kind][locale]);
					for (const mail of [undated.subject, undated.text, undated.html]) {
						expect(mail).not.toMatch(/\{[a-z]+\}/); // no merge field left unmerged
						for (const g of GLUED) expect(mail).not.toMatch(g);
					}
					// The date is said once, and only where there is one.
					expect(dated.text.split(formatted(locale))).toHaveLength(2);
					expect(undated.text).not.toContain('2027');
					expect(dated.html).toContain(formatted(locale).replace(/[&<>"']/g, ''));
				});
			}
		}
	}
});
