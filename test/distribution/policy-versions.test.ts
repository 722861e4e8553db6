import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFxRate } from '../../src/distribution/use-cases/fx-rates.js';
import { runClef } from '../cli/run-clef.js';
import { describeEachEngine, test } from '../support/engines.js';
import { repoRoot } from '../support/repo-paths.js';
import { tempDir } from '../support/temp-dir.js';
import { januaryReport, preparedLocation } from './distribution-setup.js';

describeEachEngine('distribution policies are immutable under their version name', (_open, _engine, location) => {
  test('a 50 % file under the stored name default-1 is refused, and an adjustment with nothing changed books nothing', async () => {
    const db = await preparedLocation(location, [januaryReport(), { ...januaryReport(), month: '2025-02', serial: 2 }], (context) =>
      setFxRate(context, { from: 'EUR', to: 'CNY', period: '2025-02', rate: '7.8125' }),
    );
    const policy = JSON.parse(readFileSync(join(repoRoot, 'data/policies/default-1.json'), 'utf8'));
    const greedy = join(tempDir(), 'greedy.json');
    writeFileSync(greedy, JSON.stringify({ ...policy, commissionBasisPoints: 5000 }));
    const first = await runClef(['distribute', '--period', '2025-01', '--db', db, '--json']);
    assert.equal(first.status, 0, first.stderr);
    const runId = JSON.parse(first.stdout).run_id as string;
    const refused = await runClef(['distribute', '--period', '2025-02', '--policy', greedy, '--db', db]);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /CLEF_DISTRIBUTION_POLICY_CHANGED: .*policy version "default-1" is stored with digest [0-9a-f]{64}; this file's content \(digest [0-9a-f]{64}\) differs/);
    const runs = JSON.parse((await runClef(['runs', 'list', '--db', db, '--json'])).stdout) as { run_id: string }[];
    assert.deepEqual(runs.map((r) => r.run_id), [runId], 'the refused run booked nothing');
    const renamed = join(tempDir(), 'greedy-2.json');
    writeFileSync(renamed, JSON.stringify({ ...policy, version: 'greedy-2', commissionBasisPoints: 5000 }));
    const second = await runClef(['distribute', '--period', '2025-02', '--policy', renamed, '--db', db, '--json']);
    assert.equal(second.status, 0, second.stderr);
    const adjusted = await runClef(['distribute', '--adjust', runId, '--db', db, '--json']);
    assert.equal(adjusted.status, 0, adjusted.stderr);
    assert.deepEqual(JSON.parse(adjusted.stdout), { run_id: null, skipped: [] }, 'the run is recomputed under its own policy: nothing moves');
    const greedyAdjusted = await runClef(['distribute', '--adjust', JSON.parse(second.stdout).run_id, '--db', db, '--json']);
    assert.deepEqual(JSON.parse(greedyAdjusted.stdout), { run_id: null, skipped: [] }, 'a run under another version is adjusted under that version');
    const withPolicy = await runClef(['distribute', '--adjust', runId, '--policy', greedy, '--db', db]);
    assert.equal(withPolicy.status, 2);
    assert.match(withPolicy.stderr, /CLEF_USAGE_INVALID_ARGUMENT: .*own stored policy/);
  });
});
