import { isLocale, toLocale, type Locale } from '../../domain/locales.ts';
import { parsePageAction, type PageAction } from '../../domain/response/page-post.ts';
import { InvalidInputError } from '../../domain/errors.ts';

/** Fields of a page post that steer it; every other field is an answer. */
const CONTROL_FIELDS = new Set(['_action', '_page', '_revision', '_shown']);

export interface PagePostFields {
	action: PageAction;
	/** A language switch posted as `lang:xx`: saves, then shows the page in that language. */
	lang: Locale | null;
	index: number | 'review';
	revision: number;
	entries: [string, string][];
	/** Questions the page showed (the browser adds those its script revealed): not asked again. */
	shown: Set<string>;
}

/** The control fields and answer fields of a page post, refused when malformed. */
export function readPagePost(form: FormData): PagePostFields {
	const rawAction = String(form.get('_action') ?? '');
	const langSwitch = /^lang:(.+)$/.exec(rawAction);
	if (langSwitch && !isLocale(langSwitch[1])) throw new InvalidInputError(`unknown language "${langSwitch[1]}"`, [], 'unknown_action');
	const action: PageAction | null = langSwitch ? { kind: 'save' } : parsePageAction(rawAction);
	if (!action) throw new InvalidInputError(`unknown action "${rawAction}"`, [], 'unknown_action');
	const rawPage = String(form.get('_page') ?? '');
	const rawRevision = String(form.get('_revision') ?? '');
	const index = rawPage === 'review' ? ('review' as const) : /^\d{1,3}$/.test(rawPage) ? Number(rawPage) : -1;
	if (index === -1 || !/^\d{1,9}$/.test(rawRevision)) {
		throw new InvalidInputError('the page or revision field is missing or malformed', [], 'malformed_form');
	}
	const revision = Number(rawRevision);
	const entries: [string, string][] = [];
	for (const [name, value] of form.entries()) {
		if (CONTROL_FIELDS.has(name)) continue;
		if (typeof value !== 'string') throw new InvalidInputError(`"${name}" must not be a file`, [], 'unexpected_file');
		entries.push([name, value]);
	}
	const shown = new Set(
		String(form.get('_shown') ?? '')
			.split(' ')
			.filter(Boolean)
			.slice(0, 1000)
	);
	return { action, lang: langSwitch ? toLocale(langSwitch[1]) : null, index, revision, entries, shown };
}
