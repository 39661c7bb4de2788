import { z } from 'zod';
import { DEFAULT_POOL_SIZE } from './db/create-db.ts';

/** See db/startup-lock.ts. */
const MIN_POOL_SIZE = 2;
/** A pool larger than this is a typo rather than a plan: PostgreSQL's whole default budget is 100. */
const MAX_POOL_SIZE = 100;

/**
 * Every setting the server reads, validated once at start with a clear message.
 * Read from process.env (not SvelteKit's $env) so the CLI shares it.
 */
const schema = z.object({
	DATABASE_URL: z.string().min(1).default('data/survey.db'),
	DATABASE_POOL_SIZE: z.coerce
		.number({ message: 'DATABASE_POOL_SIZE must be a whole number of connections' })
		.int('DATABASE_POOL_SIZE must be a whole number of connections')
		.min(MIN_POOL_SIZE, `DATABASE_POOL_SIZE must be at least ${MIN_POOL_SIZE} (at start one connection holds the start-up lock while another migrates)`)
		.max(MAX_POOL_SIZE, `DATABASE_POOL_SIZE must be at most ${MAX_POOL_SIZE} (PostgreSQL's default max_connections is 100, shared by every node)`)
		.default(DEFAULT_POOL_SIZE),
	PORT: z.coerce.number().int().min(1).max(65535).default(3000),
	PUBLIC_URL: z.url().optional(),
	ORIGIN: z.url().optional(),
	ADMIN_EMAIL: z.email().default('admin@example.org'),
	ADMIN_PASSWORD: z.string().min(12, 'ADMIN_PASSWORD must have at least 12 characters').optional(),
	SURVEYS_DIR: z.string().default('surveys'),
	DEFAULT_EDITION: z.string().regex(/^[a-z0-9-]+$/).default('rp-2026'),
	DEMO: z.enum(['0', '1']).default('1'),
	BACKGROUND_WORK: z.enum(['0', '1']).default('1'),
	NODE_ENV: z.string().default('development')
});

export interface Config {
	databaseUrl: string;
	/** Connections per process to PostgreSQL (SQLite uses one). */
	databasePoolSize: number;
	port: number;
	/** The base of the links we print and e-mail: where respondents reach us. */
	publicUrl: string;
	adminEmail: string;
	adminPassword: string | undefined;
	surveysDir: string;
	defaultEdition: string;
	demo: boolean;
	/** Whether this process runs the outbox sender and the reminder planner (server.js gives them to one worker). */
	backgroundWork: boolean;
	production: boolean;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
	const parsed = schema.safeParse(env);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
		throw new Error(`invalid configuration: ${problems}`);
	}
	const e = parsed.data;
	return {
		databaseUrl: e.DATABASE_URL,
		databasePoolSize: e.DATABASE_POOL_SIZE,
		port: e.PORT,
		publicUrl: (e.PUBLIC_URL ?? e.ORIGIN ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
		adminEmail: e.ADMIN_EMAIL,
		adminPassword: e.ADMIN_PASSWORD,
		surveysDir: e.SURVEYS_DIR,
		defaultEdition: e.DEFAULT_EDITION,
		demo: e.DEMO === '1',
		backgroundWork: e.BACKGROUND_WORK === '1',
		production: e.NODE_ENV === 'production'
	};
}
