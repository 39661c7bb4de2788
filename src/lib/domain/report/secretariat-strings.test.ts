import { describe, expect, it } from 'vitest';
import { applySecretariatEdits, emptyStoredTexts, sameStoredTexts, secretariatCells, textsForLanguage } from './secretariat-strings.ts';
import { SECRETARIAT_TEXT_FIELDS } from './secretariat-texts.ts';

const allIn =
	(locale: 'en' | 'fr', status: 'draft' | 'machine' | 'reviewed' = 'draft') =>
	(stored: ReturnType<typeof emptyStoredTexts>) =>
		applySecretariatEdits(
			stored,
			locale,
			SECRETARIAT_TEXT_FIELDS.map((field) => ({ field, text: `${field} ${locale}`, status }))
		);

describe('the Secretariat texts as translatable strings', () => {
	it('is complete in a language only when every field is written there', () => {
		let stored = allIn('en')(emptyStoredTexts());
		expect(textsForLanguage(stored, 'en').complete).toBe(true);
		expect(textsForLanguage(stored, 'fr')).toMatchObject({ complete: false, texts: { purpose: '' } });
		stored = applySecretariatEdits(stored, 'fr', [{ field: 'purpose', text: 'Objet', status: 'draft' }]);
		expect(textsForLanguage(stored, 'fr').complete).toBe(false);
		stored = allIn('fr')(stored);
		expect(textsForLanguage(stored, 'fr')).toMatchObject({ complete: true, texts: { purpose: 'purpose fr' } });
	});

	it('does not count a machine translation, nor one of an older English', () => {
		const machine = allIn('fr', 'machine')(allIn('en')(emptyStoredTexts()));
		expect(textsForLanguage(machine, 'fr').complete).toBe(false);
		const human = allIn('fr')(allIn('en')(emptyStoredTexts()));
		const changed = applySecretariatEdits(human, 'en', [{ field: 'conclusions', text: 'New conclusions', status: 'draft' }]);
		expect(secretariatCells(changed).fr.conclusions).toBe('needs_review');
		expect(textsForLanguage(changed, 'fr').complete).toBe(false);
		// Saving the French page unchanged does not confirm the stale translation.
		const resaved = applySecretariatEdits(changed, 'fr', [{ field: 'conclusions', text: 'conclusions fr', status: 'draft' }]);
		expect(secretariatCells(resaved).fr.conclusions).toBe('needs_review');
		expect(sameStoredTexts(resaved, changed)).toBe(true);
		const reviewed = applySecretariatEdits(changed, 'fr', [{ field: 'conclusions', text: 'conclusions fr', status: 'reviewed' }]);
		expect(textsForLanguage(reviewed, 'fr').complete).toBe(true);
	});

	it('normalises line endings and removes an emptied text', () => {
		const stored = applySecretariatEdits(emptyStoredTexts(), 'en', [{ field: 'references', text: ' Resolution 25\r\nC22/10 \r\n', status: 'draft' }]);
		expect(stored.texts.references?.en).toBe('Resolution 25\nC22/10');
		expect(applySecretariatEdits(stored, 'en', [{ field: 'references', text: '  ', status: 'draft' }]).texts.references?.en).toBeUndefined();
	});
});
