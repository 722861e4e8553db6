import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../src/store/index.js';
import { runClef } from '../cli/run-clef.js';
import { describeEachEngine, test } from '../support/engines.js';
import { januaryReport, preparedLocation } from './distribution-setup.js';

const starlight = '00012347128';
const jadeRiver = '00012347814';
const jadeRiverCsv = fileURLToPath(new URL('../../data/demo/works-jade-river.csv', import.meta.url));

async function clef(...args: string[]): Promise<string> {
  const result = await runClef(args);
  assert.equal(result.status, 0, `${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** What the ledger holds, by account, for one work across every run (or the runs given). */
async function bookedFor(db: string, workId: string, runIds?: readonly string[]) {
  const store = await openStore(db);
  try {
    let query = store.db.selectFrom('ledger_entries').select(['account_kind', 'account_id', 'party_id', 'amount_micros', 'run_id']).where('work_id', '=', workId);
    if (runIds) query = query.where('run_id', 'in', [...runIds]);
    const rows = await query.execute();
    const sum = (pick: (r: (typeof rows)[number]) => boolean) => rows.filter(pick).reduce((t, r) => t + BigInt(r.amount_micros), 0n);
    const partyOf = async (ipi: string) => (await store.db.selectFrom('party_ipi_names').select('party_id').where('ipi_name_number', '=', ipi).executeTakeFirstOrThrow()).party_id;
    return { sum, total: sum(() => true), starlight: await partyOf(starlight), jadeRiver: await partyOf(jadeRiver) };
  } finally {
    await store.close();
  }
}

describeEachEngine('resolving a counterclaim by shares releases the disputed money', (_open, _engine, location) => {
  test('`disputes resolve --shares` decides the contested cells, and an adjustment pays the disputed reserve out to the parties to the micro-unit', async () => {
    const db = await preparedLocation(location, [januaryReport()]);
    await clef('distribute', '--period', '2025-01', '--db', db);
    const { counterclaims } = JSON.parse(await clef('works', 'disputes', '--json', '--db', db)) as { counterclaims: { counterclaim_id: string; work_id: string; title: string }[] };
    const contested = counterclaims.find((c) => c.title === 'Golden Hour')!;
    const before = await bookedFor(db, contested.work_id);
    const held = before.sum((r) => r.account_id === 'disputed');
    assert.ok(held > 0n, 'the publisher share of Golden Hour was held');

    // Malformed or incomplete decisions change nothing.
    const refusals: [string[], RegExp][] = [
      [['--shares', `PR:${starlight}=60,${jadeRiver}=50`], /CLEF_REGISTRY_RESOLUTION_INVALID: \(shares\): --shares PR adds up to 110\.00 %/],
      [['--shares', `PR:${starlight}=50,${jadeRiver}=0`], /CLEF_REGISTRY_RESOLUTION_INVALID: \(shares\): MR is in dispute: give --shares MR:IPI=PERCENT,… for 00012347128, 00012347814/],
      [['--shares', `PR:${starlight}=50`, `MR:${starlight}=50,${jadeRiver}=0`, `SR:${starlight}=50,${jadeRiver}=0`], /must give 00012347814 a share/],
      [['--shares', `PR:00012345036=50,${starlight}=50,${jadeRiver}=0`, `MR:${starlight}=50,${jadeRiver}=0`, `SR:${starlight}=50,${jadeRiver}=0`], /00012345036 has no contested PR claim/],
      [['--shares', 'PR:00000000000=50'], /IPI 00000000000, which no party has/],
      [['--shares', 'PR:00012347814=50', 'MR:00012347814=50', 'SR:00012347814=50'], /--shares PR must give 00012347128 a share/],
      [['--shares', 'XX:1=2'], /is not RIGHT:IPI=PERCENT/],
    ];
    for (const [args, message] of refusals) {
      const refused = await runClef(['works', 'disputes', 'resolve', contested.counterclaim_id, ...args, '--db', db]);
      assert.equal(refused.status, 1, refused.stdout);
      assert.match(refused.stderr, message);
    }
    const both = await runClef(['works', 'disputes', 'resolve', contested.counterclaim_id, '--keep', 'G1', '--shares', 'PR:1=1', '--db', db]);
    assert.equal(both.status, 2);

    const resolved = JSON.parse(await clef('works', 'disputes', 'resolve', contested.counterclaim_id, '--shares', `PR:${starlight}=30,${jadeRiver}=20`, '--shares', `MR:${starlight}=25,${jadeRiver}=25`, '--shares', `SR:${starlight}=50,${jadeRiver}=0`, '--json', '--db', db)) as {
      in_dispute: boolean; released: { adjusts: string; run_id: string }[];
    };
    assert.equal(resolved.in_dispute, false);
    assert.equal(resolved.released.length, 1);
    const adjustment = resolved.released[0].run_id;
    const released = await bookedFor(db, contested.work_id, [adjustment]);
    assert.equal(released.sum((r) => r.account_id === 'disputed'), -held, 'the adjustment takes out all the reserve held');
    const paid = released.sum((r) => r.account_id === released.starlight) + released.sum((r) => r.account_id === released.jadeRiver);
    assert.equal(paid, held, 'and pays exactly that to the two publishers');
    assert.ok(released.sum((r) => r.account_id === released.jadeRiver) > 0n && released.sum((r) => r.account_id === released.starlight) > released.sum((r) => r.account_id === released.jadeRiver));
    const after = await bookedFor(db, contested.work_id);
    assert.equal(after.sum((r) => r.account_id === 'disputed'), 0n);
    assert.equal(after.total, before.total, 'the work\'s money is the same, only where it goes changed');

    // The decision stands when the work's picture is derived again from the same registrations.
    await clef('works', 'import', jadeRiverCsv, '--submitter', `PB:${jadeRiver}`, '--db', db);
    const shown = JSON.parse(await clef('works', 'show', contested.work_id, '--json', '--db', db)) as { in_dispute: boolean };
    assert.equal(shown.in_dispute, false);
    const runs = JSON.parse(await clef('runs', 'list', '--json', '--db', db)) as unknown[];
    const again = JSON.parse(await clef('distribute', '--adjust', resolved.released[0].adjusts, '--json', '--db', db)) as { run_id: string | null };
    assert.equal(again.run_id, null, 'nothing is left to adjust');
    assert.equal((JSON.parse(await clef('runs', 'list', '--json', '--db', db)) as unknown[]).length, runs.length);
  });
});
