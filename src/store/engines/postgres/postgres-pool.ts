import pg from 'pg';

// pg returns int8 and numeric as strings and DATE as a local-time Date; Clef wants bigint, exact text and the ISO day,
// the same shapes the DuckDB side returns (DESIGN.md).
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;

const parsers = new Map<number, (text: string) => unknown>([
  [INT8, (text) => BigInt(text)],
  [NUMERIC, (text) => text],
  [DATE, (text) => text],
  [TIMESTAMP, (text) => text],
  [TIMESTAMPTZ, (text) => text],
]);

/** A pg pool whose rows come back in Clef's normalized shapes. */
export function createPostgresPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: 4,
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        parsers.get(oid) ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client whose connection the server ends (restart, dropped database) is removed from the pool by pg;
  // without a listener its 'error' event would crash the process. Errors of running queries still reach their callers.
  pool.on('error', () => {});
  // A client checked out for a transaction emits the same event when its session ends between two statements; the
  // transaction's next statement fails with "Connection terminated" and pg discards the client when it is released.
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}
