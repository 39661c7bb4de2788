import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** Any /admin address no page answers: a 404 drawn in the Secretariat layout (+error.svelte), not the respondents' page. */
export const load: PageServerLoad = () => error(404, 'Not found');
