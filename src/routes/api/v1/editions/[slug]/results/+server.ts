import { apiEndpoint } from '$lib/server/api/endpoint';
import { apiResults } from '$lib/server/api/read';

export const GET = apiEndpoint((db, who, { params, url }) => apiResults(db, who, params.slug!, url.searchParams.get('by')));
