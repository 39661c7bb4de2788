import { z } from 'zod';
import { DEFAULT_MIN_COUNT } from '../../domain/analysis/suppression.ts';
import type { MailConfig } from '../distribution/mail/mail-config.ts';
import type { WebhookConfig } from '../distribution/webhooks/webhook-config.ts';
import type { LogFormat } from './log.ts';
import { oidcSchema, readOidcConfig, type OidcConfig } from './oidc-config.ts';

/** Connections per process when DATABASE_POOL_SIZE is not set. */
export const DEFAULT_POOL_SIZE = 10;
/** See db/startup-lock.ts. */
const MIN_POOL_SIZE = 2;
/** A pool larger than this is a typo rather than a plan: PostgreSQL's whole default budget is 100. */
const MAX_POOL_SIZE = 100;
const MAX_WORKERS = 64;
/** A translation file (5 MB) is the largest upload; adapter-node's own default (512K) refused it. */
const DEFAULT_BODY_SIZE_LIMIT = '6M';

type Env = Record<string, string | undefined>;

/** A whole number in a range, with a message that names the value it got. */
function integer(min: number, max: number, fallback: number) {
	return z
		.string()
		.optional()
		.transform((raw, ctx) => {
			if (raw === undefined) return fallback;
			const value = Number(raw.trim());
			if (raw.trim() === '' || !Number.isInteger(value))
				ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}, not "${raw}"` });
			else if (value < min) ctx.addIssue({ code: 'custom', message: `must be at least ${min}, not "${raw}"` });
			else if (value > max) ctx.addIssue({ code: 'custom', message: `must be at most ${max}, not "${raw}"` });
			else return value;
			return z.NEVER;
		});
}

const TRUE = ['1', 'true', 'yes'];
const FALSE = ['0', 'false', 'no'];

/**
 * A yes/no setting. `TOTP_REQUIRED_FOR_ADMINS=true` once left the second factor off
 * because only "1" counted; now every usual spelling counts and anything else stops
 * the server rather than being read as "no".
 */
function flag(fallback: boolean) {
	return z
		.string()
		.optional()
		.transform((raw, ctx) => {
			if (raw === undefined) return fallback;
			const value = raw.trim().toLowerCase();
			if (TRUE.includes(value)) return true;
			if (FALSE.includes(value)) return false;
			ctx.addIssue({ code: 'custom', message: `must be 1/0, true/false or yes/no, not "${raw}"` });
			return z.NEVER;
		});
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
	return z.enum(values, { error: (issue) => `must be one of ${values.join(', ')}, not "${String(issue.input)}"` });
}

const httpUrl = z.url({ protocol: /^https?$/, error: (issue) => `must be an http:// or https:// URL, not "${String(issue.input)}"` });

/** An HTTP header name (RFC 9110 token): adapter-node lower-cases it and reads it from each request. */
const headerName = z
	.string()
	.regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, { error: (issue) => `must be an HTTP header name such as x-forwarded-for, not "${String(issue.input)}"` });

/**
 * Every environment variable the server, server.js and the CLI read: one schema,
 * validated once at start. A bad value stops the process with a message naming the
 * variable. Read from process.env (not SvelteKit's $env) so that server.js (before
 * the build is loaded) and the CLI share it. An empty value counts as unset.
 */
const schema = z.object({
	DATABASE_URL: z.string().default('data/survey.db'),
	DATABASE_POOL_SIZE: integer(MIN_POOL_SIZE, MAX_POOL_SIZE, DEFAULT_POOL_SIZE),
	MIGRATIONS_DIR: z.string().default('migrations'),
	HOST: z.string().default('0.0.0.0'),
	PORT: integer(1, 65535, 3000),
	PUBLIC_URL: httpUrl.optional(),
	ORIGIN: httpUrl.optional(),
	// adapter-node's, validated here so that a typo stops the start instead of every request.
	ADDRESS_HEADER: headerName.optional(),
	XFF_DEPTH: integer(1, 100, 1),
	PROTOCOL_HEADER: headerName.optional(),
	HOST_HEADER: headerName.optional(),
	PORT_HEADER: headerName.optional(),
	BODY_SIZE_LIMIT: z
		.string()
		.regex(/^(\d+[KMG]?|Infinity)$/i, {
			error: (issue) => `must be a number of bytes, optionally with K, M or G (e.g. 6M), or Infinity, not "${String(issue.input)}"`
		})
		.default(DEFAULT_BODY_SIZE_LIMIT),
	WORKERS: z
		.union([z.literal('auto'), integer(1, MAX_WORKERS, 1)], {
			error: (issue) => `must be "auto" or a whole number from 1 to ${MAX_WORKERS}, not "${String(issue.input)}"`
		})
		.default(1),
	SHUTDOWN_DRAIN_MS: integer(0, 600_000, 1_000),
	SHUTDOWN_TIMEOUT: integer(1, 3_600, 30),
	KEEP_ALIVE_TIMEOUT: integer(0, 3_600, 0),
	HEADERS_TIMEOUT: integer(0, 3_600, 0),
	LOG_FORMAT: oneOf(['json', 'text']).optional(),
	NODE_ENV: oneOf(['production', 'development', 'test']).default('development'),
	ADMIN_EMAIL: z.email({ error: (issue) => `must be an e-mail address, not "${String(issue.input)}"` }).default('admin@example.org'),
	ADMIN_PASSWORD: z.string().min(12, 'must have at least 12 characters').optional(),
	SURVEYS_DIR: z.string().default('surveys'),
	DEFAULT_EDITION: z
		.string()
		.regex(/^[a-z0-9-]+$/, { error: (issue) => `must be lower-case letters, digits and hyphens, not "${String(issue.input)}"` })
		.default('rp-2026'),
	DEMO: flag(true),
	BACKGROUND_WORK: flag(true),
	WARM_MODELS: flag(true),
	TOTP_REQUIRED_FOR_ADMINS: flag(false),
	ANALYSIS_MIN_COUNT: integer(2, 100, DEFAULT_MIN_COUNT),
	SMTP_URL: z
		.string()
		.regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
		.optional(),
	MAIL_FROM: z.string().min(3, 'must be an address such as "Survey <survey@example.org>"').default('ITU Regional Presence Survey <survey@localhost>'),
	MAIL_RATE_PER_MINUTE: integer(1, 60_000, 60),
	MAIL_MAX_ATTEMPTS: integer(1, 20, 6),
	MAIL_RETRY_BASE_MS: integer(10, 86_400_000, 60_000),
	MAIL_POLL_MS: integer(10, 3_600_000, 5_000),
	...oidcSchema,
	API_RATE_PER_MINUTE: integer(1, 100_000, 120),
	WEBHOOK_MAX_ATTEMPTS: integer(1, 20, 8),
	WEBHOOK_RETRY_BASE_MS: integer(10, 86_400_000, 30_000),
	WEBHOOK_POLL_MS: integer(10, 3_600_000, 2_000),
	WEBHOOK_TIMEOUT_MS: integer(100, 60_000, 10_000),
	WEBHOOK_ALLOWED_HOSTS: z
		.string()
		.regex(/^[A-Za-z0-9.:\-[\]]+(,[A-Za-z0-9.:\-[\]]+)*$/, 'must be host names separated by commas, such as "hooks.example.org,10.0.0.5"')
		.optional()
});

/** The names of every variable we read, for the README's table test and for messages. */
export const CONFIG_VARIABLES = Object.keys(schema.shape);

export interface ServerSettings {
	host: string;
	/** Processes on the port (server.js); "auto" is resolved there, to the number of cores. */
	workers: number | 'auto';
	shutdownDrainMs: number;
	shutdownTimeoutS: number;
	/** 0: Node's default. */
	keepAliveTimeoutS: number;
	headersTimeoutS: number;
	bodySizeLimit: string;
	/** adapter-node's client-address header behind a proxy; unset: the peer's address. */
	addressHeader: string | undefined;
	xffDepth: number;
}

export interface Config {
	databaseUrl: string;
	/** Connections per process to PostgreSQL (SQLite uses one). */
	databasePoolSize: number;
	migrationsDir: string;
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
	/**
	 * Whether start-up builds the default edition's questionnaire in every language before
	 * listening, so the first respondent of each language waits for nothing. Tests turn it
	 * off (tests/helpers/server.ts): it costs each start about 2 s of CPU, and a page
	 * builds its language's model on first use all the same.
	 */
	warmModels: boolean;
	production: boolean;
	logFormat: LogFormat;
	/** An administrator without a second factor must enrol before anything else. */
	totpRequiredForAdmins: boolean;
	/** Aggregates below this count are suppressed for readers without raw-data rights. */
	analysisMinCount: number;
	/** Requests per minute one API token may make (docs/api.md). */
	apiRatePerMinute: number;
	mail: MailConfig;
	webhooks: WebhookConfig;
	server: ServerSettings;
	/** Single sign-on through OpenID Connect; null when OIDC_ISSUER is unset. */
	oidc: OidcConfig | null;
}

/** A configuration that cannot start: the message names every bad variable. */
export class ConfigError extends Error {
	override name = 'ConfigError';
}

export function loadConfig(env: Env = process.env): Config {
	// An empty value (`FOO=` in a compose file) means "unset", as adapter-node reads it.
	const set = Object.fromEntries(Object.entries(env).filter(([key, value]) => value !== undefined && value !== '' && key in schema.shape));
	const parsed = schema.safeParse(set);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ');
		throw new ConfigError(`invalid configuration: ${problems}`);
	}
	const e = parsed.data;
	const production = e.NODE_ENV === 'production';
	const publicUrl = (e.PUBLIC_URL ?? e.ORIGIN ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
	const oidc = readOidcConfig(e, publicUrl, production);
	if (typeof oidc === 'string') throw new ConfigError(`invalid configuration: ${oidc}`);
	return {
		databaseUrl: e.DATABASE_URL,
		databasePoolSize: e.DATABASE_POOL_SIZE,
		migrationsDir: e.MIGRATIONS_DIR,
		port: e.PORT,
		publicUrl,
		adminEmail: e.ADMIN_EMAIL,
		adminPassword: e.ADMIN_PASSWORD,
		surveysDir: e.SURVEYS_DIR,
		defaultEdition: e.DEFAULT_EDITION,
		demo: e.DEMO,
		backgroundWork: e.BACKGROUND_WORK,
		warmModels: e.WARM_MODELS,
		production,
		logFormat: e.LOG_FORMAT ?? (production ? 'json' : 'text'),
		totpRequiredForAdmins: e.TOTP_REQUIRED_FOR_ADMINS,
		analysisMinCount: e.ANALYSIS_MIN_COUNT,
		apiRatePerMinute: e.API_RATE_PER_MINUTE,
		mail: {
			smtpUrl: e.SMTP_URL,
			from: e.MAIL_FROM,
			ratePerMinute: e.MAIL_RATE_PER_MINUTE,
			maxAttempts: e.MAIL_MAX_ATTEMPTS,
			retryBaseMs: e.MAIL_RETRY_BASE_MS,
			pollMs: e.MAIL_POLL_MS
		},
		webhooks: {
			maxAttempts: e.WEBHOOK_MAX_ATTEMPTS,
			retryBaseMs: e.WEBHOOK_RETRY_BASE_MS,
			pollMs: e.WEBHOOK_POLL_MS,
			timeoutMs: e.WEBHOOK_TIMEOUT_MS,
			allowedHosts: e.WEBHOOK_ALLOWED_HOSTS ? e.WEBHOOK_ALLOWED_HOSTS.toLowerCase().split(',') : null
		},
		server: {
			host: e.HOST,
			workers: e.WORKERS,
			shutdownDrainMs: e.SHUTDOWN_DRAIN_MS,
			shutdownTimeoutS: e.SHUTDOWN_TIMEOUT,
			keepAliveTimeoutS: e.KEEP_ALIVE_TIMEOUT,
			headersTimeoutS: e.HEADERS_TIMEOUT,
			bodySizeLimit: e.BODY_SIZE_LIMIT,
			addressHeader: e.ADDRESS_HEADER?.toLowerCase(),
			xffDepth: e.XFF_DEPTH
		},
		oidc
	};
}

/**
 * What a valid configuration may still get wrong, said once at start. Behind a proxy
 * without ADDRESS_HEADER every respondent has the proxy's address, so the link-guessing
 * throttle (20 misses in 10 minutes per address) would lock everyone out together.
 */
export function configWarnings(config: Config): string[] {
	const warnings: string[] = [];
	if (config.production && !config.server.addressHeader) {
		warnings.push(
			"NODE_ENV=production without ADDRESS_HEADER: every request is attributed to the peer address. Behind a reverse proxy set ADDRESS_HEADER=x-forwarded-for (and XFF_DEPTH), or every respondent shares the proxy's address and the link-guessing throttle locks them out together."
		);
	}
	if (config.server.addressHeader && config.server.addressHeader !== 'x-forwarded-for' && config.server.xffDepth !== 1) {
		warnings.push(`XFF_DEPTH is only read with ADDRESS_HEADER=x-forwarded-for (ADDRESS_HEADER is ${config.server.addressHeader})`);
	}
	return warnings;
}

let current: Config | undefined;

/** The process's configuration, read once (the first call; server.js and the init hook make it at start). */
export function getConfig(): Config {
	current ??= loadConfig();
	return current;
}
