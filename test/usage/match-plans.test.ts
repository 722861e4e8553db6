import assert from 'node:assert/strict';
import { join } from 'node:path';
import { generateUsage } from '../../src/usage/generate-usage/generate-usage.js';
import { loadGeneratedCatalogue } from '../../src/usage/use-cases/load-generated-catalogue.js';
import { ingestReport } from '../../src/usage/use-cases/ingest-report.js';
import { describeEachEngine, test } from '../support/engines.js';
import { tempDir } from '../support/temp-dir.js';

const recordings = 20_000;
const dir = tempDir();
// Two months of the same DSP: a small report first, then one 200 times its size.
const small = generateUsage({ out: join(dir, 'small'), lines: 500, recordings, seed: 5, month: '2024-12' });
const large = generateUsage({ out: join(dir, 'large'), lines: 100_000, recordings, seed: 5, month: '2025-01' });

describeEachEngine('matching plans at volume after a small report', (open, engine) => {
  // PostgreSQL once planned the matching INSERT over a large fresh report as nested loops after statistics were
  // gathered on a small one (30,000 lines: 1.8 s → 41.6 s; 300,000: 13 s → 170 s): the timeout is the alarm.
  test('a large report after a small, analysed one is matched whole and right', { timeout: 240_000 }, async () => {
    const store = await open();
    await loadGeneratedCatalogue(store, { recordings, seed: 5 });
    const context = { store, actor: 'tester', clock: () => '2026-01-01T00:00:00Z' };
    const [first] = await ingestReport(context, [(await small).reportFile]);
    assert.equal(first.outcome, 'staged');
    await store.engine.refreshStatistics(store.db, ['usage_resources', 'usage_lines', 'usage_matches', 'dsp_resource_matches', 'recordings', 'recording_works']);
    const [second] = await ingestReport(context, [(await large).reportFile]);
    assert.equal(second.outcome, 'staged', engine);
    const rows = await store.db
      .selectFrom('usage_matches')
      .select(['method', (eb) => eb.fn.countAll<bigint>().as('resources')])
      .where('report_id', '=', second.reportId!)
      .groupBy('method')
      .orderBy('method')
      .execute();
    const byMethod = Object.fromEntries(rows.map((row) => [row.method ?? 'none', Number(row.resources)]));
    const resources = Object.values(byMethod).reduce((sum, count) => sum + count, 0);
    assert.ok(resources > 30_000, `every distinct resource is a unit: ${resources}`);
    assert.ok(byMethod.isrc > resources * 0.8, `most resources matched by ISRC: ${JSON.stringify(byMethod)}`);
    assert.ok((byMethod['dsp-resource'] ?? 0) > 0, 'resources the small report matched are remembered');
  });
});
