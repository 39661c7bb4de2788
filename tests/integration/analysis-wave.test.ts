import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { TestDb } from '../helpers/db.ts';
import { bootstrappedDb } from '../helpers/bootstrapped-db.ts';
import { insertSyntheticResponses } from '../../src/lib/server/analysis/demo.ts';
import { compareWaves, importWave } from '../../src/lib/server/analysis/waves/waves.ts';
import { viewerFor } from '../../src/lib/server/analysis/results.ts';
import { InvalidInputError } from '../../src/lib/domain/errors.ts';

let t: TestDb;
const council = viewerFor({ role: 'council', region_code: null });
const waves = async () => (await t.db.selectFrom('analysis_wave').select('id').execute()).length;

beforeAll(async () => {
	t = await bootstrappedDb();
	await insertSyntheticResponses(t.db, 'rp-2026', 1000, 11);
});
afterAll(async () => {
	await t.close();
});

const CSV = [
	'question,n,mean,sd,satisfied,maps_to',
	'sat_responsiveness,80,3.1,1.0,0.4,',
	'regional_events_old,70,1.2,0.5,0.05,sat_regional_events',
	'sat_itud_priorities.affordable_connectivity,60,3.0,1.1,,'
].join('\n');

describe('previous edition import', () => {
	it('imports an aggregated CSV with a renamed question and compares it with today, flagging changes beyond the interval', async () => {
		const { items } = await importWave(t.db, 'rp-2026', { label: '2022', filename: 'rp-2022.csv', content: Buffer.from(CSV) }, 'test');
		expect(items).toBe(3);
		const [wave] = await compareWaves(t.db, 'rp-2026', council);
		expect(wave!.label).toBe('2022');
		const events = wave!.comparisons.find((c) => c.key === 'sat_regional_events')!;
		expect(events.previous.sourceKey).toBe('regional_events_old');
		// 1.2 in 2022 against a synthetic mean near 3: far beyond the interval.
		expect(events.difference!).toBeGreaterThan(1);
		expect(events.significant).toBe(true);
		expect(events.ci95![0]).toBeLessThan(events.difference!);
		expect(await compareWaves(t.db, 'rp-2026', viewerFor({ role: 'regional_office', region_code: 'AFR' }))).toEqual([]);
	});

	it('imports the same table from XLSX', async () => {
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('2018');
		for (const line of CSV.split('\n')) sheet.addRow(line.split(',').map((v, i) => (i >= 1 && i <= 4 && v !== '' && !Number.isNaN(Number(v)) ? Number(v) : v)));
		const content = Buffer.from(await workbook.xlsx.writeBuffer());
		expect((await importWave(t.db, 'rp-2026', { label: '2018', filename: 'rp-2018.xlsx', content }, 'test')).items).toBe(3);
	});

	it('refuses unknown questions, wrong scales and broken encodings with a report, importing nothing', async () => {
		const before = await waves();
		const bad = 'question,n,mean,sd,scale_max\nsat_responsiveness,80,6.5,1,7\nno_such_question,10,3,1,5\n';
		const error = await importWave(t.db, 'rp-2026', { label: '2014', filename: 'bad.csv', content: Buffer.from(bad) }, 'test').catch((e) => e);
		expect(error).toBeInstanceOf(InvalidInputError);
		expect(error.details.join('\n')).toMatch(/line 2: scale_max 7 differs/);
		expect(error.details.join('\n')).toMatch(/line 3: "no_such_question" is not a rated item/);
		const latin1 = Buffer.concat([Buffer.from('question,n,mean,sd\nsat_responsiveness,80,3,1\n# r'), Buffer.from([0xe9, 0xff]), Buffer.from('sum\n')]);
		await expect(importWave(t.db, 'rp-2026', { label: '2014', filename: 'latin1.csv', content: latin1 }, 'test')).rejects.toThrow(/not valid UTF-8/);
		await expect(importWave(t.db, 'rp-2026', { label: '2014', filename: 'x.xlsx', content: Buffer.from('not a zip') }, 'test')).rejects.toThrow(
			/not a readable XLSX/
		);
		await expect(importWave(t.db, 'rp-2026', { label: '2014', filename: 'x.pdf', content: Buffer.from('%PDF') }, 'test')).rejects.toThrow(/\.csv/);
		await expect(importWave(t.db, 'rp-2026', { label: '<script>', filename: 'a.csv', content: Buffer.from(CSV) }, 'test')).rejects.toThrow(/label/);
		expect(await waves()).toBe(before);
	});
});
