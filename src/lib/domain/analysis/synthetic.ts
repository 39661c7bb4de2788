import type { Catalogue } from './catalogue.ts';
import { scaleAnswer } from './aggregate.ts';

/**
 * Realistic synthetic answers for tests, demos and benchmarks, reproducible from a
 * seed: each respondent has a general mood (some are happy with ITU, some not), each
 * rating leans on it, about one rating in ten is "no interaction / don't know", and
 * the open question after a low rating is sometimes filled in.
 */
export type Random = () => number;

/** mulberry32: a tiny, fast, seedable generator (not for secrets). */
export function seededRandom(seed: number): Random {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const NA_RATE = 0.1;
const COMMENT_RATE = 0.3;
const COMMENTS = [
	'Faster replies from the regional office would help.',
	'More training in our language.',
	'Very useful workshops.',
	'Projects stop when funding ends.',
	'Good cooperation with the area office.'
];

export interface SyntheticOptions {
	/** Mood shift for a group, in scale points (e.g. +0.5 for a happier region). */
	bias?: number;
	/** Values forced for some questions (e.g. the member category the entity has). */
	fixed?: Record<string, unknown>;
}

export function syntheticAnswers(catalogue: Catalogue, random: Random, options: SyntheticOptions = {}): Record<string, unknown> {
	const answers: Record<string, unknown> = {};
	const mood = (random() + random() + random()) / 3 - 0.5 + (options.bias ?? 0) / 4;
	for (const item of catalogue.scales) {
		let value: number | string;
		if (item.naValue !== null && random() < NA_RATE) value = item.naValue;
		else {
			const top = item.scale[0]!;
			const bottom = item.scale[item.scale.length - 1]!;
			const centre = (top + bottom) / 2 + mood * (top - bottom) * 0.9;
			value = Math.max(bottom, Math.min(top, Math.round(centre + (random() - 0.5) * 2.2)));
		}
		if (item.row === null) answers[item.question] = value;
		else answers[item.question] = { ...((answers[item.question] as object) ?? {}), [item.row]: value };
	}
	for (const q of catalogue.choices) {
		const values = q.choices.map((c) => c.value).filter((v) => v !== 'none');
		if (values.length === 0) continue;
		if (!q.multiple) answers[q.name] = values[Math.floor(random() * values.length)];
		else {
			const picked = values.filter(() => random() < 1.5 / values.length);
			answers[q.name] = picked.length ? picked.slice(0, 3) : [values[Math.floor(random() * values.length)]];
		}
	}
	for (const t of catalogue.texts.filter((t) => !t.signature && !t.file)) {
		const low = catalogue.scales.some((s) => {
			const v = scaleAnswer(s, answers);
			return typeof v === 'number' && v <= s.scale[s.scale.length - 2]!;
		});
		if (low && random() < COMMENT_RATE) answers[t.name] = COMMENTS[Math.floor(random() * COMMENTS.length)];
	}
	return { ...answers, ...options.fixed };
}
