import assert from 'node:assert/strict';
import { inTransaction } from '../../src/store/index.js';
import { describeEachEngine, test } from '../support/engines.js';

// DuckDB 1.5.6 invalidated the whole database (`BatchedDataCollection::Merge … batch index 1 is present in both
// collections`, exit 70) when a query read a table holding more than one committed row group (122,880 rows) together
// with rows the open transaction had appended: the second of two 100 k-work CWR imports. The volume is the point.
const committedRows = 130_000;
const linkRow = (n: number) => ({ registration_id: `G${String(n).padStart(8, '0')}`, writer_seq: 1, publisher_seq: 2, society_agreement_number: null, submitter_agreement_number: null });

describeEachEngine('reading committed rows beside the transaction’s own appended rows, at volume', (open) => {
  test('finds both kinds of row batch after batch, and the store stays usable', async () => {
    const store = await open();
    const first = Array.from({ length: committedRows }, (_, n) => linkRow(n));
    await inTransaction(store.db, (tx) => store.engine.bulkInsert(tx, 'registration_links', first));
    const batches = 30;
    await inTransaction(store.db, async (tx) => {
      for (let b = 0; b < batches; b++) {
        const from = committedRows + b * 1000;
        await store.engine.bulkInsert(tx, 'registration_links', Array.from({ length: 1000 }, (_, i) => linkRow(from + i)));
        const wanted = [7, committedRows - 1, from + 3, from + 999].map((n) => linkRow(n).registration_id);
        const rows = await tx.selectFrom('registration_links').select('registration_id').where('registration_id', 'in', wanted).execute();
        assert.deepEqual(rows.map((row) => row.registration_id).sort(), wanted.sort(), `batch ${b}`);
      }
    });
    const { count } = await store.db.selectFrom('registration_links').select((eb) => eb.fn.countAll<bigint>().as('count')).executeTakeFirstOrThrow();
    assert.equal(BigInt(count), BigInt(committedRows + batches * 1000));
  });
});
