import assert from 'node:assert/strict';
import { importWorksCsv } from '../../src/registry/use-cases/import-works-csv.js';
import { LiveSearchIndex } from '../../src/registry/use-cases/live-search-index.js';
import { mergeWorks } from '../../src/registry/use-cases/merge-works.js';
import { searchWorks } from '../../src/registry/use-cases/search-works.js';
import { describeEachEngine, test } from '../support/engines.js';
import { tempDir } from '../support/temp-dir.js';
import { testContext, writeWorksCsv } from './registry-fixtures.js';
import { writeSearchQuerySet } from './search-query-set.js';

const cmo = { submitter: { kind: 'cmo' as const, societyCode: '119' } };

describeEachEngine('the search index a server keeps in memory', (open) => {
  test('answers every query of a generated catalogue exactly as the store does, identifiers included', async () => {
    const context = testContext(await open());
    const set = writeSearchQuerySet(tempDir(), 400);
    assert.equal((await importWorksCsv(context, set.csvPath, cmo)).rejected, 0);
    const live = new LiveSearchIndex(context.store);
    assert.equal(await live.current(), undefined, 'nothing is in memory before the first build');
    await live.settled();
    const stored = await context.store.db.selectFrom('works').select('work_id').execute();
    assert.ok(stored.length >= 400);
    assert.equal((await live.current())?.size, stored.length);
    const [someWork] = await context.store.db.selectFrom('works').select('work_id').orderBy('work_id').limit(1).execute();
    const [title] = await context.store.db.selectFrom('works').select('title').where('title', 'like', '% % %').orderBy('work_id').limit(1).execute();
    const words = title!.title.toLowerCase().split(' ');
    // Words run together, a query longer than the words that rank, punctuation alone, one letter.
    const ugly = [`${words[0]}${words[1]} ${words.slice(2).join(' ')}`, `the${words.join('')}`, Array.from({ length: 40 }, (_, i) => words[i % words.length]).join(' '), '!!!', 'a'];
    for (const query of [...set.queries.map((q) => q.query), ...ugly, someWork!.work_id, 'the', 'zzzz']) {
      assert.deepEqual(await searchWorks({ ...context, searchIndex: live }, query, 5), await searchWorks(context, query, 5), query);
    }
  });

  test('sees what the store’s writers changed since: new works, merges and revisions, before the next answer', async () => {
    const context = testContext(await open());
    const dir = tempDir();
    await importWorksCsv(context, writeWorksCsv(dir, 'a.csv', ['A1,Harbour Lights,,,,,CA,00014107338,SMITH JOHN,100,0,0,,,,,,,,,,,']), cmo);
    const live = new LiveSearchIndex(context.store);
    await live.build();
    const searching = { ...context, searchIndex: live };
    assert.equal((await searchWorks(searching, 'harbor lights'))[0]?.title, 'Harbour Lights');
    assert.deepEqual(await searchWorks(searching, 'midnight ferry'), []);

    await importWorksCsv(context, writeWorksCsv(dir, 'b.csv', ['B1,Midnight Ferry,,,,,CA,00014107338,SMITH JOHN,100,0,0,,,,,,,,,,,']), cmo);
    const [ferry] = await searchWorks(searching, 'midnite ferry');
    assert.equal(ferry?.title, 'Midnight Ferry');

    await importWorksCsv(context, writeWorksCsv(dir, 'c.csv', ['B1,Midnight Ferry,,,,,CA,00014107338,SMITH JOHN,100,0,0,,,,,,,,,,,', 'C1,Harbour Lights,,,,,CA,00014107338,SMITH JOHN,100,0,0,,,,,,,,,,,']), { submitter: { kind: 'cmo', societyCode: '052' } });
    const lights = await searchWorks(searching, 'harbour lights');
    assert.equal(lights.length, 1, 'the same work registered by another submitter stays one work');

    const [harbour] = await searchWorks(context, 'harbour lights');
    await mergeWorks(context, ferry!.work_id, harbour!.work_id);
    const afterMerge = await searchWorks(searching, 'harbour lights');
    assert.ok(afterMerge.every((hit) => hit.work_id !== harbour!.work_id), 'the merged work is gone from the answers');
    assert.deepEqual(afterMerge.map((hit) => hit.work_id), (await searchWorks(context, 'harbour lights')).map((hit) => hit.work_id));
  });

  test('builds itself again after more changes than it patches', async () => {
    const context = testContext(await open());
    const set = writeSearchQuerySet(tempDir(), 60);
    const live = new LiveSearchIndex(context.store, { patchLimit: 10 });
    await live.build();
    assert.equal((await live.current())?.size, 0);
    await importWorksCsv(context, set.csvPath, cmo);
    assert.equal(await live.current(), undefined, 'sixty-odd changed works are more than ten: built again, the store answers meanwhile');
    assert.equal((await searchWorks({ ...context, searchIndex: live }, '月亮'))[0]?.title, '月亮代表我的心');
    await live.settled();
    assert.equal((await live.current())?.size, (await context.store.db.selectFrom('works').select('work_id').execute()).length);
  });
});
