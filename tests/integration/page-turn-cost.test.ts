// What a page turn must not do (issue 16 item 1, measured by bench/page-turns.ts): write on
// every page view, commit every page post alone, or reload a response's answers into
// survey-core to draw the page that follows its own post.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Model } from 'survey-core';
import type { TestDb } from '../helpers/db.ts';
import { bootstrappedDb, TEST_PUBLIC_URL as PUBLIC_URL } from '../helpers/bootstrapped-db.ts';
import { inviteEntity } from '../../src/lib/server/distribution/invitations/invitations.ts';
import { postRespondentPage, resolveRespondentLink, showRespondentPage } from '../../src/lib/server/respondent/service.ts';
import type { Db } from '../../src/lib/server/db/create-db.ts';
import type { LinkContext } from '../../src/lib/server/distribution/invitations/invitations-repository.ts';

let t: TestDb;
beforeEach(async () => {
	t = await bootstrappedDb({ DEMO: '0' });
});
afterEach(async () => {
	await t.close();
});

const tokens = new Map<LinkContext, string>();
async function respondents(count: number): Promise<LinkContext[]> {
	const entities = await t.db.selectFrom('entity').select('code').orderBy('code').limit(count).execute();
	const out: LinkContext[] = [];
	for (const { code } of entities) {
		const { token } = await inviteEntity(t.db, 'rp-2026', code, PUBLIC_URL, 'test');
		const ctx = (await resolveRespondentLink(t.db, token))!;
		tokens.set(ctx, token);
		out.push(ctx);
	}
	return out;
}

/** The same database handle, counting the transactions begun through it. */
function countingTransactions(db: Db): { db: Db; count: () => number } {
	let n = 0;
	const counted = new Proxy(db, {
		get(target, property) {
			if (property === 'transaction') {
				return () => {
					n++;
					return target.transaction();
				};
			}
			const value = Reflect.get(target, property, target) as unknown;
			return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
		}
	});
	return { db: counted, count: () => n };
}

const pageZero = (revision: number, category: string) =>
	new URLSearchParams([
		['_action', 'next'],
		['_page', '0'],
		['_revision', String(revision)],
		['respondent_category', category],
		['sectors_involved', 'itu_d'],
		['offices_dealt_with', 'RO-AFR'],
		['interaction_frequency', 'monthly']
	]);
const formOf = (params: URLSearchParams) => {
	const form = new FormData();
	for (const [k, v] of params) form.append(k, v);
	return form;
};

describe('the cost of a page turn', () => {
	it('writes the invitation\'s "last opened" time at most once a minute, not at every page view', async () => {
		const [ctx] = await respondents(1);
		await showRespondentPage(t.db, ctx!, null, null);
		const opened = await t.db
			.selectFrom('invitation')
			.select(['first_opened_at', 'last_opened_at'])
			.where('id', '=', ctx!.invitation_id)
			.executeTakeFirstOrThrow();
		expect(opened.first_opened_at).not.toBeNull();
		// A later view, with the context the next request would resolve.
		// Until the clock is past the stored time (not a fixed sleep): a write now would show.
		const stored = new Date(opened.last_opened_at!).getTime();
		while (Date.now() <= stored) await new Promise((r) => setImmediate(r));
		const again = (await resolveRespondentLink(t.db, tokens.get(ctx!)!))!;
		await showRespondentPage(t.db, again, 0, null);
		const later = await t.db
			.selectFrom('invitation')
			.select(['first_opened_at', 'last_opened_at'])
			.where('id', '=', ctx!.invitation_id)
			.executeTakeFirstOrThrow();
		expect(later).toEqual(opened);
	});

	it('commits page posts arriving together in shared transactions (group commit), each saved', async () => {
		const people = await respondents(20);
		for (const ctx of people) await showRespondentPage(t.db, ctx, null, null);
		const { db, count } = countingTransactions(t.db);
		const outcomes = await Promise.all(people.map((ctx) => postRespondentPage(db, ctx, formOf(pageZero(0, 'academia')))));
		expect(outcomes.every((o) => o.kind === 'redirect' && o.page === 1)).toBe(true);
		// One transaction per post before; how many share one depends on how the posts' reads interleave
		// (on SQLite ~2-5 batches for 20, on PostgreSQL ~10: each read is a round trip to the pool).
		expect(count()).toBeLessThan(people.length);
		const saved = await t.db.selectFrom('response').select(['answers_json', 'revision']).execute();
		expect(saved).toHaveLength(people.length);
		for (const row of saved) {
			expect(row.revision).toBe(1);
			expect(JSON.parse(row.answers_json)).toMatchObject({ respondent_category: 'academia', interaction_frequency: 'monthly' });
		}
	});

	it('draws the page after a post from the model that post left, without loading the answers again', async () => {
		const [ctx] = await respondents(1);
		await showRespondentPage(t.db, ctx!, null, null);
		await postRespondentPage(t.db, ctx!, formOf(pageZero(0, 'academia')));
		const loads = countDataLoads();
		try {
			const view = await showRespondentPage(t.db, ctx!, 1, null);
			expect(view.page?.index).toBe(1);
			expect(loads.count()).toBe(0);
			// The page shown still reflects the stored answers (another respondent's must not leak in).
			const other = (await respondents(2))[1]!; // the entity after ctx's, with a link of its own
			await showRespondentPage(t.db, other, null, null);
			const back = await showRespondentPage(t.db, ctx!, 0, null);
			const category = back.page?.questions.find((q) => q.name === 'respondent_category');
			expect(JSON.stringify(category)).toContain('academia');
		} finally {
			loads.restore();
		}
	});

	it('turns compiled pages without feeding survey-core: no answers loaded or set on a model (issue 16 item 2)', async () => {
		const [ctx] = await respondents(1);
		await showRespondentPage(t.db, ctx!, null, null);
		const loads = countDataLoads();
		const setValue = Model.prototype.setValue;
		let sets = 0;
		Model.prototype.setValue = function (this: Model, ...args: Parameters<Model['setValue']>) {
			sets++;
			return setValue.apply(this, args);
		};
		try {
			// Page 0 posted with a missing answer: shown again with survey-core's message, drawn by the plan.
			const invalid = await postRespondentPage(t.db, ctx!, withoutOffices(pageZero(0, 'academia')));
			expect(invalid.kind).toBe('show');
			const shown = invalid.kind === 'show' ? invalid.view.page : null;
			expect(shown?.questions.find((q) => q.name === 'offices_dealt_with')?.errors).toEqual(['Response required.']);
			expect(shown?.questions.find((q) => q.name === 'respondent_category')).toMatchObject({ selected: 'academia', errors: [] });
			// Completed and turned: page 1 drawn with the stored answers.
			expect(await postRespondentPage(t.db, ctx!, formOf(pageZero(1, 'academia')))).toMatchObject({ kind: 'redirect', page: 1 });
			const next = await showRespondentPage(t.db, ctx!, 1, null);
			expect(next.page).toMatchObject({ index: 1, name: 'services_to_members' });
			const back = await showRespondentPage(t.db, ctx!, 0, null);
			expect(back.page?.questions.find((q) => q.name === 'respondent_category')).toMatchObject({ selected: 'academia' });
			expect({ loads: loads.count(), sets }).toEqual({ loads: 0, sets: 0 });
		} finally {
			loads.restore();
			Model.prototype.setValue = setValue;
		}
	});

	it('walks every page of the 2026 questionnaire without building or feeding a survey-core model (issue 16 item 2)', async () => {
		const [ctx] = await respondents(1);
		// The first view creates the response (its defaults come from a model built once per version, at start-up).
		await showRespondentPage(t.db, ctx!, null, null);
		const rows = ['affordable_connectivity', 'digital_transformation', 'enabling_environment', 'resource_mobilization', 'inclusive_secure_ict'];
		const pages: [string, string][][] = [
			[...pageZero(0, 'academia')].filter(([k]) => !k.startsWith('_')),
			['sat_responsiveness', 'sat_technical_assistance', 'sat_resource_mobilization', 'sat_ldc_sids_lldc', 'sat_regional_initiatives'].map((n) => [n, '4']),
			[
				...['sat_information', 'sat_itur_support', 'sat_itut_support', 'sat_one_itu'].map((n): [string, string] => [n, '5']),
				...rows.map((r): [string, string] => [`sat_itud_priorities::${r}`, '4'])
			],
			// events_office: its choices are carried from the offices answered on page 0.
			[
				...['sat_regional_events', 'sat_rto_cooperation', 'sat_needs_to_hq', 'sat_own_language', 'sat_remote_engagement'].map((n): [string, string] => [
					n,
					'4'
				]),
				['events_office', 'RO-AFR'],
				// The browser's script showed it as soon as the events were rated.
				['_shown', 'events_office']
			],
			[
				['overall_satisfaction', '2'],
				['change_since_last', 'same'],
				['priorities', 'responsiveness']
			]
		];
		const core = countSurveyCore();
		let revision = 0;
		const post = async (page: number, fields: [string, string][], action = 'next') => {
			const form = new FormData();
			const control: [string, string][] = [
				['_action', action],
				['_page', String(page)],
				['_revision', String(revision)]
			];
			for (const [k, v] of [...fields, ...control]) form.append(k, v);
			const outcome = await postRespondentPage(t.db, ctx!, form);
			revision = outcome.kind === 'redirect' ? outcome.revision : outcome.kind === 'show' ? outcome.view.revision : revision;
			return outcome;
		};
		try {
			for (let page = 0; page < pages.length; page++) {
				const shown = await showRespondentPage(t.db, ctx!, page, null);
				expect(shown.page).toMatchObject({ index: page, count: 5 });
				if (page === 3) {
					// Drawn hidden (the browser reveals it once the events are rated), with the carried choices.
					const office = shown.page!.elements.find((q) => q.name === 'events_office');
					expect(office).toMatchObject({ visible: false, choices: [{ value: 'RO-AFR', text: 'Regional Office for Africa (Addis Ababa)' }] });
				}
				const outcome = await post(page, pages[page]!);
				if (page < 4) expect(outcome).toMatchObject({ kind: 'redirect', page: page + 1 });
				else {
					// "Dissatisfied" reveals the follow-up, whose title pipes the answer's text.
					expect(outcome.kind).toBe('show');
					const reason = outcome.kind === 'show' ? outcome.view.page!.questions.find((q) => q.name === 'overall_reason') : undefined;
					expect(reason?.title).toBe('You answered "Dissatisfied". What are the main reasons for this assessment?');
					expect(await post(4, [...pages[4]!, ['overall_reason', 'Too slow'], ['_shown', 'overall_reason']])).toMatchObject({ kind: 'redirect', page: 4 });
				}
			}
			const last = await showRespondentPage(t.db, ctx!, 4, null);
			expect(last.page?.questions.find((q) => q.name === 'overall_reason')).toMatchObject({ value: 'Too slow', visible: true });
			expect(core.count()).toEqual({ builds: 0, loads: 0, sets: 0 });
		} finally {
			core.restore();
		}
	});
});

/** Counts what feeds or builds a survey-core model: answers set one by one, loaded whole, or a model built. */
function countSurveyCore(): { count: () => { builds: number; loads: number; sets: number }; restore: () => void } {
	const loads = countDataLoads();
	const proto = Model.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
	const originals = { setValue: proto.setValue!, clearValue: proto.clearValue!, setComment: proto.setComment!, endLoadingFromJson: proto.endLoadingFromJson! };
	let sets = 0;
	let builds = 0;
	for (const name of ['setValue', 'clearValue', 'setComment'] as const) {
		proto[name] = function (this: unknown, ...args: unknown[]) {
			sets++;
			return originals[name].apply(this, args);
		};
	}
	// Every `new Model(json)` ends its loading here.
	proto.endLoadingFromJson = function (this: unknown, ...args: unknown[]) {
		builds++;
		return originals.endLoadingFromJson.apply(this, args);
	};
	return {
		count: () => ({ builds, loads: loads.count(), sets }),
		restore: () => {
			loads.restore();
			Object.assign(proto, originals);
		}
	};
}

/** A page-0 post without its offices (a required question left empty). */
function withoutOffices(params: URLSearchParams): FormData {
	params.delete('offices_dealt_with');
	const form = new FormData();
	for (const [k, v] of params) form.append(k, v);
	return form;
}

/** Counts assignments of survey-core's `data` (a full reload of a response's answers). */
function countDataLoads(): { count: () => number; restore: () => void } {
	const descriptor =
		Object.getOwnPropertyDescriptor(Model.prototype, 'data') ?? Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Model.prototype), 'data')!;
	const owner = Object.getOwnPropertyDescriptor(Model.prototype, 'data') ? Model.prototype : Object.getPrototypeOf(Model.prototype);
	let n = 0;
	Object.defineProperty(owner, 'data', {
		...descriptor,
		set(value: unknown) {
			n++;
			descriptor.set!.call(this, value);
		}
	});
	return { count: () => n, restore: () => Object.defineProperty(owner, 'data', descriptor) };
}
