import { InvalidInputError } from '../../domain/errors.ts';

/** `?include_partial=true|false` (absent: false); anything else is refused, not read as "no". */
export function includePartial(url: URL): boolean {
	const value = url.searchParams.get('include_partial');
	if (value === null || value === '' || value === 'false') return false;
	if (value === 'true') return true;
	throw new InvalidInputError(`include_partial must be true or false (got "${value.slice(0, 40)}")`);
}
