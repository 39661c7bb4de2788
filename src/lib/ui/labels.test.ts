import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { LOCALES } from '../domain/locales.ts';
import { REGISTRY_KINDS } from '../domain/registry/registry-rows.ts';
import { EDITION_STATES } from '../domain/invitation/edition-lifecycle.ts';
import { CELL_STATUSES } from '../domain/translation/status.ts';
import { ROLES } from '../domain/access/permissions.ts';
import { SUPPORTED_QUESTION_TYPES } from '../domain/survey/supported-types.ts';
import {
	auditActionLabel,
	bidiIsolate,
	categoryLabel,
	countryName,
	daysLeft,
	editionStateLabel,
	formatDate,
	formatDateTime,
	languageName,
	questionTypeLabel,
	formatDaysLeft,
	formatNumber,
	formatPercent,
	mailStateLabel,
	regionName,
	responseStateLabel,
	roleLabel,
	sectorLabel,
	translationStatusLabel
} from './labels.ts';
import { auditDetailLabel, auditTargetLabel } from './audit-labels.ts';
import { LABELLED_AUDIT_ACTIONS } from './audit-labels.ts';

const FSI = '\u2068';

describe('labels, never codes', () => {
	it.each(LOCALES)('every member category, Sector, edition state, translation status and role has a label in %s', (locale) => {
		const labels = [
			...REGISTRY_KINDS.map((k) => categoryLabel(k, locale)),
			...['itu_r', 'itu_t', 'itu_d'].map((s) => sectorLabel(s, locale)),
			...EDITION_STATES.map((s) => editionStateLabel(s, locale)),
			...CELL_STATUSES.map((s) => translationStatusLabel(s, locale)),
			...ROLES.map((r) => roleLabel(r, locale)),
			...['queued', 'sending', 'sent', 'failed', 'cancelled'].map((s) => mailStateLabel(s, locale))
		];
		for (const label of labels) {
			expect(label).not.toContain(FSI); // a fallback would be an isolated code
			expect(label).not.toMatch(/^[a-z]+_[a-z_]+$/);
		}
	});

	it('says the words of the reader', () => {
		expect(categoryLabel('member_state', 'fr')).toBe('État Membre');
		expect(categoryLabel('member_state', 'ar')).toBe('دولة عضو');
		expect(editionStateLabel('draft', 'fr')).toBe('Brouillon');
		expect(editionStateLabel('open', 'fr')).toBe('Ouverte');
		expect(sectorLabel('itu_d', 'ru')).toContain('МСЭ-D');
		expect(roleLabel('regional_office', 'es')).not.toBe('regional_office');
		expect(responseStateLabel(null, 'en')).toBe('Not started');
	});

	it('shows an unknown code isolated, and "none" as a word', () => {
		expect(categoryLabel('martian', 'ar')).toBe(bidiIsolate('martian'));
		expect(sectorLabel('none', 'fr')).toBe('Aucun');
		expect(sectorLabel(null, 'en')).toBe('None');
	});

	it('labels every audit action the server writes, in each language', () => {
		expect(LABELLED_AUDIT_ACTIONS.length).toBeGreaterThan(50);
		for (const action of LABELLED_AUDIT_ACTIONS) for (const locale of LOCALES) expect(auditActionLabel(action, locale)).not.toContain(FSI);
		expect(auditActionLabel('user.create', 'fr')).toBe('Utilisateur créé');
		expect(auditActionLabel('something.new', 'en')).toBe(bidiIsolate('something.new'));
	});

	it('labels every audit action and target the server code writes (read from the source, not from the label table)', () => {
		const written = (field: string) =>
			new Set(
				execFileSync('grep', ['-rhoE', `${field}: '[a-z_]+(\\.[a-z_]+)?'`, 'src/lib/server', 'src/routes', 'src/hooks.server.ts'], { encoding: 'utf8' })
					.split('\n')
					.filter(Boolean)
					.map((line) => line.replace(/^.*: '(.*)'$/, '$1'))
			);
		const actions = [...written('action')].filter((a) => a.includes('.'));
		expect(actions.length).toBeGreaterThan(50);
		expect(actions.filter((a) => auditActionLabel(a, 'fr').includes(FSI))).toEqual([]);
		expect([...written('targetType')].filter((t) => auditTargetLabel(t, 'ar').includes(FSI))).toEqual([]);
	});

	it('names the audit details the server writes in the language of the reader (the log showed "invited: 12")', () => {
		expect(auditDetailLabel('invited', 'fr')).not.toBe(bidiIsolate('invited'));
		for (const locale of LOCALES)
			for (const key of ['invited', 'submitted', 'region', 'role', 'email']) expect(auditDetailLabel(key, locale)).not.toContain(FSI);
		expect(auditDetailLabel('invited', 'en')).toBe('Invited');
		expect(auditDetailLabel('file', 'ar')).toBe('file');
	});

	it('names regions and offices from the reference data passed in', () => {
		const names = { AFR: { en: 'Africa', ar: 'إفريقيا' }, 'RO-AFR': { en: 'ITU Regional Office for Africa' } };
		expect(regionName('AFR', names, 'ar')).toBe('إفريقيا');
		expect(regionName('RO-AFR', names, 'ar')).toBe('ITU Regional Office for Africa'); // English when the language is missing
		expect(regionName('XYZ', names, 'en')).toBe(bidiIsolate('XYZ'));
		expect(regionName(null, names, 'fr')).toBe('Aucun');
	});

	it('names countries in the six languages with Intl.DisplayNames', () => {
		expect(countryName('FR', 'en')).toBe('France');
		expect(countryName('DE', 'fr')).toBe('Allemagne');
		expect(countryName('EG', 'ar')).toBe('مصر');
		expect(countryName('CN', 'zh')).toBe('中国');
		expect(countryName('RU', 'ru')).toBe('Россия');
		expect(countryName('ES', 'es')).toBe('España');
		expect(countryName('QQQ', 'en')).toBe(bidiIsolate('QQQ'));
	});
});

describe('numbers and dates per locale', () => {
	it("formats figures in the reader's convention (Western digits in Arabic)", () => {
		expect(formatNumber(12345, 'en')).toBe('12,345');
		expect(formatNumber(12345, 'fr')).toMatch(/^12\s345$/u);
		expect(formatNumber(12345, 'ar')).toMatch(/12.345/u);
		expect(formatPercent(0.425, 'en')).toBe('43%');
		expect(formatPercent(0.425, 'fr')).toMatch(/^43\s%$/u);
		expect(formatNumber(null, 'en')).toBe('–');
	});

	it('formats dates and the days left', () => {
		expect(formatDate('2026-12-01T10:00:00Z', 'en')).toBe('Dec 1, 2026');
		expect(formatDate('2026-12-01T10:00:00Z', 'fr')).toBe('1 déc. 2026');
		const now = new Date('2026-12-01T12:00:00Z');
		expect(daysLeft('2026-12-03T11:00:00Z', now)).toBe(2);
		expect(daysLeft(null, now)).toBeNull();
		expect(formatDaysLeft('2026-12-03T11:00:00Z', 'fr', now)).toBe('Jours restants : 2');
		expect(formatDaysLeft('2026-11-30T11:00:00Z', 'en', now)).toBe('Closed');
		expect(formatDaysLeft(null, 'en', now)).toBe('No closing date');
	});

	it('formats a date and time with its time zone named, isolated in Arabic (never an ISO string)', () => {
		const until = '2027-01-31T12:00:00.000Z';
		expect(formatDateTime(until, 'en')).toBe('Jan 31, 2027, 12:00 PM UTC');
		expect(formatDateTime(until, 'fr')).toBe('31 janv. 2027, 12:00 UTC');
		expect(formatDateTime(until, 'zh')).toMatch(/^2027年1月31日 UTC ?12:00$/u);
		const ar = formatDateTime(until, 'ar');
		expect(ar.startsWith('\u2068') && ar.endsWith('\u2069'), ar).toBe(true);
		expect(ar).toMatch(/يناير/u);
		expect(ar).toContain('UTC');
		expect(formatDateTime(null, 'en')).toBe('–');
	});

	it("names question types and languages in the reader's language", () => {
		for (const type of SUPPORTED_QUESTION_TYPES)
			for (const locale of LOCALES) {
				const label = questionTypeLabel(type, locale);
				expect(label === type || label.includes('\u2068'), `${type} in ${locale}`).toBe(false);
			}
		expect(questionTypeLabel('radiogroup', 'en')).toBe('Radio button group');
		expect(questionTypeLabel('matrixdropdown', 'fr')).toBe('Matrice à choix multiples');
		expect(questionTypeLabel('unknown-kind', 'en')).toBe(bidiIsolate('unknown-kind'));
		expect(languageName('zh', 'fr')).toBe('chinois');
		expect(languageName('ar', 'ru')).toBe('арабский');
		expect(languageName('zh-cn', 'en')).toBe('Chinese');
		expect(languageName('all', 'en')).toBe('All six languages');
		expect(languageName('xx', 'en')).toBe(bidiIsolate('xx'));
	});

	it('isolates codes and figures for Arabic text', () => {
		expect(bidiIsolate('RO-AFR')).toBe('\u2068RO-AFR\u2069');
		expect(bidiIsolate(42)).toBe('\u206842\u2069');
	});
});
