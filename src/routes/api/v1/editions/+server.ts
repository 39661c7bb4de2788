import { apiEndpoint } from '$lib/server/api/endpoint';
import { apiEditions } from '$lib/server/api/read';

export const GET = apiEndpoint((db, who) => apiEditions(db, who));
