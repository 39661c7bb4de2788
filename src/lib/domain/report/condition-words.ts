/**
 * A questionnaire's display condition (SurveyJS `visibleIf`) as parts a sentence can be built from, for
 * the report's annex (issue 15 item 2): "Shown if the answer to 'Overall satisfaction' is 1 or 2", never
 * `{overall_satisfaction} <= 2`. Pure: the generator words each clause in the report's language. An
 * expression this does not understand comes back as null, and the annex then says the question is
 * conditional without quoting code.
 */
export type ConditionClause =
	| { kind: 'is' | 'isNot' | 'includes' | 'excludes'; question: string; values: string[] }
	| { kind: 'atLeast' | 'atMost'; question: string; value: string }
	| { kind: 'answered' | 'notAnswered'; question: string };

export interface ConditionWords {
	join: 'and' | 'or';
	clauses: ConditionClause[];
}

/** The points a scale question can take, for "<= 2" on 5..1 to read "is 1 or 2". */
export type ScalePoints = (question: string) => number[] | null;

const CLAUSE = /^\{([\w.-]+)\}\s*(<=|>=|<>|!=|==|<|>|=|notempty|empty|notcontains|contains|anyof|noneof)\s*(.*)$/i;

function values(raw: string): string[] {
	const list = raw.trim().replace(/^\[|\]$/g, '');
	return list
		.split(',')
		.map((v) => v.trim().replace(/^['"]|['"]$/g, ''))
		.filter((v) => v !== '');
}

function clause(text: string, points: ScalePoints): ConditionClause | null {
	const m = CLAUSE.exec(text.trim().replace(/^\((.*)\)$/, '$1'));
	if (!m) return null;
	const [, question, rawOp, rest] = m as unknown as [string, string, string, string];
	const op = rawOp.toLowerCase();
	if (op === 'notempty') return rest.trim() ? null : { kind: 'answered', question };
	if (op === 'empty') return rest.trim() ? null : { kind: 'notAnswered', question };
	const vs = values(rest);
	if (vs.length === 0) return null;
	if (op === '=' || op === '==' || op === 'anyof') return { kind: 'is', question, values: vs };
	if (op === '!=' || op === '<>' || op === 'noneof') return { kind: 'isNot', question, values: vs };
	if (op === 'contains') return { kind: 'includes', question, values: vs };
	if (op === 'notcontains') return { kind: 'excludes', question, values: vs };
	const bound = Number(vs[0]);
	if (vs.length !== 1 || !Number.isFinite(bound)) return null;
	const scale = points(question);
	if (scale) {
		const keep = scale.filter((p) => (op === '<=' ? p <= bound : op === '<' ? p < bound : op === '>=' ? p >= bound : p > bound)).sort((a, b) => a - b);
		if (keep.length) return { kind: 'is', question, values: keep.map(String) };
	}
	if (op === '<=' || op === '>=') return { kind: op === '<=' ? 'atMost' : 'atLeast', question, value: vs[0]! };
	return null;
}

export function conditionWords(expression: string, points: ScalePoints = () => null): ConditionWords | null {
	const hasAnd = /\s+and\s+/i.test(expression);
	const hasOr = /\s+or\s+/i.test(expression);
	if (hasAnd && hasOr) return null;
	const join = hasOr ? 'or' : 'and';
	const parts = expression.split(hasOr ? /\s+or\s+/i : /\s+and\s+/i);
	const clauses = parts.map((p) => clause(p, points));
	if (clauses.some((c) => c === null)) return null;
	return { join, clauses: clauses as ConditionClause[] };
}
