import { z } from 'zod';

/**
 * Every setting the server reads, validated once at start with a clear message.
 * Read from process.env (not SvelteKit's $env) so the CLI shares it.
 */
const schema = z.object({
	DATABASE_URL: z.string().min(1).default('data/survey.db'),
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
