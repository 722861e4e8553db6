import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { ipiNameNumberWithCheckDigits } from '../../src/identifiers/index.js';
import { searchKeys } from '../../src/registry/search-keys.js';
import { nameKey, titleKey } from '../../src/registry/match-key.js';
import { importWorksCsv } from '../../src/registry/use-cases/import-works-csv.js';
import { searchWorks } from '../../src/registry/use-cases/search-works.js';
import { describeEachEngine, test } from '../support/engines.js';
import { tempDir } from '../support/temp-dir.js';
import { testContext, writeWorksCsv } from './registry-fixtures.js';

const works = 20_000;
const revisions = 200;
const writers = Array.from({ length: 500 }, (_, i) => ({ ipi: ipiNameNumberWithCheckDigits(String(200_000 + i).padStart(9, '0')), name: `Writer${i} Volume` }));
const publishers = Array.from({ length: 50 }, (_, i) => ({ ipi: ipiNameNumberWithCheckDigits(String(800_000 + i).padStart(9, '0')), name: `Volume Music ${i}` }));
/** A word no other work's title holds, so its search key finds this work alone. */
const tag = (i: number) => `vq${i.toString(36)}`;
const titleOf = (i: number) => `Lantern ${['River', 'Golden Hour', 'Night'][i % 3]} ${tag(i)}`;

function row(i: number): string {
  const writer = writers[i % writers.length];
  const publisher = publishers[i % publishers.length];
  const isrc = `GBX01${24 + Math.floor(i / 100_000)}${String(i % 100_000).padStart(5, '0')}`;
  return `V${i},${titleOf(i)},,human,human,human,CA,${writer.ipi},${writer.name},50,50,50,,E,${publisher.ipi},${publisher.name},50,50,50,,${isrc},${titleOf(i)},Volume Band`;
}

describeEachEngine('a works import at volume', (open) => {
  test(`${works} works (three batches, ${revisions} revised in the last) land whole: every work, share, recording and search key`, { timeout: 600_000 }, async () => {
    const context = testContext(await open());
    const rows = Array.from({ length: works }, (_, i) => row(i));
    for (let i = 0; i < revisions; i++) rows.push(row(i));
    const summary = await importWorksCsv(context, writeWorksCsv(tempDir(), 'volume.csv', rows), { submitter: { kind: 'cmo', societyCode: '119' } });
    assert.deepEqual([summary.created, summary.revised, summary.added, summary.rejected, summary.imported], [works, revisions, 0, 0, true]);
    const db = context.store.db;
    const count = async (query: Promise<{ n: unknown }[]>) => Number((await query)[0].n);

    assert.equal(await count(db.selectFrom('works').select((eb) => eb.fn.countAll().as('n')).execute()), works);
    const statuses = await db.selectFrom('registrations').select(['status', (eb) => eb.fn.countAll().as('n')]).groupBy('status').orderBy('status').execute();
    assert.deepEqual(statuses.map((s) => [s.status, Number(s.n)]), [['current', works], ['revised', revisions]]);
    const numbers = await db.selectFrom('registrations').select('submitter_work_number').where('status', '=', 'current').execute();
    assert.deepEqual(new Set(numbers.map((n) => n.submitter_work_number)), new Set(Array.from({ length: works }, (_, i) => `V${i}`)));
    assert.equal(await count(db.selectFrom('registration_parties').select((eb) => eb.fn.countAll().as('n')).execute()), 2 * (works + revisions));
    assert.equal(await count(db.selectFrom('parties').select((eb) => eb.fn.countAll().as('n')).execute()), writers.length + publishers.length);

    // Each work's picture: writer and publisher half each, every right summing to the whole.
    const pictures = await db
      .selectFrom('work_collection_shares')
      .select(['work_id', 'right_code', sql<number>`sum(collection_bp)`.as('total'), (eb) => eb.fn.countAll().as('n')])
      .groupBy(['work_id', 'right_code'])
      .execute();
    assert.equal(pictures.length, works * 3);
    assert.deepEqual(pictures.filter((p) => Number(p.total) !== 10_000 || Number(p.n) !== 2), []);
    assert.equal(await count(db.selectFrom('works').select((eb) => eb.fn.countAll().as('n')).where('in_dispute', '=', true).execute()), 0);

    // A recording per work, linked once though its revision named it again.
    assert.equal(await count(db.selectFrom('recordings').select((eb) => eb.fn.countAll().as('n')).execute()), works);
    assert.equal(await count(db.selectFrom('recording_works').select((eb) => eb.fn.countAll().as('n')).execute()), works);

    // Every work's search keys: its title's words and its writer's names.
    const keys = await db
      .selectFrom('work_search_keys')
      .innerJoin('registrations', 'registrations.work_id', 'work_search_keys.work_id')
      .select(['registrations.submitter_work_number', 'work_search_keys.search_key'])
      .where('registrations.status', '=', 'current')
      .execute();
    const keysOf = new Map<string, Set<string>>();
    for (const { submitter_work_number: number, search_key: key } of keys) keysOf.set(number, (keysOf.get(number) ?? new Set()).add(key));
    const missing: string[] = [];
    for (let i = 0; i < works; i++) {
      const expected = new Set([...searchKeys(titleKey(titleOf(i))), ...searchKeys(nameKey(writers[i % writers.length].name))]);
      const found = keysOf.get(`V${i}`) ?? new Set();
      if (found.size !== expected.size || [...expected].some((key) => !found.has(key))) missing.push(`V${i}: ${[...found].join(' ')}`);
    }
    assert.deepEqual(missing.slice(0, 5), []);
    // The vocabulary's counts add up to the works holding each term, across the batches that wrote them.
    const postings = await db.selectFrom('work_search_keys').select(['search_key', (eb) => eb.fn.countAll().as('n')]).groupBy('search_key').execute();
    const terms = await db.selectFrom('search_terms').select(['term', sql<number>`sum(work_count)`.as('n')]).groupBy('term').execute();
    const frequency = new Map(terms.map((t) => [t.term, Number(t.n)]));
    assert.equal(terms.length, postings.length);
    assert.deepEqual(postings.filter((p) => frequency.get(p.search_key) !== Number(p.n)).slice(0, 5), []);

    const history = await db.selectFrom('history').select(['action', (eb) => eb.fn.countAll().as('n')]).where('entity_kind', '=', 'work').groupBy('action').orderBy('action').execute();
    assert.deepEqual(history.map((h) => [h.action, Number(h.n)]), [['registration revised', revisions], ['work registered', works]]);

    for (const i of [0, 9_999, 10_000, works - 1]) {
      const [hit] = await searchWorks(context, `lantern ${tag(i)}`, 1);
      assert.equal(hit?.title, titleOf(i));
    }
  });
});
