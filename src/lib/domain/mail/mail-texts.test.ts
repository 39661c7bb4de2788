import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { builtinMailTemplateJson, builtinMailText, mailTextFor, mergeFieldMismatch, placeholdersOf } from './mail-texts.ts';
import { mailTemplateFindings } from './mail-lint.ts';
import { renderMailText } from './mail-render.ts';
import { extractStrings, setTranslation, type Json } from '../translation/strings.ts';
import { lintQuestionnaireJson } from '../survey/definition.ts';
import { getModel } from '../survey/model-cache.ts';
import { diffQuestionnaires } from '../authoring/diff.ts';
import { buildPageView } from '../survey/page-view.ts';

const survey2026 = JSON.parse(readFileSync('surveys/regional-presence-2026.json', 'utf8')) as Record<string, Json>;
const FIELDS = { contact: 'Awa <Diop>', entity: 'Sénégal', link: 'https://survey.test/r/abc', closesAt: '2027-03-31T23:59:00.000Z' };

/** The 2026 questionnaire with the built-in texts copied in, and a custom French invitation subject. */
function withTemplates(): Record<string, Json> {
	const mailTemplates = { invitation: builtinMailTemplateJson('invitation'), reminder: builtinMailTemplateJson('reminder') } as unknown as Json;
	const json = { ...survey2026, mailTemplates } as Json;
	return setTranslation(json, 'mail.invitation.subject', 'fr', 'Votre lien pour {entity}') as Record<string, Json>;
}

describe('e-mail texts as questionnaire strings', () => {
	it('extracts the eight mail strings after the 191 questionnaire strings, with a context naming the merge fields of each', () => {
		const strings = extractStrings(withTemplates());
		expect(strings).toHaveLength(191 + 8);
		expect(strings.slice(191).map((s) => s.key)).toEqual([
			'mail.invitation.subject',
			'mail.invitation.body',
			'mail.invitation.bodyUndated',
			'mail.invitation.button',
			'mail.reminder.subject',
			'mail.reminder.body',
			'mail.reminder.bodyUndated',
			'mail.reminder.button'
		]);
		const subject = strings[191]!;
		expect(subject.context).toContain('merge fields allowed: {contact} {entity} {link} (keep');
		expect(strings[192]!.context).toContain('{contact} {entity} {link} {deadline}');
		expect(strings[193]!.context).toContain('no closing date');
		expect(subject.texts.fr).toBe('Votre lien pour {entity}');
		expect(subject.texts.zh).toBe(builtinMailText('invitation', 'zh').subject);
		expect(extractStrings(survey2026 as Json)).toHaveLength(191); // unchanged without mailTemplates
	});

	it('lints: the property is known, well-formed templates pass, unknown and mismatched merge fields are errors naming key and language', () => {
		expect(lintQuestionnaireJson(withTemplates()).filter((f) => f.severity === 'error')).toEqual([]);
		expect(lintQuestionnaireJson(withTemplates()).filter((f) => f.rule === 'property/unknown')).toEqual([]);
		const broken = setTranslation(
			setTranslation(withTemplates(), 'mail.invitation.body', 'ru', 'Без ссылки {entity}'),
			'mail.reminder.button',
			'es',
			'Seguir {enlace}'
		) as Record<string, Json>;
		const findings = mailTemplateFindings(broken);
		expect(findings.map((f) => [f.rule, f.path])).toEqual([
			['mail/merge-field-mismatch', 'mailTemplates.invitation.body.ru'],
			['mail/merge-field', 'mailTemplates.reminder.button.es']
		]);
		expect(findings[0]!.message).toContain('drops {contact}, {deadline}');
		expect(findings[1]!.message).toContain('{enlace}');
		const english = { ...survey2026, mailTemplates: { invitation: { subject: 'Hi {name}', body: 'x', button: 'Go' } } };
		expect(mailTemplateFindings(english).map((f) => f.rule)).toEqual(['mail/merge-field']);
	});

	it('{deadline} only in the dated body; a body naming the date needs its undated variant', () => {
		const template = (parts: Record<string, string>) => ({ mailTemplates: { reminder: { subject: 'R', body: 'B', button: 'Go', ...parts } } });
		expect(mailTemplateFindings(template({ body: 'Answer by {deadline}.' })).map((f) => [f.rule, f.path])).toEqual([
			['mail/undated-missing', 'mailTemplates.reminder.bodyUndated']
		]);
		expect(mailTemplateFindings(template({ body: 'Answer by {deadline}.', bodyUndated: 'Answer soon.' }))).toEqual([]);
		expect(mailTemplateFindings(template({ body: 'Answer soon.' }))).toEqual([]); // one body serves both cases
		expect(mailTemplateFindings(template({ subject: 'Closes {deadline}', bodyUndated: 'By {deadline}' })).map((f) => [f.rule, f.path])).toEqual([
			['mail/merge-field', 'mailTemplates.reminder.subject.default'],
			['mail/merge-field', 'mailTemplates.reminder.bodyUndated.default']
		]);
		// A template written before the variant existed: the undated e-mail takes the built-in undated body, never a hole.
		const legacy = { mailTemplates: { reminder: { subject: 'R', body: 'Closes {deadline}.', button: 'Go' } } };
		expect(mailTextFor(legacy, 'reminder', 'fr').bodyUndated).toBe(builtinMailText('reminder', 'fr').bodyUndated);
		expect(mailTextFor(template({ body: 'Soon.' }), 'reminder', 'fr').bodyUndated).toBe('Soon.');
	});

	it('refuses malformed templates: unknown kind or part, missing English, unknown language key', () => {
		const bad = { mailTemplates: { invite: {}, reminder: { subject: { fr: 'Rappel' }, body: 'B', button: 'Go', footer: 'x' } } };
		expect(mailTemplateFindings(bad).map((f) => f.path)).toEqual(['mailTemplates.invite', 'mailTemplates.reminder.footer', 'mailTemplates.reminder.subject']);
		expect(mailTemplateFindings({ mailTemplates: { reminder: { subject: { default: 'S', de: 'x' }, body: 'B', button: 'Go' } } }).map((f) => f.path)).toEqual([
			'mailTemplates.reminder.subject.de'
		]);
		expect(mailTemplateFindings({ mailTemplates: 'text' }).map((f) => f.rule)).toEqual(['mail/malformed']);
	});

	it('compares merge fields as sets: order and repetition may differ in a translation', () => {
		expect(placeholdersOf('{a} {b} {a}')).toEqual(['a', 'b']);
		expect(mergeFieldMismatch('{contact} at {entity}', '{entity}: {contact}, {entity}')).toBeNull();
		expect(mergeFieldMismatch('Go {link}', 'Allez')).toContain('drops {link}');
	});
});

describe('rendering from a questionnaire', () => {
	it("sends the questionnaire's own text, falls back to its English for a missing language, and to the built-in without templates", () => {
		const json = withTemplates();
		const fr = renderMailText(mailTextFor(json, 'invitation', 'fr'), 'fr', FIELDS);
		expect(fr.subject).toBe('Votre lien pour Sénégal');
		const noFrench = setTranslation(json, 'mail.invitation.subject', 'fr', '');
		expect(mailTextFor(noFrench, 'invitation', 'fr').subject).toBe(builtinMailText('invitation', 'en').subject);
		expect(mailTextFor(survey2026, 'reminder', 'ar')).toEqual({ ...builtinMailText('reminder', 'ar'), custom: false });
		// One kind only: the other is built-in.
		const oneKind = { mailTemplates: { reminder: { subject: 'R {entity}', body: 'Hello {contact}', button: 'Go' } } };
		expect(mailTextFor(oneKind, 'reminder', 'es').custom).toBe(true);
		expect(mailTextFor(oneKind, 'invitation', 'es').custom).toBe(false);
	});

	it('escapes HTML, writes Arabic right to left, keeps the subject on one line and turns blank lines into paragraphs', () => {
		const t = {
			subject: 'Line one\nline two {entity}',
			body: 'Dear {contact},\n\nSecond <b>para</b>\nsame para\r\n\r\nBy {deadline}',
			bodyUndated: 'Soon',
			button: 'Open & answer'
		};
		const r = renderMailText(t, 'ar', FIELDS);
		expect(r.subject).toBe('Line one line two Sénégal');
		expect(r.html).toContain('<html lang="ar" dir="rtl">');
		expect(r.html).toContain('<p>Dear Awa &lt;Diop&gt;,</p>');
		expect(r.html).toContain('<p>Second &lt;b&gt;para&lt;/b&gt;<br>same para</p>');
		expect(r.html).toContain('>Open &amp; answer</a>');
		expect(r.text.split('\n\n')).toHaveLength(4);
		expect(r.text).toContain('Open & answer: https://survey.test/r/abc');
	});

	it('the built-in texts render as before (the five-paragraph invitation in French)', () => {
		const r = renderMailText(builtinMailText('invitation', 'fr'), 'fr', FIELDS);
		expect(r.subject).toBe("Enquête de l'UIT sur la présence régionale : votre lien personnel (Sénégal)");
		expect(r.html.match(/<p[ >]/g)).toHaveLength(5); // three paragraphs, the button, the bare link
		expect(r.text).toContain('31 mars 2027');
	});
});

describe('the respondent never sees mailTemplates', () => {
	it('the survey-core model accepts it and the page views are those of the questionnaire without it', () => {
		const json = withTemplates();
		const withMail = getModel('mail-test-with', json, 'fr');
		const without = getModel('mail-test-without', survey2026, 'fr');
		expect(withMail.getAllQuestions().length).toBe(without.getAllQuestions().length);
		for (let i = 0; i < without.visiblePages.length; i++) expect(JSON.stringify(buildPageView(withMail, i))).toBe(JSON.stringify(buildPageView(without, i)));
		expect(JSON.stringify(buildPageView(withMail, 0))).not.toContain('Votre lien');
	});
});

describe('the version diff', () => {
	it('shows the e-mail texts per kind, part and language, not as one JSON value', () => {
		const before = withTemplates();
		const after = setTranslation(before, 'mail.reminder.button', 'es', 'Seguir respondiendo') as Record<string, Json>;
		expect(diffQuestionnaires(before, after)).toEqual([
			{
				name: 'e-mail reminder',
				kind: 'changed',
				changes: [{ property: 'button [es]', before: builtinMailText('reminder', 'es').button, after: 'Seguir respondiendo' }]
			}
		]);
		expect(diffQuestionnaires(survey2026, before).map((e) => [e.name, e.kind])).toEqual([
			['e-mail invitation', 'added'],
			['e-mail reminder', 'added']
		]);
	});
});
