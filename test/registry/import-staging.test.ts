import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { ipiNameNumberWithCheckDigits } from '../../src/identifiers/index.js';
import { importWorksCsv } from '../../src/registry/use-cases/import-works-csv.js';
import type { ClefDatabase } from '../../src/store/index.js';
import { stagedTables } from '../../src/store/registry/staged-import.js';
import { runClef } from '../cli/run-clef.js';
import { killClefWhen } from '../cli/spawn-clef.js';
import { describeEachEngine, test, withStore } from '../support/engines.js';
import { tempDir } from '../support/temp-dir.js';
import { registryDump } from './registry-dump.js';
import { testContext, writeWorksCsv } from './registry-fixtures.js';

const writers = Array.from({ length: 40 }, (_, i) => ({ ipi: ipiNameNumberWithCheckDigits(String(300_000 + i).padStart(9, '0')), name: `Writer${i} Staged` }));
const publishers = Array.from({ length: 8 }, (_, i) => ({ ipi: ipiNameNumberWithCheckDigits(String(900_000 + i).padStart(9, '0')), name: `Staged Music ${i}` }));

/** A works CSV row: work `i` by its writer and publisher, half each, with a recording; `publisher` moves the publisher half. */
function row(i: number, title = `Ember ${i.toString(36)} Song`, publisher = publishers[i % publishers.length]): string {
  const writer = writers[i % writers.length];
  return `S${i},${title},,human,human,human,CA,${writer.ipi},${writer.name},50,50,50,,E,${publisher.ipi},${publisher.name},50,50,50,,GBY0126${String(i).padStart(5, '0')},${title},Staged Band`;
}

const earlier = Array.from({ length: 300 }, (_, i) => row(i));
/** 12,000 works over two chunks of 10,000: revises the 300 earlier works (the first 100 retitled), 100 of them contested by `otherSubmitter`. */
const large = [
  ...Array.from({ length: 100 }, (_, i) => row(i, `Ember ${i.toString(36)} Song Revised`)),
  ...Array.from({ length: 11_900 }, (_, i) => row(i + 100)),
];
const otherSubmitter = Array.from({ length: 100 }, (_, i) => row(100 + i, undefined, publishers[(i + 1) % publishers.length]).replace(/^S/, 'T'));


/** Rows in the staging: the twins, the intents and the imports recorded. */
async function stagedRows(db: Kysely<ClefDatabase>): Promise<number> {
  let total = 0;
  for (const table of [...stagedTables.map((t) => `staged_${t}`), 'staged_revisions', 'staged_closures', 'staged_pictures', 'registry_imports']) {
    total += Number((await sql<{ n: unknown }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db)).rows[0].n);
  }
  return total;
}

const counters = async (db: Kysely<ClefDatabase>) => (await db.selectFrom('id_counters').selectAll().orderBy('kind').execute()).map((c) => `${c.kind}=${c.next_value}`);

describeEachEngine('a works import staged in committed chunks', (open, _engine, location) => {
  test('twins have their table\'s columns in the same order', async () => {
    const { db } = await open();
    const columns = async (table: string) =>
      (await sql<{ column_name: string }>`SELECT column_name FROM information_schema.columns WHERE table_name = ${table} ORDER BY ordinal_position`.execute(db)).rows.map((r) => r.column_name);
    for (const table of stagedTables) assert.deepEqual(await columns(`staged_${table}`), await columns(table), table);
  });

  test('a killed import shows none of its works; the next import or --discard removes its chunks; imported again the file gives the registry a clean import gives', { timeout: 600_000 }, async () => {
    const dir = tempDir();
    const first = writeWorksCsv(dir, 'earlier.csv', earlier);
    const contest = writeWorksCsv(dir, 'contest.csv', otherSubmitter);
    const file = writeWorksCsv(dir, 'large.csv', large);
    const killed = await location();
    const clean = await location();
    for (const db of [killed, clean]) {
      assert.equal((await runClef(['works', 'import', first, '--submitter', 'SO:119', '--db', db])).status, 0);
      assert.equal((await runClef(['works', 'import', contest, '--submitter', 'SO:052', '--db', db])).status, 0);
    }
    const before = await withStore(killed, (store) => registryDump(store.db));
    const countersBefore = await withStore(killed, (store) => counters(store.db));

    const run = await killClefWhen(['works', 'import', file, '--submitter', 'SO:119', '--db', killed], /registrations staged/);
    assert.equal(run.signal, 'SIGKILL', `killed mid-file, not finished: ${run.stderr}`);
    assert.match(run.stderr, /large\.csv: 10000 registrations staged \(committed, not yet visible\)/);
    await withStore(killed, async (store) => {
      assert.ok(Number((await store.db.selectFrom('staged_works').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n) > 9000, 'the first chunk is committed');
      assert.deepEqual(await registryDump(store.db), before, 'the registry shows nothing of the file: no work, registration, revision, picture or history');
    });
    const search = await runClef(['works', 'search', 'Ember 2s0 Song', '--json', '--db', killed]);
    assert.equal(search.status, 0);
    assert.deepEqual((JSON.parse(search.stdout) as { title: string }[]).filter((hit) => hit.title === 'Ember 2s0 Song'), [], 'a work of the killed file is not found');
    const shown = await runClef(['works', 'show', 'W00000001', '--json', '--db', killed]);
    assert.equal(shown.status, 0, shown.stderr);
    assert.equal(shown.stdout.includes('Revised'), false, 'the revision of an earlier work is not shown');

    const discard = await runClef(['works', 'import', '--discard', '--db', killed]);
    assert.equal(discard.status, 0, discard.stderr);
    assert.match(discard.stderr, /removed what the import of large\.csv .* staged before it stopped mid-file: 1 chunks, 10000 registrations/);
    assert.match(discard.stdout, /1 staged import removed/);
    await withStore(killed, async (store) => {
      assert.equal(await stagedRows(store.db), 0);
      assert.deepEqual((await counters(store.db)).filter((c) => !c.startsWith('history=')), countersBefore.filter((c) => !c.startsWith('history=')), 'the id counters the import moved are back');
      assert.deepEqual(await registryDump(store.db), before);
    });

    for (const db of [killed, clean]) {
      const imported = await runClef(['works', 'import', file, '--submitter', 'SO:119', '--db', db]);
      assert.equal(imported.status, 0, imported.stderr);
      assert.match(imported.stdout, /12000 rows; created 11700, added 0, revised 300, rejected 0, in dispute 100/);
    }
    const [afterKilled, afterClean] = [await withStore(killed, (store) => registryDump(store.db)), await withStore(clean, (store) => registryDump(store.db))];
    assert.deepEqual(afterKilled, afterClean);
    assert.equal(afterClean.works.length, 300 + 11_700);
    assert.equal(await withStore(killed, (store) => stagedRows(store.db)), 0);
    const found = await runClef(['works', 'search', 'Ember 2s0 Song', '--json', '--db', killed]);
    assert.ok((JSON.parse(found.stdout) as { title: string }[]).some((hit) => hit.title === 'Ember 2s0 Song'), 'accepted, the file is searchable');
  });

  test('the next import removes what a killed one left before staging its own', { timeout: 600_000 }, async () => {
    const dir = tempDir();
    const file = writeWorksCsv(dir, 'large.csv', large);
    const db = await location();
    const run = await killClefWhen(['works', 'import', file, '--submitter', 'SO:119', '--db', db], /registrations staged/);
    assert.equal(run.signal, 'SIGKILL');
    const small = writeWorksCsv(dir, 'small.csv', earlier.slice(0, 5));
    const imported = await runClef(['works', 'import', small, '--submitter', 'SO:119', '--db', db]);
    assert.equal(imported.status, 0, imported.stderr);
    assert.match(imported.stderr, /removed what the import of large\.csv/);
    await withStore(db, async (store) => {
      assert.equal(await stagedRows(store.db), 0);
      const works = await store.db.selectFrom('works').select(['work_id', 'title']).orderBy('work_id').execute();
      assert.deepEqual(works.map((w) => [w.work_id, w.title]), earlier.slice(0, 5).map((_, i) => [`W0000000${i + 1}`, `Ember ${i.toString(36)} Song`]), 'numbered as if the killed import had never run');
    });
  });

  test('a file refused after several committed chunks leaves nothing: no row, revision or id taken', { timeout: 600_000 }, async () => {
    const store = await open();
    const context = testContext(store);
    const dir = tempDir();
    await importWorksCsv(context, writeWorksCsv(dir, 'earlier.csv', earlier), { submitter: { kind: 'cmo', societyCode: '119' } });
    const before = await registryDump(store.db);
    const countersBefore = await counters(store.db);
    const chunks: number[] = [];
    const invalid = [...large, ...large.slice(0, 9000).map((r) => r.replace(/^S/, 'U')), 'bad,,,human,human,human,CA,,,50,50,50,,,,,,,,,,,'];
    const summary = await importWorksCsv(context, writeWorksCsv(dir, 'refused.csv', invalid), { submitter: { kind: 'cmo', societyCode: '119' }, onStaged: (n) => chunks.push(n) });
    assert.equal(summary.imported, false);
    assert.equal(summary.rejected, 1);
    assert.deepEqual(chunks.slice(0, 2), [10_000, 20_000], 'refused only after chunks were committed');
    assert.deepEqual(await registryDump(store.db), before);
    assert.equal(await stagedRows(store.db), 0);
    assert.deepEqual((await counters(store.db)).filter((c) => !c.startsWith('history=')), countersBefore.filter((c) => !c.startsWith('history=')));
  });
});
