import type { Db } from '../lib/server/db/create-db.ts';
import { InvalidInputError } from '../lib/domain/errors.ts';

/** The parsed command line: flags by name, positionals in `_`. */
export type Options = Record<string, string | boolean | string[] | undefined> & { _?: string[] };
export type Command = (db: Db, options: Options) => Promise<void>;

/** Every flag of every command, for node:util's strict parseArgs (an unknown flag is an error). */
export const OPTION_TYPES = {
	email: { type: 'string' },
	role: { type: 'string' },
	questionnaire: { type: 'string' },
	slug: { type: 'string' },
	title: { type: 'string' },
	opens: { type: 'string' },
	closes: { type: 'string' },
	draft: { type: 'boolean' },
	edition: { type: 'string' },
	entity: { type: 'string' },
	lang: { type: 'string' },
	out: { type: 'string' },
	file: { type: 'string' },
	count: { type: 'string' },
	seed: { type: 'string' },
	all: { type: 'boolean' },
	send: { type: 'boolean' },
	region: { type: 'string' },
	category: { type: 'string' },
	state: { type: 'string' },
	name: { type: 'string' },
	language: { type: 'string' },
	to: { type: 'string' },
	'days-before': { type: 'string' },
	until: { type: 'string' },
	'override-translations': { type: 'boolean' },
	reason: { type: 'string' },
	'include-partial': { type: 'boolean' },
	id: { type: 'string' }
} as const;

export function required(options: Options, name: string): string {
	const value = options[name];
	if (typeof value !== 'string' || value === '') throw new InvalidInputError(`--${name} is required`);
	return value;
}

/** A password from stdin (piped, or typed after a prompt), without its final line break. */
export async function readStdin(): Promise<string> {
	if (process.stdin.isTTY) process.stderr.write('password: ');
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks)
		.toString('utf8')
		.replace(/\r?\n$/, '');
}
