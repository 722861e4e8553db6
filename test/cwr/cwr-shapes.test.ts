import assert from 'node:assert/strict';
import { join } from 'node:path';
import { importWorksCwr } from '../../src/registry/use-cases/import-works-cwr.js';
import type { RegistryContext } from '../../src/registry/use-cases/registry-context.js';
import { listCounterclaims, resolveCounterclaim } from '../../src/registry/use-cases/counterclaims.js';
import { listHeldRegistrations, showWork } from '../../src/registry/use-cases/show-work.js';
import { describeEachEngine, test } from '../support/engines.js';
import { tempDir } from '../support/temp-dir.js';
import { writeCwrTestFile, type PublisherSpec, type WorkSpec, type WriterSpec } from './cwr-generator.js';
import { cmoContext, cwrLines } from './cwr-test-files.js';

const starlight = { ip: 'P1', name: 'STARLIGHT MUSIC', ipi: '00000000199', society: '052' } as const;
const writerLi: WriterSpec = { ip: 'W1', lastName: 'LI', firstName: 'WEI', ipi: '00014107338', society: '052', ownership: [5000, 5000, 5000], publisherIp: 'P1' };

/** Imports one generated file and answers [ACK status, the work's shares as "right territory name bp"]. */
async function register(context: RegistryContext, works: WorkSpec[], sender: { ipi: string; name: string } = { ipi: starlight.ipi, name: starlight.name }, time = '101500') {
  const dir = tempDir();
  const file = await writeCwrTestFile(dir, 'CW250001PUB_000.V21', { senderIpi: sender.ipi, senderName: sender.name, created: { date: '20250301', time }, works });
  const ack = join(dir, 'ack.V21');
  const summary = await importWorksCwr(context, file, { ackPath: ack });
  const lines = cwrLines(ack);
  const statuses = lines.filter((l) => l.startsWith('ACK')).map((l) => l.slice(157, 159));
  const workNumber = lines.find((l) => l.startsWith('ACK'))!.slice(127, 147).trim();
  const work = workNumber ? await showWork(context, workNumber) : undefined;
  const shares = (work?.shares ?? []).map((s) => `${s.right} ${s.territory} ${s.name} ${s.collection_bp}`);
  return { summary, statuses, shares, work, messages: lines.filter((l) => l.startsWith('MSG')) };
}

const e = (extra: Partial<PublisherSpec> = {}): PublisherSpec => ({ ...starlight, type: 'E', chain: 1, ownership: [5000, 5000, 5000], ...extra });

describeEachEngine('real-world CWR shapes', (open) => {
  test('E + AM: the administrator collects by its SPT, the original publisher without SPT collects nothing; accepted AS', async () => {
    const context = await cmoContext(await open());
    const { statuses, shares, messages } = await register(context, [{
      number: 'S1', title: 'ADMINISTERED', writers: [writerLi],
      publishers: [e(), { ip: 'P2', name: 'ADMIN CO', ipi: '00000000297', society: '052', type: 'AM', chain: 1, ownership: [0, 0, 0], territories: [{ tis: 2136, collection: [5000, 10000, 10000] }] }],
    }]);
    assert.deepEqual(statuses, ['AS']);
    assert.deepEqual(messages, []);
    assert.deepEqual(shares.sort(), ['MR I2136 ADMIN CO 10000', 'PR I2136 ADMIN CO 5000', 'PR I2136 LI, WEI 5000', 'SR I2136 ADMIN CO 10000']);
  });

  test("E + SE per territory: the E's SPT excludes the United Kingdom, where its sub-publisher collects", async () => {
    const context = await cmoContext(await open());
    const { statuses, shares } = await register(context, [{
      number: 'S2', title: 'SUBPUBLISHED', writers: [writerLi],
      publishers: [
        e({ territories: [{ tis: 2136, collection: [5000, 10000, 10000] }, { tis: 826, exclude: true }] }),
        { ip: 'P3', name: 'UK SUB LTD', ipi: '00000000395', society: '052', type: 'SE', chain: 1, ownership: [0, 0, 0], territories: [{ tis: 826, collection: [5000, 10000, 10000] }] },
      ],
    }]);
    assert.deepEqual(statuses, ['AS']);
    assert.deepEqual(shares.filter((s) => !s.startsWith('SR')).sort(), [
      'MR I0826 UK SUB LTD 10000', 'MR I2136 E0826 STARLIGHT MUSIC 10000',
      'PR I0826 LI, WEI 5000', 'PR I0826 UK SUB LTD 5000', 'PR I2136 E0826 LI, WEI 5000', 'PR I2136 E0826 STARLIGHT MUSIC 5000',
    ]);
  });

  test('E + PA: an income participant shares the chain collection; the writer keeps its PR', async () => {
    const context = await cmoContext(await open());
    const { statuses, shares } = await register(context, [{
      number: 'S3', title: 'PARTICIPATED', writers: [writerLi],
      publishers: [
        e({ territories: [{ tis: 2136, collection: [3000, 7000, 7000] }] }),
        { ip: 'P4', name: 'INCOME PARTNER', ipi: '00000000493', society: '052', type: 'PA', chain: 1, ownership: [0, 0, 0], territories: [{ tis: 2136, collection: [2000, 3000, 3000] }] },
      ],
    }]);
    assert.deepEqual(statuses, ['AS']);
    assert.deepEqual(shares.filter((s) => s.startsWith('PR')).sort(), ['PR I2136 INCOME PARTNER 2000', 'PR I2136 LI, WEI 5000', 'PR I2136 STARLIGHT MUSIC 3000']);
  });

  test('a writer without publisher keeps its shares worldwide', async () => {
    const context = await cmoContext(await open());
    const { statuses, shares } = await register(context, [{ number: 'S4', title: 'SELF PUBLISHED', publishers: [], writers: [{ ...writerLi, ownership: [10000, 10000, 10000], publisherIp: undefined }] }]);
    assert.deepEqual(statuses, ['AS']);
    assert.deepEqual(shares.sort(), ['MR I2136 LI, WEI 10000', 'PR I2136 LI, WEI 10000', 'SR I2136 LI, WEI 10000']);
  });

  test('co-publishing: each publisher registers its half naming the other as OPU/OWR; the second agrees (AS), nothing is held', async () => {
    const context = await cmoContext(await open());
    const moon = { ip: 'P9', name: 'MOONLIGHT SONGS', ipi: '00000000297', society: '052' } as const;
    const writerBo: WriterSpec = { ip: 'W2', lastName: 'BO', firstName: 'LU', ipi: '00014107436', society: '052', ownership: [2500, 2500, 2500], publisherIp: 'P9' };
    const half = (own: typeof starlight | typeof moon, ownWriter: WriterSpec, other: typeof starlight | typeof moon, otherWriter: WriterSpec, number: string): WorkSpec => ({
      number, title: 'TOGETHER', iswc: 'T0345246801',
      publishers: [
        { ...own, type: 'E', chain: 1, ownership: [2500, 2500, 2500], territories: [{ tis: 2136, collection: [2500, 5000, 5000] }] },
        { ...other, type: 'E', chain: 2, controlled: false, ownership: [2500, 2500, 2500] },
      ],
      writers: [{ ...ownWriter, ownership: [2500, 2500, 2500], publisherIp: own.ip }, { ...otherWriter, ownership: [2500, 2500, 2500], controlled: false, publisherIp: undefined }],
    });
    const first = await register(context, [half(starlight, writerLi, moon, writerBo, 'A1')]);
    const second = await register(context, [half(moon, writerBo, starlight, writerLi, 'B1')], { ipi: moon.ipi, name: moon.name });
    assert.deepEqual([first.statuses, second.statuses, first.messages, second.messages], [['AS'], ['AS'], [], []]);
    assert.equal(second.work?.in_dispute, false);
    assert.deepEqual(second.shares.filter((s) => s.startsWith('MR')).sort(), ['MR I2136 MOONLIGHT SONGS 5000', 'MR I2136 STARLIGHT MUSIC 5000']);
    assert.deepEqual(second.shares.filter((s) => s.startsWith('PR')).length, 4);
  });

  test("a publisher's SPT collecting 100 % PR while the writer owns 50 % keeps 50 %: accepted with changes (AC) and an F message", async () => {
    const context = await cmoContext(await open());
    const { statuses, shares, messages } = await register(context, [{ number: 'S6', title: 'GREEDY', writers: [writerLi], publishers: [e({ territories: [{ tis: 2136, collection: [10000, 10000, 10000] }] })] }]);
    assert.deepEqual(statuses, ['AC']);
    assert.deepEqual(shares.filter((s) => s.startsWith('PR')).sort(), ['PR I2136 LI, WEI 5000', 'PR I2136 STARLIGHT MUSIC 5000']);
    assert.equal(messages.length, 1);
    assert.equal(messages[0].slice(19, 20), 'F');
    assert.equal(messages[0].slice(28, 31), 'SPT');
  });

  test('a counterclaim: another publisher claiming the publisher share is answered CO, the agreed writer stays paid; both submitters list it, one resolves it keeping a registration', async () => {
    const context = await cmoContext(await open());
    await register(context, [{ number: 'S7', title: 'CONTESTED', iswc: 'T0345246801', writers: [writerLi], publishers: [e()] }]);
    const rival = { ip: 'R1', name: 'RIVAL MUSIC', ipi: '00000000297', society: '052' } as const;
    const second = await register(context, [{ number: 'R7', title: 'CONTESTED', iswc: 'T0345246801', writers: [{ ...writerLi, publisherIp: 'R1' }], publishers: [{ ...rival, type: 'E', chain: 1, ownership: [5000, 5000, 5000] }] }], { ipi: rival.ipi, name: rival.name });
    assert.deepEqual(second.statuses, ['CO']);
    assert.deepEqual(second.shares.filter((s) => s.startsWith('PR')).sort(), ['PR I2136 HELD IN DISPUTE 5000', 'PR I2136 LI, WEI 5000']);

    // Both submitters can fetch it; it names both registrations and has a deadline by policy (90 days).
    const [forFirst] = await listCounterclaims(context, { submitter: starlight.ipi });
    assert.deepEqual(await listCounterclaims(context, { submitter: rival.ipi }), [forFirst]);
    assert.deepEqual(await listCounterclaims(context, { submitter: '00000000395' }), []);
    assert.deepEqual([forFirst.status, forFirst.deadline, forFirst.overdue], ['open', '2026-04-01', false]);
    assert.deepEqual(forFirst.registrations.map((r) => [r.submitter, r.submitter_work_number]), [['publisher:00000000199', 'S7'], ['publisher:00000000297', 'R7']]);

    const kept = forFirst.registrations[0].registration_id;
    await assert.rejects(resolveCounterclaim(context, forFirst.counterclaim_id, { keep: 'G99999999' }), { code: 'CLEF_USAGE_INVALID_ARGUMENT' });
    const result = await resolveCounterclaim(context, forFirst.counterclaim_id, { keep: kept });
    assert.deepEqual([result.kept, result.withdrawn, result.in_dispute], [kept, [forFirst.registrations[1].registration_id], false]);
    const work = await showWork(context, second.work!.work_id);
    assert.equal(work.in_dispute, false);
    assert.deepEqual(work.shares.filter((s) => s.right === 'PR').map((s) => [s.name, s.collection_bp]).sort(), [['LI, WEI', 5000], ['STARLIGHT MUSIC', 5000]]);
    assert.deepEqual(work.registrations.map((r) => r.status).sort(), ['current', 'withdrawn']);
    const [closed] = await listCounterclaims(context);
    assert.deepEqual([closed.status, closed.resolution], ['resolved', { kept, withdrawn: [forFirst.registrations[1].registration_id], by: context.actor }]);
    await assert.rejects(resolveCounterclaim(context, forFirst.counterclaim_id, { keep: kept }), { code: 'CLEF_USAGE_INVALID_ARGUMENT' });
    assert.ok(work.history.some((h) => h.action === 'counterclaim resolved'));
  });

  test('an NWR reusing a submitter work # revises the work (AS); one changing the writers\' shares is held for review (RA) and the earlier stays in force', async () => {
    const context = await cmoContext(await open());
    const song = (writerShare: number): WorkSpec => ({
      number: 'S8', title: 'RESENT', writers: [{ ...writerLi, ownership: [writerShare, writerShare, writerShare] }],
      publishers: [e({ ownership: [10000 - writerShare, 10000 - writerShare, 10000 - writerShare] })],
    });
    await register(context, [song(5000)]);
    const same = await register(context, [song(5000)], undefined, '101600');
    assert.deepEqual([same.statuses, same.summary.revised, same.summary.held], [['AS'], 1, 0]);
    const changed = await register(context, [song(6000)], undefined, '101700');
    assert.deepEqual([changed.statuses, changed.summary.held, changed.summary.revised], [['RA'], 1, 0]);
    assert.deepEqual(changed.shares.filter((s) => s.startsWith('PR')).sort(), ['PR I2136 LI, WEI 5000', 'PR I2136 STARLIGHT MUSIC 5000']);
    assert.deepEqual(changed.work?.registrations.map((r) => r.status).sort(), ['current', 'held', 'revised']);
    const held = await listHeldRegistrations(context);
    assert.deepEqual(held.map((h) => [h.work_id, h.submitter_work_number]), [[changed.work!.work_id, 'S8']]);
  });

  test('a REV for a work its submitter never registered is rejected (RJ) with a T message, and no work is made', async () => {
    const context = await cmoContext(await open());
    const { statuses, summary, messages } = await register(context, [{ type: 'REV', number: 'NEVER1', title: 'NEVER SENT', writers: [writerLi], publishers: [e()] }]);
    assert.deepEqual([statuses, summary.created, summary.rejected], [['RJ'], 0, 1]);
    assert.equal(messages.length, 1);
    assert.equal(messages[0].slice(19, 20), 'T');
    assert.match(messages[0], /REV of submitter work # NEVER1, which this submitter never registered here/);
  });
});
