import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { openStore, type Store } from '../../src/store/index.js';
import { generateUsage } from '../../src/usage/generate-usage/generate-usage.js';
import { loadGeneratedCatalogue } from '../../src/usage/use-cases/load-generated-catalogue.js';
import { ingestReport } from '../../src/usage/use-cases/ingest-report.js';
import { freshLocation, engineNames } from '../support/engines.js';
import { tempDir } from '../support/temp-dir.js';

const recordings = 400;
const dir = tempDir();
const generated = generateUsage({ out: dir, lines: 4000, recordings, seed: 7 });
const cleanups: Array<() => Promise<void>> = [];
after(async () => {
  for (const cleanup of cleanups) await cleanup();
});

interface MatchRow {
  readonly dsp_resource_id: string;
  readonly status: string;
  readonly recording_id: string | null;
  readonly work_id: string | null;
  readonly method: string | null;
  readonly confidence: number | null;
  readonly isrc: string | null;
}

async function matchesOn(engine: (typeof engineNames)[number]): Promise<MatchRow[]> {
  const fresh = await freshLocation(engine);
  const store: Store = await openStore(fresh.location);
  cleanups.push(async () => {
    await store.close();
    await fresh.remove();
  });
  const { reportFile } = await generated;
  await loadGeneratedCatalogue(store, { recordings, seed: 7 });
  let tick = 0;
  const [outcome] = await ingestReport({ store, actor: 'tester', clock: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)).toISOString() }, [reportFile]);
  assert.equal(outcome.outcome, 'staged');
  const rows = await store.db
    .selectFrom('usage_matches as m')
    .leftJoin('recordings as r', 'r.recording_id', 'm.recording_id')
    .select(['m.dsp_resource_id', 'm.status', 'm.recording_id', 'm.work_id', 'm.method', 'm.confidence', 'r.isrc'])
    .orderBy('m.dsp_resource_id')
    .execute();
  return rows.map((row) => ({ ...row, confidence: row.confidence === null ? null : Number(row.confidence) }));
}

function truth(): Map<string, string | null> {
  const lines = readFileSync(join(dir, 'truth.csv'), 'utf8').trim().split('\n').slice(1);
  return new Map(lines.map((line) => {
    const [id, isrc] = line.split(',');
    return [id, isrc === '' ? null : isrc];
  }));
}

describe('matching the generated ground truth', () => {
  const results = new Map<string, MatchRow[]>();
  for (const engine of engineNames) {
    const skip = engine === 'postgres' && !process.env.CLEF_TEST_POSTGRES_URL && process.env.CI !== 'true';
    test(`matches at least 99 % of the resources that have a true match, with no wrong match [${engine}]`, { skip }, async () => {
      const rows = await matchesOn(engine);
      results.set(engine, rows);
      const expected = truth();
      assert.equal(rows.length, expected.size);
      let withTruth = 0;
      let right = 0;
      for (const row of rows) {
        const trueIsrc = expected.get(row.dsp_resource_id);
        assert.notEqual(trueIsrc, undefined, `${row.dsp_resource_id} is in truth.csv`);
        if (trueIsrc === null) {
          assert.equal(row.recording_id, null, `${row.dsp_resource_id} has no true match but was matched to ${row.recording_id}`);
          continue;
        }
        withTruth++;
        if (row.recording_id === null) continue;
        assert.equal(row.isrc, trueIsrc, `${row.dsp_resource_id} matched to the wrong recording`);
        assert.equal(row.status, 'matched');
        assert.ok(row.method && row.confidence !== null);
        right++;
      }
      assert.ok(withTruth > 0);
      assert.ok(right / withTruth >= 0.99, `${right} of ${withTruth} matched`);
    });
  }
  test('gives identical matches on both engines', { skip: !process.env.CLEF_TEST_POSTGRES_URL && process.env.CI !== 'true' }, () => {
    assert.ok(results.has('duckdb') && results.has('postgres'), 'both engine runs happened');
    assert.deepEqual(results.get('postgres'), results.get('duckdb'));
  });
});
