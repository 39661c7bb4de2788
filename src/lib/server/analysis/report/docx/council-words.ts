import { m } from '../../../../paraglide/messages.js';
import type { Locale } from '../../../../domain/locales.ts';
import type { ConditionClause, ConditionWords } from '../../../../domain/report/condition-words.ts';
import type { SummaryPoint } from '../../../../domain/report/executive-summary.ts';
import type { CouncilAnnex, CouncilSection } from '../../../../domain/report/council-outline.ts';

/**
 * The Council report's generated sentences, from the message catalogue (cr_ keys) in the report's
 * language, with numbers, shares and dates formatted by that language's conventions.
 */
export class CouncilWords {
	readonly locale: Locale;
	private readonly decimal: Intl.NumberFormat;
	private readonly signed: Intl.NumberFormat;
	private readonly percent: Intl.NumberFormat;
	private readonly integer: Intl.NumberFormat;
	private readonly day: Intl.DateTimeFormat;
	private readonly and: Intl.ListFormat;
	private readonly or: Intl.ListFormat;
	constructor(locale: Locale) {
		this.locale = locale;
		this.decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
		this.signed = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });
		this.percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
		this.integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
		// ITU English documents write "4 May 2026".
		this.day = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { dateStyle: 'long', timeZone: 'UTC' });
		this.and = new Intl.ListFormat(locale, { type: 'conjunction' });
		this.or = new Intl.ListFormat(locale, { type: 'disjunction' });
	}
	private get o() {
		return { locale: this.locale };
	}
	num(v: number | null): string {
		return v === null ? '–' : this.decimal.format(v);
	}
	int(v: number): string {
		return this.integer.format(v);
	}
	pct(v: number | null): string {
		return v === null ? '–' : this.percent.format(v);
	}
	/**
	 * Items of a legend set apart ("1 = very dissatisfied; 2 = dissatisfied"): Intl's "unit" list runs them
	 * together in Chinese and Russian, and its "and" would join the last two in prose.
	 */
	legend(items: readonly string[]): string {
		return items.join(this.locale === 'zh' ? '；' : this.locale === 'ar' ? '؛ ' : '; ');
	}
	/** An interval, its ends held together by no-break spaces so a table cell keeps it whole. */
	interval(v: [number, number] | null): string {
		return v === null ? '–' : `${this.num(v[0])}\u00A0–\u00A0${this.num(v[1])}`;
	}
	date(iso: string | null): string {
		if (!iso) return '–';
		const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
		return Number.isNaN(d.getTime()) ? iso : this.day.format(d);
	}
	section(id: CouncilSection): string {
		const titles: Record<CouncilSection, string> = {
			introduction: m.cr_s_introduction({}, this.o),
			methodology: m.cr_s_methodology({}, this.o),
			overall: m.cr_s_overall({}, this.o),
			category: m.cr_s_category({}, this.o),
			region: m.cr_s_region({}, this.o),
			office: m.cr_s_office({}, this.o),
			criterion: m.cr_s_criterion({}, this.o),
			comparison: m.cr_s_comparison({}, this.o),
			comments: m.cr_s_comments({}, this.o),
			conclusions: m.cr_s_conclusions({}, this.o)
		};
		return titles[id];
	}
	annex(id: CouncilAnnex, number: string): string {
		const title = id === 'questionnaire' ? m.cr_a_questionnaire({}, this.o) : m.cr_a_tables({}, this.o);
		return m.cr_annex({ number, title }, this.o);
	}
	table(number: number, title: string): string {
		return m.cr_table({ number: this.int(number), title }, this.o);
	}
	figure(number: number, title: string): string {
		return m.cr_figure({ number: this.int(number), title }, this.o);
	}
	/** One sentence per point of the executive summary. */
	summary(point: SummaryPoint): string {
		const list = (items: { label: string; mean: number }[]) =>
			this.and.format(items.map((i) => m.cr_sum_item({ label: i.label, mean: this.num(i.mean) }, this.o)));
		switch (point.kind) {
			case 'participation':
				return m.cr_sum_participation({ submitted: this.int(point.submitted), invited: this.int(point.invited), rate: this.pct(point.rate) }, this.o);
			case 'overall':
				return m.cr_sum_overall({ mean: this.num(point.mean), satisfied: this.pct(point.satisfied) }, this.o);
			case 'change': {
				const args = { label: point.label, previous: this.num(point.previous), difference: this.signed.format(point.difference) };
				return point.significant ? m.cr_sum_change_sig(args, this.o) : m.cr_sum_change_ns(args, this.o);
			}
			case 'strongest':
				return m.cr_sum_strongest({ items: list(point.items) }, this.o);
			case 'weakest':
				return m.cr_sum_weakest({ items: list(point.items) }, this.o);
			case 'above':
			case 'below': {
				const groups = list(point.groups);
				if (point.dimension === 'region') return point.kind === 'above' ? m.cr_sum_region_above({ groups }, this.o) : m.cr_sum_region_below({ groups }, this.o);
				return point.kind === 'above' ? m.cr_sum_category_above({ groups }, this.o) : m.cr_sum_category_below({ groups }, this.o);
			}
		}
	}
	/** "Shown if the answer to 'Overall satisfaction' is 1 or 2." */
	condition(words: ConditionWords | null, title: (question: string) => string, value: (question: string, v: string) => string): string {
		if (words === null) return m.cr_shown_some({}, this.o);
		const clause = (c: ConditionClause): string => {
			const question = title(c.question);
			if (c.kind === 'answered') return m.cr_cond_answered({ question }, this.o);
			if (c.kind === 'notAnswered') return m.cr_cond_not_answered({ question }, this.o);
			if (c.kind === 'atLeast') return m.cr_cond_at_least({ question, value: value(c.question, c.value) }, this.o);
			if (c.kind === 'atMost') return m.cr_cond_at_most({ question, value: value(c.question, c.value) }, this.o);
			const named = ('values' in c ? c.values : []).map((v: string) => value(c.question, v));
			const values = this.or.format(named);
			if (c.kind === 'is') return m.cr_cond_is({ question, values }, this.o);
			if (c.kind === 'isNot') return m.cr_cond_is_not({ question, values }, this.o);
			if (c.kind === 'includes') return m.cr_cond_includes({ question, values }, this.o);
			return m.cr_cond_excludes({ question, values }, this.o);
		};
		const parts = words.clauses.map(clause);
		return m.cr_shown_if({ condition: words.join === 'or' ? this.or.format(parts) : this.and.format(parts) }, this.o);
	}
	get m() {
		return m;
	}
}
