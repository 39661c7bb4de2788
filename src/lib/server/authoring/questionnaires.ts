import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createHash } from 'node:crypto';
import type { Db } from '../db/create-db.ts';
import type { Questionnaire } from '../db/schema/database.ts';
import { checkQuestionnaire, type Finding } from '../../domain/survey/definition.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { findLatestQuestionnaire, insertPublishedVersion } from './questionnaires-repository.ts';
import { appendAudit } from '../access/audit/audit-repository.ts';

export interface ImportResult {
	questionnaire: Questionnaire;
	created: boolean;
	warnings: Finding[];
}

const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Checks a questionnaire file and stores it as a new published version of `slug`,
 * unless the latest version is the same document (re-importing at every start is free).
 * A file with any lint error is refused whole.
 */
export async function importQuestionnaire(db: Db, slug: string, text: string, source: string | null, actor = 'system'): Promise<ImportResult> {
	if (!SLUG_PATTERN.test(slug)) throw new InvalidInputError(`"${slug}" is not a valid questionnaire slug`);
	const checked = checkQuestionnaire(text);
	const definitionJson = JSON.stringify(checked.json);
	const checksum = createHash('sha256').update(definitionJson).digest('hex');
	return db.transaction().execute(async (trx) => {
		const latest = await findLatestQuestionnaire(trx, slug);
		if (latest && latest.checksum === checksum) {
			return { questionnaire: latest, created: false, warnings: checked.findings };
		}
		const questionnaire = await insertPublishedVersion(trx, { slug, title: checked.title, definitionJson, checksum, source });
		await appendAudit(trx, {
			actor,
			action: 'questionnaire.publish',
			targetType: 'questionnaire',
			targetId: questionnaire.id,
			details: { slug, version: questionnaire.version, source }
		});
		return { questionnaire, created: true, warnings: checked.findings };
	});
}

export function slugFromPath(path: string): string {
	return basename(path).replace(/\.json$/i, '');
}

export async function importQuestionnaireFile(db: Db, path: string, actor = 'system'): Promise<ImportResult> {
	const text = await readFile(path, 'utf8');
	return importQuestionnaire(db, slugFromPath(path), text, path, actor);
}

/** Imports every `*.json` of a folder; a bad file is reported and skipped, the others load. */
export async function importSurveysDir(db: Db, dir: string, log: (line: string) => void): Promise<ImportResult[]> {
	const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
	const results: ImportResult[] = [];
	for (const file of files) {
		try {
			results.push(await importQuestionnaireFile(db, join(dir, file)));
		} catch (error) {
			if (!(error instanceof InvalidInputError)) throw error;
			log(`questionnaire ${file} refused: ${error.message}`);
			for (const detail of error.details) log(`  ${detail}`);
		}
	}
	return results;
}

/** The published questionnaire versions other areas read (an edition's questionnaire, the respondent's form). */
export { findQuestionnaireById } from './questionnaires-repository.ts';
