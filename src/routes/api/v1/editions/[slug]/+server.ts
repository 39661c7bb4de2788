import { apiEndpoint } from '$lib/server/api/endpoint';
import { apiEdition } from '$lib/server/api/read';

export const GET = apiEndpoint((db, who, { params }) => apiEdition(db, who, params.slug!));
