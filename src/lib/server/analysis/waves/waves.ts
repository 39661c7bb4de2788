import { createHash } from 'node:crypto';
import type { Db } from '../../db/create-db.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { InvalidInputError } from '../../../domain/errors.ts';
import { aggregate } from '../../../domain/analysis/aggregate.ts';
import { publishResult } from '../../../domain/analysis/suppression.ts';
import { compareWave, validateWaveRows, type WaveComparison, type WaveItem } from '../../../domain/analysis/wave.ts';
import { runImport } from '../../import-worker/run-import.ts';
import { appendAudit } from '../../access/audit/audit-repository.ts';
import { loadEditionData, type EditionData } from '../data.ts';
import { effectiveMinCount, type AnalysisViewer } from '../results.ts';
import { analysisMinCount } from '../settings.ts';

/** Large enough for any aggregated table; a bigger upload is a mistake. */
export const MAX_WAVE_FILE_BYTES = 2 * 1024 * 1024;
const LABEL_PATTERN = /^[\p{L}\p{N} ._()-]{1,40}$/u;

/** Imports a previous edition's aggregated table for comparison: every row valid, or nothing stored. */
export async function importWave(
	db: Db,
	slug: string,
	input: { label: string; filename: string; content: Buffer },
	actor: string
): Promise<{ id: string; items: number }> {
	const label = input.label.trim();
	if (!LABEL_PATTERN.test(label)) throw new InvalidInputError('the label must be 1 to 40 letters, digits, spaces or . _ ( ) -');
	if (input.content.length === 0) throw new InvalidInputError('the file is empty');
	if (input.content.length > MAX_WAVE_FILE_BYTES) throw new InvalidInputError(`the file is larger than ${MAX_WAVE_FILE_BYTES / 1024 / 1024} MiB`);
	const data = await loadEditionData(db, slug);
	const rows = await runImport('wave', { fileName: input.filename, bytes: input.content });
	const { items, problems } = validateWaveRows(rows, data.catalogue);
	if (problems.length) throw new InvalidInputError(`${input.filename} was not imported: ${problems.length} problem(s)`, problems);
	const id = newId();
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('analysis_wave')
			.values({
				id,
				edition_id: data.edition.id,
				label,
				source_filename: input.filename,
				source_sha256: createHash('sha256').update(input.content).digest('hex'),
				items_json: JSON.stringify(items),
				created_at: nowIso(),
				created_by: actor
			})
			.execute();
		await appendAudit(trx, {
			actor,
			action: 'analysis.wave_import',
			targetType: 'analysis_wave',
			targetId: id,
			details: { edition: slug, label, items: items.length }
		});
	});
	return { id, items: items.length };
}

export interface WaveView {
	id: string;
	label: string;
	createdAt: string;
	comparisons: WaveComparison[];
}

/**
 * Every imported wave of the edition compared with the current figures the viewer
 * may see. A previous edition's table covers the whole membership, so a regional
 * office (which sees one region now) gets no comparison rather than a misleading one.
 */
export async function compareWaves(db: Db, slug: string, viewer: AnalysisViewer, minCount = analysisMinCount()): Promise<WaveView[]> {
	if (viewer.region !== null) return [];
	return compareWavesWith(db, await loadEditionData(db, slug, viewer.region), viewer, minCount);
}

/** The same from the edition's data already loaded (the whole membership's): reads only the waves. */
export async function compareWavesWith(db: Db, data: EditionData, viewer: AnalysisViewer, minCount = analysisMinCount()): Promise<WaveView[]> {
	if (viewer.region !== null) return [];
	const waves = await db
		.selectFrom('analysis_wave')
		.select(['id', 'label', 'created_at', 'items_json'])
		.where('edition_id', '=', data.edition.id)
		.orderBy('created_at', 'desc')
		.execute();
	if (waves.length === 0) return [];
	const current = publishResult(aggregate(data.catalogue, data.respondents), effectiveMinCount(viewer, minCount));
	return waves.map((w) => ({
		id: w.id,
		label: w.label,
		createdAt: w.created_at,
		comparisons: compareWave(JSON.parse(w.items_json) as WaveItem[], current.scales)
	}));
}
