import assert from 'node:assert/strict';
import { describeEachEngine, test } from '../support/engines.js';
import { tempDir } from '../support/temp-dir.js';
import type { Store } from '../../src/store/index.js';
import { generateUsage } from '../../src/usage/generate-usage/generate-usage.js';
import { loadGeneratedCatalogue } from '../../src/usage/use-cases/load-generated-catalogue.js';
import { ingestReport } from '../../src/usage/use-cases/ingest-report.js';
import { listReports } from '../../src/usage/use-cases/list-reports.js';
import { listUnmatched, matchManually, rematch } from '../../src/usage/use-cases/worklists.js';

const recordings = 200;
const first = generateUsage({ out: tempDir(), lines: 1500, recordings, seed: 11 });
const corrected = generateUsage({ out: tempDir(), lines: 1400, recordings, seed: 12 });

function context(store: Store) {
  let tick = 0;
  return { store, actor: 'tester', clock: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)).toISOString() };
}

describeEachEngine('usage worklists', (open) => {
  test('rematch after the catalogue arrives matches what was unmatched, and the rates follow', async () => {
    const store = await open();
    const [outcome] = await ingestReport(context(store), [(await first).reportFile]);
    assert.equal(outcome.outcome, 'staged');
    const before = await listUnmatched(context(store), { period: '2025-01' }, 10_000);
    assert.equal(before.length, (await listReports(context(store)))[0].resources);
    assert.ok(before[0].usages >= before[before.length - 1].usages, 'ranked by usage');
    await loadGeneratedCatalogue(store, { recordings, seed: 11 });
    assert.deepEqual(await rematch(context(store), { period: '2025-01' }), { reports: 1 });
    const [report] = await listReports(context(store));
    assert.ok(report.match_rate_resources > 0.9 && report.match_rate_resources < 1, String(report.match_rate_resources));
    assert.ok(report.match_rate_usages > 0.5);
    const after = await listUnmatched(context(store), {}, 10_000);
    assert.equal(after.length, report.resources - report.matched_resources);
  });

  test('a manual match applies to the reports that used the resource and is kept through a rematch', async () => {
    const store = await open();
    await loadGeneratedCatalogue(store, { recordings, seed: 11 });
    await ingestReport(context(store), [(await first).reportFile]);
    const [top] = await listUnmatched(context(store));
    const { reports } = await matchManually(context(store), top.resource, { workId: 'GW00000003', recordingId: null });
    assert.equal(reports, 1);
    await rematch(context(store), {});
    const [dpid, id] = [top.resource.slice(0, top.resource.indexOf(':')), top.resource.slice(top.resource.indexOf(':') + 1)];
    const row = await store.db.selectFrom('usage_matches').selectAll().where('sender_dpid', '=', dpid).where('dsp_resource_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.method, 'manual');
    assert.equal(row.work_id, 'GW00000003');
    assert.equal(row.status, 'work');
    assert.ok(!(await listUnmatched(context(store), {}, 10_000)).some((u) => u.resource === top.resource));
  });

  test('a corrected resend replaces an undistributed report, and flags a distributed one for adjustment', async () => {
    const store = await open();
    const [original] = await ingestReport(context(store), [(await first).reportFile]);
    const [resend] = await ingestReport(context(store), [(await corrected).reportFile], { replaces: original.messageId! });
    assert.equal(resend.outcome, 'staged');
    const reports = await store.db.selectFrom('usage_reports').selectAll().orderBy('report_id').execute();
    assert.equal(reports[0].status, 'replaced');
    assert.equal(reports[0].needs_adjustment, false);
    assert.equal(BigInt(reports[0].replaced_by!), BigInt(reports[1].report_id));
    assert.equal(BigInt(reports[1].replaces!), BigInt(reports[0].report_id));
    assert.deepEqual((await listReports(context(store))).map((r) => r.status), ['replaced', 'complete']);

    const other = await open();
    const [distributed] = await ingestReport(context(other), [(await first).reportFile]);
    await other.db.updateTable('usage_reports').set({ distributed: true }).where('message_id', '=', distributed.messageId!).execute();
    await ingestReport(context(other), [(await corrected).reportFile], { replaces: distributed.messageId! });
    const flagged = await other.db.selectFrom('usage_reports').selectAll().where('message_id', '=', distributed.messageId!).executeTakeFirstOrThrow();
    assert.equal(flagged.status, 'replaced');
    assert.equal(flagged.needs_adjustment, true);
  });
});
