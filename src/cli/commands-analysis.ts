import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInputError } from '../lib/domain/errors.ts';
import { LOCALES } from '../lib/domain/locales.ts';
import { generateCouncilReports, reportFile } from '../lib/server/analysis/report/report-service.ts';
import { exportFile } from '../lib/server/analysis/exports/export.ts';
import { releaseResults } from '../lib/server/analysis/releases.ts';
import { CLI_DOWNLOADER } from '../lib/server/access/audit/download-audit.ts';
import { insertSyntheticResponses } from '../lib/server/analysis/demo.ts';
import { required, type Command } from './options.ts';

/** Results: releases, the Council report (from the latest release), raw-data exports, and synthetic responses for demos. */
export const analysisCommands: Record<string, Command> = {
	async report(db, options) {
		const edition = required(options, 'edition');
		const lang = required(options, 'lang');
		const langs = lang === 'all' ? [...LOCALES] : [lang];
		if (options.out && langs.length > 1) throw new InvalidInputError('--out needs a single --lang');
		const started = Date.now();
		// All the languages from one load of the release.
		for (const stored of await generateCouncilReports(db, edition, langs, 'cli')) {
			console.log(`report ${stored.id} (${stored.locale}): ${stored.respondents} responses`);
			if (typeof options.out === 'string') writeFileSync(options.out, (await reportFile(db, edition, stored.id)).content);
		}
		console.log(`${langs.length} report(s) in ${Date.now() - started} ms`);
	},
	/** A results release: what the Council, regional offices and the public dashboard read. */
	async 'results:release'(db, options) {
		const release = await releaseResults(db, required(options, 'edition'), { role: 'admin', email: 'cli' });
		console.log(`release ${release.number} of ${required(options, 'edition')}: ${release.respondents} responses, ${release.releasedAt}`);
	},
	async export(db, options) {
		const partial = options['include-partial'] === true;
		const file = await exportFile(db, required(options, 'edition'), { rawData: true, region: null }, required(options, 'file'), CLI_DOWNLOADER, { partial });
		// A folder gets the download's name, which is the CSV name the .sps/.do/.R scripts read.
		const out = required(options, 'out');
		const path = statSync(out, { throwIfNoEntry: false })?.isDirectory() ? join(out, file.filename) : out;
		writeFileSync(path, file.content);
		console.log(`wrote ${path} (${file.content.length} bytes)`);
	},
	async 'demo:responses'(db, options) {
		const count = options.count === undefined ? 1000 : Number(options.count);
		const seed = options.seed === undefined ? 1 : Number(options.seed);
		const n = await insertSyntheticResponses(db, required(options, 'edition'), count, seed, 'cli');
		console.log(`${n} synthetic responses submitted`);
	}
};
