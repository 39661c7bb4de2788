import { apiEndpoint } from '$lib/server/api/endpoint';
import { apiTracking } from '$lib/server/api/read';

export const GET = apiEndpoint((db, who, { params }) => apiTracking(db, who, params.slug!));
