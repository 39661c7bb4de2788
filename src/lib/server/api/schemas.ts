import { z } from 'zod';

/**
 * The API's answers, declared once: the OpenAPI document (openapi.ts) is generated from
 * these with zod's `z.toJSONSchema`, and the tests check every answer against it.
 */
export const ErrorBody = z
	.object({
		error: z.string().describe('A stable code: unauthorized, forbidden, rate_limited, not_found, no_release, invalid_input, …'),
		message: z.string().describe('What went wrong, in English')
	})
	.meta({ id: 'Error' });

export const EditionState = z.enum(['draft', 'open', 'closed', 'archived']);

export const Edition = z
	.object({
		slug: z.string(),
		title: z.string(),
		state: EditionState,
		opens_at: z.string().nullable().describe('ISO-8601 UTC, or null'),
		closes_at: z.string().nullable().describe('ISO-8601 UTC, or null')
	})
	.meta({ id: 'Edition' });

export const EditionList = z.object({ editions: z.array(Edition) }).meta({ id: 'EditionList' });
export const EditionOne = z.object({ edition: Edition }).meta({ id: 'EditionOne' });

const count = z.int().min(0);
export const StatusRow = z
	.object({ region: z.string().describe("ITU-D region code; 'all' for the total"), invited: count, opened: count, started: count, submitted: count })
	.meta({ id: 'StatusRow' });

export const Tracking = z
	.object({
		edition: z.string(),
		scope: z.string().describe("'all', or the region a regional-office token is limited to"),
		total: StatusRow,
		byRegion: z.array(StatusRow)
	})
	.meta({ id: 'Tracking' });

const Suppressed = z.object({ suppressed: z.literal(true) });
const Figure = z.union([Suppressed, z.looseObject({})]).describe('A summary, or { suppressed: true } where fewer responses than minCount stand behind it');
const Figures = z.record(z.string(), Figure);
export const PublishedResult = z
	.object({ respondents: count, scales: Figures, choices: Figures, sections: Figures, criteria: Figures })
	.meta({ id: 'PublishedResult' });

export const Release = z
	.object({ number: z.int().min(1), releasedAt: z.string(), respondents: count, minCount: count, lastSubmittedAt: z.string().nullable() })
	.meta({ id: 'Release' });

const Dimension = z.enum(['region', 'category', 'office', 'sector', 'language']);
export const Results = z
	.object({
		edition: z.string(),
		scope: z.string().describe("'all', or the region a regional-office token is limited to"),
		release: Release,
		minCount: count,
		overall: PublishedResult,
		breakdown: z
			.object({ dimension: Dimension, minCount: count, total: PublishedResult, groups: z.array(z.object({ key: z.string(), result: PublishedResult })) })
			.nullable(),
		rates: z.array(StatusRow),
		lastSubmittedAt: z.string().nullable()
	})
	.meta({ id: 'Results' });

export const CodebookEntry = z
	.object({
		variable: z.string(),
		label: z.string(),
		type: z.enum(['attribute', 'scale', 'single', 'multiple', 'text', 'number']),
		values: z.string(),
		section: z.string(),
		criteria: z.string(),
		stats_name: z.string()
	})
	.meta({ id: 'CodebookEntry' });

export const Codebook = z.object({ edition: z.string(), variables: z.array(CodebookEntry) }).meta({ id: 'Codebook' });
export const Microdata = z
	.object({
		edition: z.string(),
		columns: z.array(z.string()).describe('The codebook variables, in order'),
		rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))).describe('One row per response (pseudonymous)')
	})
	.meta({ id: 'Microdata' });
