/**
 * One log line per event. `json` (the default in production) writes one JSON object
 * per line for a log collector: time, level, scope, msg, pid and the event's fields.
 * `text` (development and tests) writes `[scope] msg key=value`, as people read it.
 * Respondent tokens are secrets: paths are logged with the token replaced.
 */
import { getConfig, loadConfig } from './config.ts';

export type LogFormat = 'json' | 'text';
export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
	info(msg: string, fields?: LogFields): void;
	warn(msg: string, fields?: LogFields): void;
	error(msg: string, fields?: LogFields): void;
}

/** The format a configuration read from `env` asks for (LOG_FORMAT, else by NODE_ENV); see config.ts. */
export function logFormatFromEnv(env: Record<string, string | undefined>): LogFormat {
	return loadConfig(env).logFormat;
}

/** `/r/<token>/autosave` -> `/r/:token/autosave`; query strings are dropped (they may carry secrets too). */
export function redactPath(path: string): string {
	return path
		.replace(/\?.*$/, '')
		.replace(/^\/r\/[^/]+/, '/r/:token')
		.replace(/^\/login\/reset\/[^/]+/, '/login/reset/:token');
}

function describe(value: unknown): unknown {
	return value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
}

export function createLogger(
	scope: string,
	format: LogFormat = getConfig().logFormat,
	write: (line: string) => void = (line) => process.stdout.write(line + '\n')
): Logger {
	const emit = (level: LogLevel, msg: string, fields: LogFields = {}) => {
		if (format === 'json') {
			const entries = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, describe(v)]));
			write(JSON.stringify({ time: new Date().toISOString(), level, scope, msg, pid: process.pid, ...entries }));
			return;
		}
		const extra = Object.entries(fields)
			.map(([k, v]) => (v instanceof Error ? `\n${v.stack ?? v.message}` : ` ${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`))
			.join('');
		write(`[${scope}]${level === 'info' ? '' : ` ${level}:`} ${msg}${extra}`);
	};
	return {
		info: (msg, fields) => emit('info', msg, fields),
		warn: (msg, fields) => emit('warn', msg, fields),
		error: (msg, fields) => emit('error', msg, fields)
	};
}
