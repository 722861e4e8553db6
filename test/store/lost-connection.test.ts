import assert from 'node:assert/strict';
import { sql } from 'kysely';
import pg from 'pg';
import { translateSystemError } from '../../src/cli/system-errors.js';
import { inTransaction } from '../../src/store/index.js';
import { describeEachEngine, test } from '../support/engines.js';

// A PostgreSQL server may end a session at any moment (restart, pg_terminate_backend, an idle timeout). A client the
// store has checked out for a transaction then emits 'error' while it holds no query; with nothing listening, Node
// ends the process with a stack. The store must turn it into a failed statement and go on with fresh connections.
// DuckDB is embedded (no server to end a session), so the engine that can lose one is the only one checked.
describeEachEngine('a session the database server ends in the middle of a transaction', (open, engine) => {
  test('fails the transaction’s next statement and leaves the store usable', { skip: engine === 'duckdb' ? 'embedded: no server session to lose' : false }, async () => {
    const store = await open();
    const killer = new pg.Client({ connectionString: process.env.CLEF_TEST_POSTGRES_URL });
    await killer.connect();
    try {
      const outcome = inTransaction(store.db, async (tx) => {
        const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(tx);
        await killer.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
        // The session is gone while this transaction holds no query: the server's farewell arrives as an 'error' event.
        await new Promise((resolve) => setTimeout(resolve, 300));
        await sql`SELECT 1`.execute(tx);
      });
      const failure = await outcome.then(() => undefined, (error: unknown) => error);
      assert.ok(failure instanceof Error, 'the statement after the session ended must fail');
      // What a person sees at the edge of the program: a coded error saying to run the command again, no stack.
      const coded = translateSystemError(failure);
      assert.equal(coded?.code, 'CLEF_STORE_UNREACHABLE', String(failure));
      assert.match(coded.message, /ended the session .*run it again/);
    } finally {
      await killer.end();
    }
    for (let i = 0; i < 6; i++) {
      const { rows } = await sql<{ one: number }>`SELECT 1 AS one`.execute(store.db);
      assert.equal(Number(rows[0].one), 1);
    }
  });
});
