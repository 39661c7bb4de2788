/**
 * The parts of the Council report, in order (issue 15 item 2). The generator walks this list, so the
 * table of contents, the headings' numbers and the tests read one source. Numbers are given here rather
 * than by Word's list numbering: a heading's number must be the same in all six languages and in the
 * table of contents a reader prints, whatever the application that updates the fields.
 */
export const COUNCIL_SECTIONS = [
	'introduction',
	'methodology',
	'overall',
	'category',
	'region',
	'office',
	'criterion',
	'comparison',
	'comments',
	'conclusions'
] as const;
export type CouncilSection = (typeof COUNCIL_SECTIONS)[number];

export const COUNCIL_ANNEXES = ['questionnaire', 'tables'] as const;
export type CouncilAnnex = (typeof COUNCIL_ANNEXES)[number];

/** The sections that carry at least one chart (3 to 8): results a reader takes in at a glance. */
export const CHARTED_SECTIONS: readonly CouncilSection[] = ['overall', 'category', 'region', 'office', 'criterion', 'comparison'];

export interface OutlineEntry<T extends string> {
	id: T;
	/** "1".."10" for sections, "A", "B" for annexes. */
	number: string;
}

export function councilOutline(): { sections: OutlineEntry<CouncilSection>[]; annexes: OutlineEntry<CouncilAnnex>[] } {
	return {
		sections: COUNCIL_SECTIONS.map((id, i) => ({ id, number: String(i + 1) })),
		annexes: COUNCIL_ANNEXES.map((id, i) => ({ id, number: String.fromCharCode(65 + i) }))
	};
}

/** A section heading as the document prints it: number, tab, title (the ITU layout). */
export function numberedHeading(number: string, title: string): string {
	return `${number}\t${title}`;
}
