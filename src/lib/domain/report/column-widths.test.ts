import { describe, expect, it } from 'vitest';
import { fitColumnWidths, longestToken } from './column-widths.ts';

const opts = { total: 9600, charWidth: 100, padding: 220 };

describe('table column widths', () => {
	it('give the question column the room and the figures what they need', () => {
		const widths = fitColumnWidths(
			[
				['Item', 'Support to the ITU-D priorities of the Kigali Action Plan: affordable connectivity'],
				['n', '123'],
				['Mean', '3.45'],
				['95% CI', '3.30\u00A0–\u00A03.60']
			],
			opts
		);
		expect(widths.reduce((s, w) => s + w, 0)).toBe(9600);
		expect(widths[0]).toBeGreaterThan(widths[1]! * 4);
		expect(new Set(widths).size).toBe(4);
	});

	it('never make a column narrower than its longest word, even when crowded', () => {
		const header = ['Item', 'Dissatisfied', 'Satisfied', 'Implementation', 'Don’t know', 'Respondents', 'Sustainability'];
		const widths = fitColumnWidths(
			header.map((h) => [h, '0.55']),
			opts
		);
		header.forEach((h, i) => expect(widths[i]!, h).toBeGreaterThanOrEqual(longestToken(h) * 100 + 220));
	});

	it('give Cyrillic words the room their wider letters take ("Удовлетворены" was split in the Russian report)', () => {
		expect(longestToken('Удовлетворены')).toBeGreaterThan('Удовлетворены'.length);
		expect(longestToken('Satisfied')).toBe('Satisfied'.length);
	});

	it('give Arabic words the room their wider letters take', () => {
		expect(longestToken('المتوسط')).toBe(7 * 1.5);
		const widths = fitColumnWidths(
			[
				['البند', 'نص طويل'],
				['المتوسط', '3.08'],
				['راضون', '34%']
			],
			opts
		);
		expect(widths[1]).toBeGreaterThanOrEqual(7 * 1.5 * 100 + 220);
	});

	it('keep a short East Asian header on one line', () => {
		const widths = fitColumnWidths(
			[
				['区域', '非洲'],
				['受邀', '92'],
				['已答复', '61'],
				['答复率', '66%']
			],
			opts
		);
		expect(widths[2]).toBeGreaterThanOrEqual(6 * 100 + 220);
	});

	it('count East Asian text as breakable anywhere but twice as wide', () => {
		expect(longestToken('满意度调查')).toBe(2);
		expect(longestToken('ITU-D 的优先事项')).toBe(5);
		expect(longestToken('3.30\u00A0–\u00A03.60')).toBe(11);
		expect(longestToken('3.30 – 3.60')).toBe(4);
	});

	it('count a percent sign as a broad character, so that "43%" is not broken before its sign', () => {
		// Arial at 9 pt: two digits and % are about 360 twips; with 260 twips of cell margins the old estimate (3 characters) gave 575.
		expect(longestToken('43%')).toBeGreaterThanOrEqual(3.7);
		const widths = fitColumnWidths([['Item', 'A long question wording'], ...['1', '2', '3', '4', '5'].map((h) => [h, '43%'])], {
			total: 9638,
			charWidth: 105,
			padding: 260
		});
		for (const w of widths.slice(1)) expect(w).toBeGreaterThanOrEqual(360 + 260);
	});
});
