import { apiEndpoint } from '$lib/server/api/endpoint';
import { apiMicrodata } from '$lib/server/api/read';
import { includePartial } from '$lib/server/api/params';

export const GET = apiEndpoint((db, who, { params, url }) => apiMicrodata(db, who, params.slug!, 'microdata', includePartial(url)));
