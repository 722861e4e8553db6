import assert from 'node:assert/strict';
import { ipiNameNumberWithCheckDigits } from '../../src/identifiers/index.js';
import { importWorksCsv } from '../../src/registry/use-cases/import-works-csv.js';
import { mergeWorks } from '../../src/registry/use-cases/merge-works.js';
import { registerWork } from '../../src/registry/use-cases/register-work.js';
import { registerWorks } from '../../src/registry/use-cases/register-works.js';
import { stageWorksImport } from '../../src/registry/use-cases/staged-works-import.js';
import { inTransaction } from '../../src/store/index.js';
import { describeEachEngine, test } from '../support/engines.js';
import { tempDir } from '../support/temp-dir.js';
import { testContext, writeWorksCsv } from './registry-fixtures.js';

const writer = ipiNameNumberWithCheckDigits('000310000');
const fields = (number: string, title: string) => ({
  submitter_work_number: number, title, ai_composition: 'human', ai_lyrics: 'human', ai_arrangement: 'human',
  party1_role: 'CA', party1_ipi: writer, party1_name: 'Guard Writer', party1_pr_share: '100', party1_mr_share: '100', party1_sr_share: '100',
});
const refused = { code: 'CLEF_REGISTRY_IMPORT_STAGING', message: /a works import of guarded\.csv \(started .*\) is being staged on this store/ };

describeEachEngine('registry changes while a works import is staged', (open, engine) => {
  test('are refused with CLEF_REGISTRY_IMPORT_STAGING and change nothing; once the import ends they go through', async () => {
    const store = await open();
    const context = testContext(store);
    const dir = tempDir();
    await importWorksCsv(context, writeWorksCsv(dir, 'earlier.csv', [`E1,Harbour Light,,human,human,human,CA,${writer},Guard Writer,100,100,100,,,,,,,,,,,`, `E2,Harbor Light,,human,human,human,CA,${writer},Guard Writer,100,100,100,,,,,,,,,,,`]), { submitter: { kind: 'cmo', societyCode: '119' } });
    const works = async () => (await store.db.selectFrom('works').select(['work_id', 'title']).orderBy('work_id').execute()).map((w) => `${w.work_id} ${w.title}`);
    const before = await works();
    assert.deepEqual(before, ['W00000001 Harbour Light', 'W00000002 Harbor Light']);

    await stageWorksImport(context, 'guarded.csv', {}, async (staging) => {
      // A chunk of the import is committed (staged, invisible) when the changes come.
      await staging.chunk((db, staged) => registerWorks(staged, db, []));
      await assert.rejects(registerWork(context, fields('M1', 'Lantern Song'), { kind: 'cmo', societyCode: '119' }), refused);
      await assert.rejects(mergeWorks(context, 'W00000001', 'W00000002'), refused);
      assert.deepEqual(await works(), before);
    });

    const registered = await registerWork(context, fields('M1', 'Lantern Song'), { kind: 'cmo', societyCode: '119' });
    assert.equal(registered.status, 'created');
    await mergeWorks(context, 'W00000001', 'W00000002');
    assert.deepEqual(await works(), ['W00000001 Harbour Light', `${registered.workId} Lantern Song`]);
  });

  // Two changes at once hold the import lock shared and pass; DuckDB has one connection, so two transactions never overlap.
  test('do not refuse each other', { skip: engine === 'duckdb' ? 'DuckDB runs one transaction at a time' : false }, async () => {
    const store = await open();
    const context = testContext(store);
    await inTransaction(store.db, async (tx) => {
      assert.equal(await store.engine.tryTransactionLock(tx, 'registry-import', 'shared'), true);
      const registered = await registerWork(context, fields('M2', 'Second Lantern'), { kind: 'cmo', societyCode: '119' });
      assert.equal(registered.status, 'created');
      assert.equal(await store.engine.tryTransactionLock(tx, 'registry-import', 'exclusive'), true, 'this session alone holds it now');
    });
  });
});
