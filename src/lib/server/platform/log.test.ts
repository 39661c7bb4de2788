import { describe, expect, it } from 'vitest';
import { createLogger, logFormatFromEnv, redactPath } from './log.ts';

describe('logs', () => {
	it('writes one JSON object per line with the fields, errors described', () => {
		const lines: string[] = [];
		createLogger('http', 'json', (l) => lines.push(l)).error('failed', { status: 500, error: new Error('boom') });
		const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
		expect(entry).toMatchObject({ level: 'error', scope: 'http', msg: 'failed', status: 500, error: { message: 'boom' } });
		expect(typeof entry.time).toBe('string');
	});

	it('writes text for people, keeping the scope prefix', () => {
		const lines: string[] = [];
		createLogger('start', 'text', (l) => lines.push(l)).info('edition open', { slug: 'rp-2026' });
		expect(lines).toEqual(['[start] edition open slug=rp-2026']);
	});

	it('never logs a respondent token or a query string', () => {
		expect(redactPath('/r/7pjlmpgaek7vrd3agzegbrx6uomry7t7/autosave')).toBe('/r/:token/autosave');
		expect(redactPath('/r/abc?lang=fr')).toBe('/r/:token');
		expect(redactPath('/login/reset/s3cr3t')).toBe('/login/reset/:token');
		expect(redactPath('/login/reset')).toBe('/login/reset');
		expect(redactPath('/admin/editions/rp-2026')).toBe('/admin/editions/rp-2026');
	});

	it('refuses an unknown format with a clear message; production defaults to JSON', () => {
		expect(() => logFormatFromEnv({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
		expect(logFormatFromEnv({ NODE_ENV: 'production' })).toBe('json');
		expect(logFormatFromEnv({})).toBe('text');
	});
});
