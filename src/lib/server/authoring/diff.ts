import type { Db } from '../db/create-db.ts';
import type { SessionUser } from '../access/session.ts';
import type { DiffEntry } from '../../domain/authoring/diff.ts';
import { diffVersions } from '../../domain/authoring/version-diff.ts';
import type { JsonObject } from '../../domain/authoring/json-text.ts';
import { InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { toLocale, type Locale } from '../../domain/locales.ts';
import { listQuestionnaireVersions } from './questionnaires-repository.ts';
import { findDraftBySlug } from './drafts-repository.ts';
import { assertAuthor, baseOf, loadText, parseVersionRef, requireDraft } from './common.ts';

/**
 * A side of a comparison: "draft", "v2" (of this questionnaire), "base" (the version this
 * questionnaire's draft was copied from, whichever questionnaire it belongs to), or
 * "other-slug@v3" / "other-slug@draft" (another questionnaire).
 */
async function loadRef(db: Db, slug: string, raw: string): Promise<{ json: JsonObject; label: string }> {
	if (raw === 'base') {
		const base = await baseOf(db, await requireDraft(db, slug));
		if (!base) throw new NotFoundError(`the draft of "${slug}" was not copied from a published version`);
		return base;
	}
	const at = raw.indexOf('@');
	if (at === 0) throw new InvalidInputError(`"${raw}" is not a version`, [], 'invalid_version');
	return at > 0 ? loadText(db, raw.slice(0, at), parseVersionRef(raw.slice(at + 1))) : loadText(db, slug, parseVersionRef(raw));
}

export interface VersionDiff {
	from: string;
	to: string;
	locale: Locale;
	entries: DiffEntry[];
}

/** The changes from one text to another, per element and property, as `locale` reads them. */
export async function diffRefs(db: Db, user: SessionUser, slug: string, refs: { from: string; to: string; locale: string | null }): Promise<VersionDiff> {
	assertAuthor(user);
	const locale = toLocale(refs.locale);
	const [a, b] = await Promise.all([loadRef(db, slug, refs.from), loadRef(db, slug, refs.to)]);
	return { from: a.label, to: b.label, locale, entries: diffVersions(a.json, b.json, locale) };
}

export interface DiffChoices {
	/** This questionnaire's own sides: draft, then its versions newest first. */
	own: string[];
	/** The draft's base, when it has one ("base" stands for it). */
	baseLabel: string | null;
	/** Other questionnaires' versions and drafts, as "slug@v1". */
	others: { slug: string; refs: string[] }[];
}

/** What the comparison form offers; a draft with a base compares against it by default. */
export async function diffChoices(db: Db, slug: string): Promise<DiffChoices> {
	const [versions, draft] = await Promise.all([listQuestionnaireVersions(db), findDraftBySlug(db, slug)]);
	const base = draft ? await baseOf(db, draft) : null;
	const bySlug = new Map<string, string[]>();
	for (const v of [...versions].sort((x, y) => y.version - x.version)) bySlug.set(v.slug, [...(bySlug.get(v.slug) ?? []), `v${v.version}`]);
	const own = [...(draft ? ['draft'] : []), ...(bySlug.get(slug) ?? [])];
	const others = [...bySlug.entries()]
		.filter(([s]) => s !== slug)
		.sort(([x], [y]) => x.localeCompare(y))
		.map(([s, refs]) => ({ slug: s, refs: refs.map((r) => `${s}@${r}`) }));
	return { own, baseLabel: base?.label ?? null, others };
}
