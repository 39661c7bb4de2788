import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/**
 * The refusal drawn in the Secretariat layout: the hooks render it (an internal request)
 * when a signed-in user asks for a page its role may not see, with `from` = that path.
 */
export const load: PageServerLoad = () => error(403, 'Access refused');
