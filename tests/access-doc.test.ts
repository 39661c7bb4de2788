import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIONS, PERMISSIONS, REGION_SCOPED, ROLES, ROUTE_RULES } from '../src/lib/domain/access/permissions.ts';

/**
 * docs/access.md documents access as built (issue 12 item 4): its role × action and route
 * tables are read here and must equal the guard's own tables, PERMISSIONS and ROUTE_RULES.
 */
const doc = readFileSync('docs/access.md', 'utf8');

/** The body rows of the Markdown table whose header row starts with `header`, as trimmed cells. */
function table(header: string): string[][] {
	const lines = doc.split('\n');
	const start = lines.findIndex((l) => l.replace(/ +/g, ' ').startsWith(header)); // Prettier pads the cells
	expect(start, `table "${header}" in docs/access.md`).toBeGreaterThanOrEqual(0);
	const rows: string[][] = [];
	for (const line of lines.slice(start + 2)) {
		if (!line.startsWith('|')) break;
		rows.push(
			line
				.split('|')
				.slice(1, -1)
				.map((c) => c.trim())
		);
	}
	return rows;
}

const code = (cell: string) => /^`([^`]+)`$/.exec(cell)?.[1] ?? cell;

describe('docs/access.md matches the guard', () => {
	it('prints the role × action matrix of PERMISSIONS, in its order, R where region-scoped', () => {
		const header = `| action | ${ROLES.join(' | ')} |`;
		const documented = table(header).map(([action, ...cells]) => [code(action!), cells.join(' ')]);
		const expected = ACTIONS.map((action) => [
			action,
			ROLES.map((role) => (!PERMISSIONS[action].includes(role) ? '' : role === 'regional_office' && REGION_SCOPED.has(action) ? 'R' : '✔')).join(' ')
		]);
		expect(documented).toEqual(expected);
	});

	it('prints ROUTE_RULES, in the order the hooks try them', () => {
		const documented = table('| route | needs |').map(([route, needs]) => [code(route!), needs === 'signed in' ? 'signed_in' : code(needs!)]);
		expect(documented).toEqual(ROUTE_RULES.map((r) => [r.prefix, r.action]));
	});

	it('has a rule for every route of src/routes', () => {
		const routes: string[] = [];
		const walk = (dir: string) => {
			for (const name of readdirSync(dir)) {
				const path = join(dir, name);
				if (statSync(path).isDirectory()) walk(path);
				else if (/^\+(page|server)\./.test(name)) routes.push('/' + relative('src/routes', dir).split('\\').join('/'));
			}
		};
		walk('src/routes');
		const covered = (route: string) =>
			ROUTE_RULES.some((r) => {
				const want = r.prefix.split('/');
				const have = route.split('/');
				return have.length >= want.length && want.every((s, i) => s === have[i] || (s === '*' && /^\[.+\]$/.test(have[i]!)));
			});
		const uncovered = [...new Set(routes)].filter((r) => r !== '/' && !covered(r));
		expect(uncovered).toEqual([]);
	});
});
