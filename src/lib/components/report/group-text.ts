import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/domain/locales';
import { categoryLabel, officeName, regionName, sectorLabel, type NameTable } from '$lib/ui/labels';

/** The name of a breakdown dimension (region, category, …) in the reader's language. */
export function dimensionLabel(dimension: string, locale: Locale): string {
	const o = { locale };
	const labels: Record<string, string> = {
		region: m.an_dim_region({}, o),
		category: m.an_dim_category({}, o),
		office: m.an_dim_office({}, o),
		sector: m.an_dim_sector({}, o),
		language: m.an_dim_language({}, o)
	};
	return labels[dimension] ?? dimension;
}

/**
 * A group's name: the snapshot's label, or, for a key the snapshot has no label for (a code
 * outside the questionnaire's choices, an older snapshot), the reference label in the
 * reader's language: never the code itself.
 */
export function groupText(
	dimension: string | null | undefined,
	key: string,
	label: string,
	locale: Locale,
	names: { regions: NameTable; offices: NameTable }
): string {
	if (label !== key) return label;
	if (dimension === 'category') return categoryLabel(key, locale);
	if (dimension === 'sector') return sectorLabel(key, locale);
	if (dimension === 'office') return officeName(key, names.offices, locale);
	if (dimension === 'region') return regionName(key, names.regions, locale);
	return label;
}
