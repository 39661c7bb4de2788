import { z } from 'zod';
import * as S from './schemas.ts';

/**
 * The OpenAPI 3.1 document of /api/v1, served at /api/v1/openapi.json. Its schemas are
 * generated from the zod schemas the answers are typed with (schemas.ts), so the document
 * cannot drift from the code; tests/integration/api-http.test.ts validates it and checks
 * every answer against it.
 */
const NAMED = [
	S.ErrorBody,
	S.Edition,
	S.EditionList,
	S.EditionOne,
	S.StatusRow,
	S.Tracking,
	S.PublishedResult,
	S.Release,
	S.Results,
	S.CodebookEntry,
	S.Codebook,
	S.Microdata
];

function componentSchemas(): Record<string, unknown> {
	const registry = z.registry<{ id: string }>();
	for (const schema of NAMED) registry.add(schema, { id: schema.meta()!.id as string });
	const { schemas } = z.toJSONSchema(registry, { target: 'draft-2020-12', uri: (id) => `#/components/schemas/${id}` });
	// Each generated schema names its dialect and an id: OpenAPI 3.1's jsonSchemaDialect says the
	// first once, and the components' keys are the ids (an $id with a fragment is not valid JSON Schema).
	return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema]));
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const jsonBody = (id: string, description: string) => ({ description, content: { 'application/json': { schema: ref(id) } } });
const refusals = (...codes: number[]) =>
	Object.fromEntries(
		codes.map((code) => [
			String(code),
			jsonBody(
				'Error',
				{
					400: 'Invalid parameter',
					401: 'No token, an unknown token or a revoked token',
					403: "The token's role may not read this",
					404: 'No such edition (or, for results, no release yet: error "no_release")',
					429: 'Too many requests: see the Retry-After header'
				}[code]!
			)
		])
	);
const slug = { name: 'slug', in: 'path', required: true, schema: { type: 'string' }, description: 'The edition, e.g. rp-2026' };
const partial = {
	name: 'include_partial',
	in: 'query',
	required: false,
	schema: { type: 'boolean', default: false },
	description: 'Include responses in progress (a `submitted` column)'
};

function get(summary: string, okId: string, okText: string, codes: number[], parameters: unknown[] = []) {
	return { get: { summary, security: [{ bearer: [] }], parameters, responses: { '200': jsonBody(okId, okText), ...refusals(...codes) } } };
}

export function openApiDocument(serverUrl: string) {
	return {
		openapi: '3.1.0',
		jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
		info: {
			title: 'Regional Presence Survey API',
			version: '1.0.0',
			description:
				'Read-only JSON for scripts: editions, tracking counts, released results and (analyst tokens) microdata. A token is created by an administrator for one role and, for a regional office, one region; it sees what that role sees on the web pages. See docs/api.md.'
		},
		servers: [{ url: `${serverUrl}/api/v1` }],
		components: {
			securitySchemes: {
				bearer: { type: 'http', scheme: 'bearer', description: 'An API token (rps_…), created on /admin/api-tokens or with `npm run cli -- api-token:create`' }
			},
			schemas: componentSchemas()
		},
		security: [{ bearer: [] }],
		paths: {
			'/editions': get('Editions and their state', 'EditionList', 'Every edition', [401, 429]),
			'/editions/{slug}': get('One edition and its state', 'EditionOne', 'The edition', [401, 404, 429], [slug]),
			'/editions/{slug}/tracking': get(
				'Invited, opened, started, submitted by region (a regional office: its region only)',
				'Tracking',
				'The counts',
				[401, 403, 404, 429],
				[slug]
			),
			'/editions/{slug}/results': get(
				'Results of the latest results release (suppressed aggregates; a regional office: its region only)',
				'Results',
				'The released results',
				[400, 401, 403, 404, 429],
				[
					slug,
					{
						name: 'by',
						in: 'query',
						required: false,
						schema: { enum: ['region', 'category', 'office', 'sector', 'language'] },
						description: 'A one-way breakdown'
					}
				]
			),
			'/editions/{slug}/microdata': get(
				'Microdata: one row per response (analyst tokens only; audited)',
				'Microdata',
				'The microdata',
				[400, 401, 403, 404, 429],
				[slug, partial]
			),
			'/editions/{slug}/codebook': get(
				'The codebook of the microdata (analyst tokens only; audited)',
				'Codebook',
				'The codebook',
				[400, 401, 403, 404, 429],
				[slug, partial]
			)
		}
	};
}
