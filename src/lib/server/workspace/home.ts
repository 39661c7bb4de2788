import { sql } from 'kysely';
import type { Db } from '../db/create-db.ts';
import type { Edition } from '../db/schema/database.ts';
import { can, regionScope, type Actor } from '../../domain/access/permissions.ts';
import { LOCALES, type Locale } from '../../domain/locales.ts';
import { extractStrings, type Json } from '../../domain/translation/strings.ts';
import { completeness } from '../../domain/translation/status.ts';
import { listEditions } from '../distribution/editions/editions.ts';
import { listDrafts } from '../authoring/common.ts';
import { editionStatus } from '../distribution/editions/editions.ts';
import { stateIndex } from '../translation/drafts.ts';
import { listReleases } from '../analysis/releases.ts';
import { listReports } from '../analysis/report/report-service.ts';
import { publicationOf } from '../analysis/releases/publication.ts';

/**
 * What the Secretariat home shows a user: only the parts its role may see, and for a
 * regional office only its own region's figures (regionScope). One call, loaded in
 * parallel; each part links to the page where the work is done.
 */
export const TREND_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface HomeEdition {
	slug: string;
	title: string;
	state: Edition['state'];
	opensAt: string | null;
	closesAt: string | null;
	invited: number;
	submitted: number;
	/** Submitted / invited, null before any invitation. */
	rate: number | null;
	/** Submissions per day over the last TREND_DAYS days, oldest first. */
	trend: number[];
}
export interface HomeMail {
	slug: string;
	title: string;
	failed: number;
	bounced: number;
}
export interface HomeTranslation {
	slug: string;
	title: string;
	/** Per language: texts awaiting a review (machine, changed English, unreviewed drafts) and missing. */
	languages: { locale: Locale; awaiting: number; missing: number }[];
}
export interface HomeRelease {
	slug: string;
	title: string;
	number: number;
	releasedAt: string;
}
export interface HomeOverview {
	/** A regional office's region, else null. */
	region: string | null;
	editions: HomeEdition[] | null;
	mail: HomeMail[] | null;
	translations: HomeTranslation[] | null;
	drafts: { slug: string; title: string; updatedAt: string }[] | null;
	releases: HomeRelease[] | null;
}

export async function loadHome(db: Db, user: Actor, now = new Date()): Promise<HomeOverview> {
	const editions = await listEditions(db);
	const tracking = regionScope(user, 'tracking.read');
	const [edition, mail, translations, releases] = await Promise.all([
		tracking ? editionFigures(db, editions, tracking, now) : null,
		can(user, 'invitations.send') ? mailProblems(db, editions) : null,
		can(user, 'questionnaires.author') ? translationWork(db) : null,
		can(user, 'results.read') ? latestReleases(db, editions) : null
	]);
	return {
		region: user.role === 'regional_office' ? user.region_code : null,
		editions: edition,
		mail,
		translations: translations?.work ?? null,
		drafts: translations?.drafts ?? null,
		releases
	};
}

/**
 * The editions `keep` selects (the home: every one not archived), newest first, with their
 * rate and trend in scope. The Editions area lists them all (workspace/editions.ts).
 */
export async function editionFigures(
	db: Db,
	editions: Edition[],
	region: 'all' | string,
	now: Date,
	keep: (e: Edition) => boolean = (e) => e.state !== 'archived'
): Promise<HomeEdition[]> {
	const live = editions.filter(keep).sort((a, b) => b.created_at.localeCompare(a.created_at));
	const since = new Date(now.getTime() - (TREND_DAYS - 1) * DAY_MS).toISOString().slice(0, 10);
	const [statuses, days] = await Promise.all([Promise.all(live.map((e) => editionStatus(db, e.slug, region))), submissionsPerDay(db, live, region, since)]);
	return live.map((e, i) => {
		const total = statuses[i]!.total;
		const perDay = days.get(e.id) ?? new Map<string, number>();
		const trend = Array.from({ length: TREND_DAYS }, (_, d) => perDay.get(new Date(Date.parse(since) + d * DAY_MS).toISOString().slice(0, 10)) ?? 0);
		return {
			slug: e.slug,
			title: e.title,
			state: e.state,
			opensAt: e.opens_at,
			closesAt: e.closes_at,
			invited: total.invited,
			submitted: total.submitted,
			rate: total.invited ? total.submitted / total.invited : null,
			trend
		};
	});
}

async function submissionsPerDay(db: Db, editions: Edition[], region: 'all' | string, since: string): Promise<Map<string, Map<string, number>>> {
	const result = new Map<string, Map<string, number>>();
	if (editions.length === 0) return result;
	let query = db
		.selectFrom('response as r')
		.innerJoin('entity as n', 'n.id', 'r.entity_id')
		.select(['r.edition_id', 'r.submitted_at'])
		.where(
			'r.edition_id',
			'in',
			editions.map((e) => e.id)
		)
		.where('r.state', '=', 'submitted')
		.where('r.submitted_at', '>=', since);
	if (region !== 'all') query = query.where('n.region_code', '=', region);
	for (const row of await query.execute()) {
		if (!row.submitted_at) continue;
		const day = row.submitted_at.slice(0, 10);
		const perDay = result.get(row.edition_id) ?? result.set(row.edition_id, new Map()).get(row.edition_id)!;
		perDay.set(day, (perDay.get(day) ?? 0) + 1);
	}
	return result;
}

/** Failed e-mails and bounced focal points of the editions still being run. */
async function mailProblems(db: Db, editions: Edition[]): Promise<HomeMail[]> {
	const live = editions.filter((e) => e.state === 'draft' || e.state === 'open' || e.state === 'closed');
	if (live.length === 0) return [];
	const ids = live.map((e) => e.id);
	const [failed, bounced] = await Promise.all([
		db
			.selectFrom('outbox_message')
			.select(['edition_id', sql<number>`count(*)`.as('n')])
			.where('edition_id', 'in', ids)
			.where('state', '=', 'failed')
			.groupBy('edition_id')
			.$narrowType<{ edition_id: string }>()
			.execute(),
		db
			.selectFrom('contact as c')
			.innerJoin('invitation as i', 'i.entity_id', 'c.entity_id')
			.select(['i.edition_id', sql<number>`count(distinct c.id)`.as('n')])
			.where('i.edition_id', 'in', ids)
			.where('i.state', '=', 'active')
			.where('c.bounced_at', 'is not', null)
			.groupBy('i.edition_id')
			.execute()
	]);
	const count = (rows: { edition_id: string; n: number }[], id: string) => Number(rows.find((r) => r.edition_id === id)?.n ?? 0);
	return live
		.map((e) => ({ slug: e.slug, title: e.title, failed: count(failed, e.id), bounced: count(bounced, e.id) }))
		.filter((r) => r.failed > 0 || r.bounced > 0);
}

/** The questionnaire drafts, and their texts awaiting a translator or a review per language. */
async function translationWork(db: Db): Promise<{ work: HomeTranslation[]; drafts: { slug: string; title: string; updatedAt: string }[] }> {
	const drafts = await listDrafts(db);
	const work = await Promise.all(
		drafts.map(async (d) => {
			const counts = completeness(extractStrings(JSON.parse(d.definition_json) as Json), await stateIndex(db, d.id));
			const languages = LOCALES.filter((l) => l !== 'en')
				.map((locale) => ({ locale, awaiting: counts[locale].machine + counts[locale].needs_review + counts[locale].draft, missing: counts[locale].missing }))
				.filter((l) => l.awaiting > 0 || l.missing > 0);
			return { slug: d.slug, title: d.title, languages };
		})
	);
	return { work: work.filter((w) => w.languages.length > 0), drafts: drafts.map((d) => ({ slug: d.slug, title: d.title, updatedAt: d.updated_at })) };
}

/** The latest results release of each edition that has one, newest first. */
async function latestReleases(db: Db, editions: Edition[]): Promise<HomeRelease[]> {
	const latest = await Promise.all(editions.map(async (e) => ({ e, release: (await listReleases(db, e.slug))[0] })));
	return latest
		.filter((x) => x.release)
		.map(({ e, release }) => ({ slug: e.slug, title: e.title, number: release!.number, releasedAt: release!.releasedAt }))
		.sort((a, b) => b.releasedAt.localeCompare(a.releasedAt));
}

export interface TranslationProgress {
	slug: string;
	title: string;
	languages: { locale: Locale; complete: number; total: number; awaiting: number; missing: number }[];
}

/** Every questionnaire draft's translation progress per language (the Translations area). */
export async function listTranslationProgress(db: Db): Promise<TranslationProgress[]> {
	const drafts = await listDrafts(db);
	return Promise.all(
		drafts.map(async (d) => {
			const counts = completeness(extractStrings(JSON.parse(d.definition_json) as Json), await stateIndex(db, d.id));
			return {
				slug: d.slug,
				title: d.title,
				languages: LOCALES.filter((l) => l !== 'en').map((locale) => {
					const c = counts[locale];
					return { locale, complete: c.complete, total: c.total, awaiting: c.machine + c.needs_review + c.draft, missing: c.missing };
				})
			};
		})
	);
}

export interface EditionReports {
	slug: string;
	title: string;
	reports: { id: string; locale: string; createdAt: string; respondents: number }[];
	/** The public dashboard's address when the edition's results are published. */
	dashboard: string | null;
}

/** The stored Council reports of every edition, and its public dashboard when published (the Reports area). */
export async function listEditionReports(db: Db): Promise<EditionReports[]> {
	const editions = await listEditions(db);
	const rows = await Promise.all(
		editions.map(async (e) => {
			const [reports, publication] = await Promise.all([listReports(db, e.slug), publicationOf(db, e.slug)]);
			return {
				slug: e.slug,
				title: e.title,
				reports: reports.map((r) => ({ id: r.id, locale: r.locale, createdAt: r.created_at, respondents: Number(r.respondents) })),
				dashboard: publication ? `/reports/${e.slug}` : null
			};
		})
	);
	return rows.filter((r) => r.reports.length > 0 || r.dashboard);
}
