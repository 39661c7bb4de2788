import { loadConfig } from '../lib/server/platform/config.ts';
import { migrateToLatest } from '../lib/server/db/migrate.ts';
import { createUser } from '../lib/server/access/user-service.ts';
import { changeEditionState, createEdition, editionStatus } from '../lib/server/distribution/editions/editions.ts';
import { loadReferenceData } from '../lib/server/distribution/reference.ts';
import { setEditionDates } from '../lib/server/distribution/editions/dates.ts';
import { InvalidInputError } from '../lib/domain/errors.ts';
import { readStdin, required, type Command } from './options.ts';

/** Schema, users and editions: setting up and moving an edition along its states. */
export const editionCommands: Record<string, Command> = {
	async migrate(db) {
		const applied = await migrateToLatest(db);
		await loadReferenceData(db, loadConfig().demo);
		console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
		console.log('reference data loaded');
	},
	async 'user:create'(db, options) {
		await migrateToLatest(db);
		const role = required(options, 'role');
		const region = typeof options.region === 'string' ? options.region.trim().toUpperCase() : undefined;
		// Only a regional office works for a region: a region given for another role is a mistake, not ignored.
		if (region !== undefined && role !== 'regional_office') throw new InvalidInputError(`--region is for the regional_office role only (got role ${role})`);
		// The regions are reference data: on a database never started yet, load them first.
		if (region !== undefined) await loadReferenceData(db, loadConfig().demo);
		const user = await createUser(db, { email: required(options, 'email'), role, regionCode: region, password: await readStdin() }, 'cli');
		console.log(`created ${user.role} ${user.email}${user.region_code ? ` (${user.region_code})` : ''}`);
	},
	async 'edition:create'(db, options) {
		await migrateToLatest(db);
		const edition = await createEdition(
			db,
			{
				questionnaireFile: required(options, 'questionnaire'),
				slug: required(options, 'slug'),
				title: options.title as string | undefined,
				opens: options.opens as string | undefined,
				closes: options.closes as string | undefined,
				open: !options.draft
			},
			'cli',
			{ overrideTranslations: Boolean(options['override-translations']), reason: options.reason as string | undefined, actorRole: 'admin' }
		);
		if (edition.translation_gate_overridden_by) console.log('translation gate overridden (audited)');
		console.log(`edition ${edition.slug} created (${edition.state})`);
	},
	async 'edition:state'(db, options) {
		const edition = await changeEditionState(db, required(options, 'edition'), required(options, 'to'), 'cli', {
			overrideTranslations: Boolean(options['override-translations']),
			reason: options.reason as string | undefined,
			actorRole: 'admin'
		});
		if (edition.translation_gate_overridden_by) console.log('translation gate overridden (audited)');
		console.log(`edition ${edition.slug} is ${edition.state}`);
	},
	async 'edition:dates'(db, options) {
		// Only the dates given change; "none" clears one (the same rules as the edition page).
		const date = (name: string) => (options[name] === undefined ? undefined : options[name] === 'none' ? null : String(options[name]));
		const edition = await setEditionDates(db, required(options, 'edition'), { opens: date('opens'), closes: date('closes') }, 'cli');
		console.log(`edition ${edition.slug}: opens ${edition.opens_at ?? 'not set'}, closes ${edition.closes_at ?? 'not set'}`);
	},
	async status(db, options) {
		const { edition, total, byRegion } = await editionStatus(db, required(options, 'edition'));
		console.log(`${edition.slug} (${edition.state}): ${edition.title}`);
		console.log(['region', 'invited', 'opened', 'started', 'submitted'].join('\t'));
		for (const r of [...byRegion, total]) console.log([r.region, r.invited, r.opened, r.started, r.submitted].join('\t'));
	}
};
