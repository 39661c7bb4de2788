import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestDb } from '../helpers/db.ts';
import { bootstrappedDb, TEST_PUBLIC_URL as PUBLIC_URL } from '../helpers/bootstrapped-db.ts';
import { startOnBehalfEntry } from '../../src/lib/server/distribution/invitations/on-behalf.ts';
import { resolveRespondentLink } from '../../src/lib/server/respondent/service.ts';
import { editionTracking } from '../../src/lib/server/distribution/invitations/tracking.ts';
import { changeEditionState } from '../../src/lib/server/distribution/editions/editions.ts';
import { ConflictError, NotFoundError } from '../../src/lib/domain/errors.ts';

let t: TestDb;
let coordinator: { id: string; email: string };
beforeEach(async () => {
	t = await bootstrappedDb({ DEMO: '0' });
	coordinator = await t.db.selectFrom('app_user').select(['id', 'email']).executeTakeFirstOrThrow();
});
afterEach(async () => {
	await t.close();
});

describe('on-behalf entry', () => {
	it('marks the response as entered by the coordinator, audits it, and gives the coordinator a link to the same response', async () => {
		const url = await startOnBehalfEntry(t.db, 'rp-2026', 'MS-KEN', coordinator, PUBLIC_URL);
		const ctx = await resolveRespondentLink(t.db, url.slice(url.lastIndexOf('/') + 1));
		expect(ctx).toMatchObject({ entity_code: 'MS-KEN' });
		const response = await t.db
			.selectFrom('response as r')
			.innerJoin('entity as n', 'n.id', 'r.entity_id')
			.select(['r.id', 'r.entered_by_user_id', 'r.state'])
			.where('n.code', '=', 'MS-KEN')
			.executeTakeFirstOrThrow();
		expect(response).toMatchObject({ entered_by_user_id: coordinator.id, state: 'in_progress' });
		const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'response.on_behalf').executeTakeFirstOrThrow();
		expect(audit).toMatchObject({ actor_user_id: coordinator.id, target_id: response.id });
		expect((await editionTracking(t.db, 'rp-2026')).onBehalf).toBe(1);

		// A second start reuses the same response (one per entity and edition).
		await startOnBehalfEntry(t.db, 'rp-2026', 'MS-KEN', coordinator, PUBLIC_URL);
		expect(await t.db.selectFrom('response').select('id').execute()).toHaveLength(1);

		await t.db.updateTable('response').set({ state: 'submitted', submitted_at: new Date().toISOString() }).where('id', '=', response.id).execute();
		await expect(startOnBehalfEntry(t.db, 'rp-2026', 'MS-KEN', coordinator, PUBLIC_URL)).rejects.toBeInstanceOf(ConflictError);
		await expect(startOnBehalfEntry(t.db, 'rp-2026', 'MS-XXX', coordinator, PUBLIC_URL)).rejects.toBeInstanceOf(NotFoundError);
		await changeEditionState(t.db, 'rp-2026', 'closed', 'test');
		await expect(startOnBehalfEntry(t.db, 'rp-2026', 'MS-SEN', coordinator, PUBLIC_URL)).rejects.toThrow(/does not take answers/);
		expect(await t.db.selectFrom('response').select('id').execute()).toHaveLength(1); // the refused start wrote nothing
	});
});
