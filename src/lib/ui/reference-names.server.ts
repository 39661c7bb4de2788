import regions from '../server/reference/regions.json' with { type: 'json' };
import offices from '../server/reference/offices.json' with { type: 'json' };
import type { NameTable } from './labels.ts';

/**
 * Region and office names in the six languages, from the reference data the server
 * loads at start (src/lib/server/reference). The admin layout hands them to every
 * Secretariat page as `data.names`, for `regionName(code, data.names.regions)`.
 */
export interface ReferenceNames {
	regions: NameTable;
	offices: NameTable;
}

const NAMES: ReferenceNames = {
	regions: Object.fromEntries(regions.items.map((r) => [r.code, r.name])),
	offices: Object.fromEntries(offices.items.map((o) => [o.code, o.name]))
};

export function referenceNames(): ReferenceNames {
	return NAMES;
}
