import type { ItemValue, Question } from 'survey-core';
import { choiceView, formValue, type QuestionKind } from './kind.ts';
import { choiceLookup, pickChoice } from './pick.ts';
import type { SingleChoiceView } from './choice.ts';

/**
 * A rating question as a horizontal scale (issue 18, item 3): every point in one row,
 * the end labels at the two ends, numbers, stars or smileys drawn as text (no images,
 * no script), right to left by the page's own direction. The points come from
 * survey-core (`visibleRateValues`: `rateValues`, else `rateMin`..`rateMax` by
 * `rateStep`/`rateCount`), so the stored value is survey-core's.
 */
export type RateType = 'labels' | 'stars' | 'smileys';

/** survey-core's smileys run from very unhappy to very happy; five faces cover any count. */
// Unicode 6 faces only: 🙁 and 🙂 (Unicode 7) are missing from common fonts and drew as empty boxes.
const FACES = ['😞', '😕', '😐', '😊', '😀'] as const;

export function rateType(q: Question): RateType {
	const own = String(
		(q as Question & { rateType?: string; rateDisplayMode?: string }).rateType ?? (q as Question & { rateDisplayMode?: string }).rateDisplayMode ?? 'labels'
	);
	return own === 'stars' || own === 'smileys' ? own : 'labels';
}

/** The glyph drawn above a point's number ('' for a plain number or a text label). */
export function ratingGlyphs(q: Question): string[] {
	const points = q.visibleRateValues as ItemValue[];
	const type = rateType(q);
	if (type === 'stars') return points.map(() => '★');
	if (type === 'smileys') return points.map((_, i) => FACES[points.length === 1 ? 2 : Math.round((i / (points.length - 1)) * (FACES.length - 1))]!);
	return points.map(() => '');
}

export const ratingKind: QuestionKind<SingleChoiceView> = {
	types: ['rating'],
	view(q, base) {
		const value: unknown = q.value;
		return {
			...base,
			kind: 'single',
			type: 'rating',
			choices: q.visibleRateValues.map(choiceView),
			selected: value === undefined || value === null ? null : formValue(value),
			minLabel: q.locMinRateDescription?.renderedHtml ?? '',
			maxLabel: q.locMaxRateDescription?.renderedHtml ?? '',
			rateType: rateType(q),
			glyphs: ratingGlyphs(q)
		};
	},
	fields: (_q, field) => [field],
	parse: (q, posted, field) => pickChoice(posted.get(field) ?? [], field, choiceLookup(q.visibleRateValues))
};
