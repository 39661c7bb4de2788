import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { registryCheck, registryPrefill, registryQuestions } from './registry-prefill.ts';
import { lintQuestionnaireJson } from '../survey/definition.ts';

const survey2026 = JSON.parse(readFileSync('surveys/regional-presence-2026.json', 'utf8')) as Record<string, unknown>;

describe('answers the registry knows', () => {
	it('finds the 2026 questions marked registryField, which the lint accepts as a known property', () => {
		expect(registryQuestions(survey2026).map((q) => [q.name, q.field, q.multiple])).toEqual([
			['respondent_category', 'category', false],
			['sectors_involved', 'sectors', true]
		]);
		expect(lintQuestionnaireJson(survey2026).filter((f) => f.rule === 'property/unknown')).toEqual([]);
	});

	it('prefills the category and the Sector memberships that are choices of the question; nothing it does not know', () => {
		expect(registryPrefill(survey2026, { category: 'sector_member', sectors: ['itu_t', 'itu_d'] })).toEqual({
			respondent_category: 'sector_member',
			sectors_involved: ['itu_t', 'itu_d']
		});
		expect(registryPrefill(survey2026, { category: 'member_state', sectors: [] })).toEqual({ respondent_category: 'member_state' });
		expect(registryPrefill(survey2026, { category: 'observer', sectors: ['itu_x'] })).toEqual({});
		expect(registryPrefill({ pages: [] }, { category: 'member_state', sectors: [] })).toEqual({});
	});

	it('judges an answer against what was prefilled: kept is confirmed, changed is corrected, sets compared without order', () => {
		expect(registryCheck('member_state', 'member_state')).toBe('confirmed');
		expect(registryCheck('member_state', 'sector_member')).toBe('corrected');
		expect(registryCheck(['itu_t', 'itu_d'], ['itu_d', 'itu_t'])).toBe('confirmed');
		expect(registryCheck(['itu_t', 'itu_d'], ['itu_t'])).toBe('corrected');
		expect(registryCheck(undefined, 'member_state')).toBeNull();
		expect(registryCheck('member_state', undefined)).toBeNull();
	});
});
