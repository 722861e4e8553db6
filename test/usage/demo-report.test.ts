import assert from 'node:assert/strict';
import { describeEachEngine, test } from '../support/engines.js';
import { loadGeneratedCatalogue } from '../../src/usage/use-cases/load-generated-catalogue.js';
import { ingestDemoReport } from '../../src/usage/use-cases/ingest-demo-report.js';

describeEachEngine('the demo report', (open) => {
  test('is staged and matches every catalogue recording, by ISRC and by title and artist, but not the unknown one', async () => {
    const store = await open();
    await loadGeneratedCatalogue(store, { recordings: 20, seed: 5 });
    const rates = await ingestDemoReport({ store, actor: 'demo', clock: () => '2026-01-01T00:00:00.000Z' });
    assert.equal(rates.resources, 21);
    assert.equal(rates.matched_resources, 20);
    const methods = await store.db.selectFrom('usage_matches').select('method').where('method', 'is not', null).execute();
    assert.ok(methods.some((m) => m.method === 'title-artist'));
    assert.ok(rates.match_rate_usages > 0.9 && rates.match_rate_usages < 1);
  });
});
