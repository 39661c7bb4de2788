import type { Db } from '../db/create-db.ts';
import type { SessionUser } from '../access/session.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { jsonErrorOffset, lineColumn, parseQuestionnaireText } from '../../domain/authoring/json-text.ts';
import { errorsOf, lintDraft, type Finding } from '../../domain/authoring/lint.ts';
import { assertAuthor, baseOf, requireDraft } from './common.ts';

/** Why the text is no questionnaire at all (before any lint), with where, for a syntax error. */
export interface TextProblem {
	code: string;
	message: string;
	line?: number;
	column?: number;
}

export interface LiveLint {
	problem: TextProblem | null;
	findings: Finding[];
	errorCount: number;
	warningCount: number;
}

/**
 * The JSON view's live check: exactly what saving (and publishing) the text would
 * report, parse error or lint findings, and nothing is stored. An over-size text is
 * still refused with InvalidInputError('too_large'), as a save would be.
 */
export async function lintDraftText(db: Db, user: SessionUser, slug: string, text: string): Promise<LiveLint> {
	assertAuthor(user);
	const draft = await requireDraft(db, slug);
	let json;
	try {
		json = parseQuestionnaireText(text);
	} catch (e) {
		if (!(e instanceof InvalidInputError) || e.code === 'too_large') throw e;
		const offset = e.code === 'malformed_json' ? jsonErrorOffset(text) : -1;
		return { problem: { code: e.code, message: e.message, ...(offset >= 0 ? lineColumn(text, offset) : {}) }, findings: [], errorCount: 1, warningCount: 0 };
	}
	const findings = lintDraft(json, await baseOf(db, draft));
	const errorCount = errorsOf(findings).length;
	return { problem: null, findings, errorCount, warningCount: findings.length - errorCount };
}
