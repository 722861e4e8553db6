import type { KyselyPlugin, QueryId } from 'kysely';

/** Times every store query of `db` by its first table, to say where a search's time goes. */
export function queryTimer() {
  const started = new Map<QueryId, { table: string; at: number }>();
  const spent = new Map<string, { ms: number; queries: number }>();
  const plugin: KyselyPlugin = {
    transformQuery({ node, queryId }) {
      const table = /"TableNode".*?"name":"(\w+)"/.exec(JSON.stringify(node))?.[1] ?? 'other';
      started.set(queryId, { table, at: performance.now() });
      return node;
    },
    async transformResult({ result, queryId }) {
      const start = started.get(queryId);
      if (start) {
        const entry = spent.get(start.table) ?? { ms: 0, queries: 0 };
        spent.set(start.table, { ms: entry.ms + performance.now() - start.at, queries: entry.queries + 1 });
        started.delete(queryId);
      }
      return result;
    },
  };
  return { plugin, spent };
}
