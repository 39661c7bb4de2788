import { describe, expect, it } from 'vitest';
import { generateToken, hashToken, isWellFormedToken } from './token.ts';

describe('respondent tokens', () => {
	it('carry 160 random bits as 32 base32 characters, and differ every time', () => {
		const tokens = new Set(Array.from({ length: 1000 }, generateToken));
		expect(tokens.size).toBe(1000);
		for (const t of tokens) expect(isWellFormedToken(t)).toBe(true);
	});

	it('are stored as a SHA-256 hex digest, never as themselves', () => {
		const token = generateToken();
		expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
		expect(hashToken(token)).not.toContain(token);
		expect(hashToken(token)).toBe(hashToken(token));
	});

	it('rejects anything that cannot be one of ours before any lookup', () => {
		expect(isWellFormedToken('')).toBe(false);
		expect(isWellFormedToken('A'.repeat(32))).toBe(false);
		expect(isWellFormedToken("' or 1=1 --")).toBe(false);
	});
});
