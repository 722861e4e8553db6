import assert from 'node:assert/strict';
import { importWorksCsv } from '../../src/registry/use-cases/import-works-csv.js';
import { searchWorks } from '../../src/registry/use-cases/search-works.js';
import { markSearchIndexPending } from '../../src/store/registry/search-index-queries.js';
import { describeEachEngine, test } from '../support/engines.js';
import { tempDir } from '../support/temp-dir.js';
import { testContext } from './registry-fixtures.js';
import { writeSearchQuerySet } from './search-query-set.js';

describeEachEngine('search recall on a generated catalogue', (open) => {
  test('finds the work in the first five for ≥ 95 % of typo, accent, article, surname-only and Chinese queries, each kind', async () => {
    const context = testContext(await open());
    const set = writeSearchQuerySet(tempDir(), 1500);
    const summary = await importWorksCsv(context, set.csvPath, { submitter: { kind: 'cmo', societyCode: '119' } });
    assert.equal(summary.rejected, 0);
    const numberOf = new Map<string, string>();
    for (const row of await context.store.db.selectFrom('registrations').select(['work_id', 'submitter_work_number']).execute()) numberOf.set(row.work_id, row.submitter_work_number);
    const found = new Map<string, number>();
    const asked = new Map<string, number>();
    const missed: string[] = [];
    for (const { kind, query, submitterWorkNumber } of set.queries) {
      const hits = await searchWorks(context, query, 5);
      asked.set(kind, (asked.get(kind) ?? 0) + 1);
      if (hits.some((hit) => numberOf.get(hit.work_id) === submitterWorkNumber)) found.set(kind, (found.get(kind) ?? 0) + 1);
      else missed.push(`${kind}: ${query} → ${hits.map((hit) => `${hit.title} ${hit.score}`).join(' | ')}`);
    }
    assert.deepEqual([...asked.keys()].sort(), ['accent', 'article', 'chinese', 'surname', 'typo']);
    for (const [kind, count] of asked) assert.ok((found.get(kind) ?? 0) / count >= 0.95, `${kind}: ${found.get(kind) ?? 0} of ${count}\n${missed.join('\n')}`);
  });

  test('finds a title with a space left out, and ignores an added leading article', async () => {
    const context = testContext(await open());
    const set = writeSearchQuerySet(tempDir(), 300);
    await importWorksCsv(context, set.csvPath, { submitter: { kind: 'cmo', societyCode: '119' } });
    const titles = (await context.store.db.selectFrom('works').select(['work_id', 'title']).orderBy('work_id').execute()).filter((work) => /^[a-z]+ [a-z]+ [a-z]+$/i.test(work.title)).slice(0, 10);
    assert.equal(titles.length, 10);
    for (const { work_id, title } of titles) {
      const [first, second, third] = title.split(' ');
      for (const query of [`${first}${second} ${third}`, `${first} ${second}${third}`, `the${first} ${second} ${third}`]) {
        const hits = await searchWorks(context, query, 5);
        assert.ok(hits.some((hit) => hit.work_id === work_id), `${query} → ${hits.map((hit) => hit.title).join(' | ')}`);
      }
    }
  });

  test('shows creators and finds 「月亮代表我的心」 by 「月亮」 and by its writer’s surname alone', async () => {
    const context = testContext(await open());
    const set = writeSearchQuerySet(tempDir(), 30);
    await importWorksCsv(context, set.csvPath, { submitter: { kind: 'cmo', societyCode: '119' } });
    const [moon] = await searchWorks(context, '月亮');
    assert.equal(moon.title, '月亮代表我的心');
    assert.deepEqual(moon.creators, ['WENG, Ching-hsiang']);
    const [bySurname] = await searchWorks(context, 'weng');
    assert.deepEqual([bySurname.title, bySurname.matched_by], ['月亮代表我的心', 'creator']);
  });

  test('indexes the stored works before the first search when migration 0010 marked them as predating the index', async () => {
    const context = testContext(await open());
    const set = writeSearchQuerySet(tempDir(), 30);
    await importWorksCsv(context, set.csvPath, { submitter: { kind: 'cmo', societyCode: '119' } });
    const db = context.store.db;
    const before = await db.selectFrom('work_search_keys').select(['work_id', 'search_key']).orderBy('work_id').orderBy('search_key').execute();
    for (const table of ['work_search_keys', 'search_terms', 'search_term_variants'] as const) await db.deleteFrom(table).execute();
    assert.deepEqual(await searchWorks(context, '月亮'), []);
    await markSearchIndexPending(db, true);
    assert.equal((await searchWorks(context, '月亮'))[0].title, '月亮代表我的心');
    const after = await db.selectFrom('work_search_keys').select(['work_id', 'search_key']).orderBy('work_id').orderBy('search_key').execute();
    assert.deepEqual(after, before);
    assert.equal((await db.selectFrom('clef_meta').select('key').where('key', '=', 'search_index').execute()).length, 0);
    assert.equal((await searchWorks(context, 'wengg'))[0].title, '月亮代表我的心');
  });
});
