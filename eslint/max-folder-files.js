// eslint-disable-next-line @typescript-eslint/ban-ts-comment -- see the next line
// @ts-nocheck -- a plain-JS ESLint rule loaded by eslint.config.js; ESLint checks its shape when it loads it.
// A local ESLint rule: the folder of the linted file holds at most `max` source files (issue 13: "no
// folder under src/lib/server holds more than about 15 files"). Past that a folder is a list, not a
// shape: split it by concern into subfolders. Tests beside the code are not counted; subfolders are
// folders of their own (each checked when one of its files is linted). `pending` names folders known to be
// over the limit while someone splits them; once one is within it, the rule asks for its name to go.
import { readdirSync } from 'node:fs';
import { dirname, relative } from 'node:path';

const SOURCE = /\.(ts|js|svelte)$/;
const TEST = /\.(test|spec)\.(ts|js)$/;

export const DEFAULT_MAX = 15;

/** How many source files (not tests) a folder holds directly. */
export function sourceFileCount(dir) {
	return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() && SOURCE.test(e.name) && !TEST.test(e.name)).length;
}

export default {
	meta: {
		type: 'suggestion',
		docs: { description: 'Limit how many source files (tests not counted) one folder holds.' },
		schema: [
			{
				type: 'object',
				properties: { max: { type: 'integer', minimum: 1 }, pending: { type: 'array', items: { type: 'string' } } },
				additionalProperties: false
			}
		],
		messages: {
			tooMany: '{{folder}} holds {{count}} source files (at most {{max}}): split it by concern into subfolders.',
			pendingDone: '{{folder}} holds {{count}} source files, within {{max}}: take it off the pending list in eslint.config.js.'
		}
	},
	create(context) {
		const max = context.options[0]?.max ?? DEFAULT_MAX;
		const pending = new Set(context.options[0]?.pending ?? []);
		return {
			Program(node) {
				const dir = dirname(context.filename);
				const folder = relative(context.cwd, dir).split('\\').join('/') || '.';
				const count = sourceFileCount(dir);
				const data = { folder, count, max };
				if (pending.has(folder)) {
					if (count <= max) context.report({ node, messageId: 'pendingDone', data });
				} else if (count > max) context.report({ node, messageId: 'tooMany', data });
			}
		};
	}
};
