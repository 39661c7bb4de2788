import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import type { Db } from '../../src/lib/server/db/create-db.ts';

/**
 * Counts the queries a use case makes, to prove it loads what it needs once
 * (issue 13: one load of an edition's responses per report, per results page).
 * `counted.db` is the same database with a plugin that sees every query node.
 */
export function countQueries(db: Db, matches: (node: RootOperationNode) => boolean): { db: Db; count: () => number } {
	let n = 0;
	const plugin: KyselyPlugin = {
		transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
			if (matches(node)) n++;
			return node;
		},
		async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
			return result;
		}
	};
	return { db: db.withPlugin(plugin), count: () => n };
}

/** A query that reads the respondents' answers: one load of an edition's responses. */
export const readsAnswers = (node: RootOperationNode): boolean => node.kind === 'SelectQueryNode' && JSON.stringify(node).includes('"answers_json"');
