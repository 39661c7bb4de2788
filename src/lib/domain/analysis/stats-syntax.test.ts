import { describe, expect, it } from 'vitest';
import { buildCatalogue } from './catalogue.ts';
import { dontKnowCode, statsSpec, validNames } from './stats-variables.ts';
import { rSyntax, rString, spssSyntax, stataSyntax, truncateBytes } from './stats-syntax.ts';

const definition = {
	pages: [
		{
			elements: [
				{
					type: 'radiogroup',
					name: 'q1',
					title: 'Overall "satisfaction"',
					notApplicableValue: 'na',
					choices: [
						{ value: 5, text: 'Very good' },
						{ value: 1, text: 'Very poor' },
						{ value: 'na', text: "Don't know" }
					]
				},
				{
					type: 'matrix',
					name: 'm',
					title: 'Offices',
					columns: [
						{ value: 2, text: 'Good' },
						{ value: 1, text: 'Bad' }
					],
					rows: [{ value: 'a-b', text: 'Row A' }]
				},
				{
					type: 'radiogroup',
					name: 'freq',
					title: { default: 'How often?', fr: 'Fréquence ?' },
					choices: [
						{ value: 'weekly', text: 'Weekly' },
						{ value: 'never', text: 'Never' }
					]
				},
				{ type: 'checkbox', name: 'sectors', title: 'Sectors', choices: [{ value: 'itu_r', text: 'ITU-R' }] },
				{ type: 'dropdown', name: 'office', title: 'Office', choicesFromQuestion: 'x' },
				{ type: 'comment', name: 'if', title: 'Comments – “quoted”' }
			]
		}
	]
};
const catalogue = buildCatalogue(definition);
const spec = statsSpec(catalogue, 'rp-microdata.csv');
const byColumn = (c: string) => spec.variables.find((v) => v.column === c)!;

describe('names valid in SPSS, Stata and R', () => {
	it('maps dotted, dashed, reserved, long and clashing names to unique letters-digits-underscores of 32 characters at most', () => {
		const long = 'x'.repeat(40);
		const names = validNames(['m.a-b', 'm_a_b', 'if', '1st', long, `${long}y`, 'Q', 'q']);
		expect(names).toEqual(['m_a_b', 'm_a_b_2', 'v_if', 'v_1st', 'x'.repeat(32), `${'x'.repeat(30)}_2`, 'Q', 'q_2']);
		for (const n of names) expect(n).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,31}$/);
	});
	it('keeps the CSV column beside the name', () => {
		expect(byColumn('m.a-b').name).toBe('m_a_b');
		expect(byColumn('sectors.itu_r').name).toBe('sectors_itu_r');
		expect(byColumn('if').name).toBe('v_if');
	});
});

describe('codes and labels', () => {
	it('labels scale points from the questionnaire and declares "na" on scales that have it', () => {
		expect(byColumn('q1')).toMatchObject({
			kind: 'scale',
			dontKnow: true,
			values: [
				{ raw: '5', code: 5, label: 'Very good' },
				{ raw: '1', code: 1, label: 'Very poor' }
			]
		});
		expect(byColumn('m.a-b')).toMatchObject({ kind: 'scale', dontKnow: false, label: 'Offices: Row A' });
	});
	it('codes text choices 1..n, keeps choices filled in while answering as text, ticks as 1/0', () => {
		expect(byColumn('freq').values).toEqual([
			{ raw: 'weekly', code: 1, label: 'Weekly' },
			{ raw: 'never', code: 2, label: 'Never' }
		]);
		expect(byColumn('office').kind).toBe('string');
		expect(byColumn('sectors.itu_r').values.map((v) => v.code)).toEqual([1, 0]);
	});
	it("chooses a don't-know code no scale uses", () => {
		expect(dontKnowCode(catalogue)).toBe(99);
		expect(dontKnowCode({ ...catalogue, scales: [{ ...catalogue.scales[0]!, scale: [99, 1] }] })).toBe(999);
	});
	it('adds the submitted flag only for partial exports', () => {
		expect(spec.variables.some((v) => v.column === 'submitted')).toBe(false);
		expect(statsSpec(catalogue, 'x.csv', true).variables.at(-1)).toMatchObject({ column: 'submitted', kind: 'flag' });
	});
});

describe('SPSS syntax', () => {
	const sps = spssSyntax(spec);
	it('reads the CSV from its folder, recodes coded columns and declares the missing code', () => {
		expect(sps).toContain('/FILE="rp-microdata.csv"');
		expect(sps).toMatch(/RECODE @raw6 \("5"=5\) \("1"=1\) \("na"=99\) \(ELSE=SYSMIS\) INTO q1\./);
		expect(sps).toContain('MISSING VALUES q1 (99).');
		expect(sps).toContain('q1 5 "Very good" 1 "Very poor" 99 "No interaction / don\'t know"');
		expect(sps).toContain('q1 "Overall ""satisfaction"""');
		expect(sps).toContain('freq 1 "Weekly" 2 "Never"');
		expect(sps).not.toMatch(/\bm\.a-b\b/);
	});
	it("cuts labels to SPSS's byte limits without splitting a character", () => {
		expect(truncateBytes('ééé', 5)).toBe('éé');
		expect(truncateBytes('abc', 5)).toBe('abc');
	});
});

describe('Stata syntax', () => {
	const dofile = stataSyntax(spec);
	it("uses .a for don't know, compound quotes, and one value label per coded variable", () => {
		expect(dofile).toContain('import delimited using `"rp-microdata.csv"\'');
		expect(dofile).toContain('replace q1 = .a if v6 == "na"');
		expect(dofile).toContain('label define q1 5 `"Very good"\' 1 `"Very poor"\' .a `"No interaction / don\'t know"\', replace');
		expect(dofile).toContain('label values q1 q1');
		expect(dofile).toContain('rename v');
		expect(dofile).toContain('label variable q1 `"Overall "satisfaction""\'');
	});
});

describe('R syntax', () => {
	const r = rSyntax(spec);
	it('is plain ASCII, reads the CSV next to the script and keeps labels as attributes', () => {
		expect(r).toMatch(/^[\x20-\x7e\n]*$/);
		expect(r).toContain('file.path(.here, "rp-microdata.csv")');
		expect(r).toContain('microdata[["q1"]] <- .number(.raw[[6]], "Overall \\"satisfaction\\"", c("5", "1"), c(5, 1), c("Very good", "Very poor"), TRUE)');
		expect(r).toContain('microdata[["freq"]] <- .choice(');
		expect(rString('Comments – “quoted”\n')).toBe('"Comments \\u2013 \\u201cquoted\\u201d\\n"');
		expect(rString('😀')).toBe('"\\U{1f600}"');
	});
});
