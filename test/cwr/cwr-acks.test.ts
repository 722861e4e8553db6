import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { readCwrTransactions, toCwrAck, type CwrRecord } from '../../src/formats/cwr/index.js';
import { importWorksCwr } from '../../src/registry/use-cases/import-works-cwr.js';
import { describeEachEngine, test } from '../support/engines.js';
import { tempDir } from '../support/temp-dir.js';
import { writeCwrTestFile, type WorkSpec } from './cwr-generator.js';
import { cmoContext, cwrFixture, cwrLines } from './cwr-test-files.js';

/** The ACK records of a file, parsed by the 2.1 layout. */
async function ackRecords(path: string): Promise<CwrRecord[]> {
  const out: CwrRecord[] = [];
  for await (const item of readCwrTransactions(createReadStream(path), { fileName: 'ack.V21' })) {
    if (item.kind === 'transaction' && item.transaction.transactionType === 'ACK') out.push(item.transaction.records[0]);
  }
  return out;
}

/** The MSG records of an ACK file as [type, original record sequence #, original record type, level, validation #, text]. */
const messages = (path: string) =>
  cwrLines(path).filter((l) => l.startsWith('MSG')).map((l) => [l.slice(19, 20), Number(l.slice(20, 28)), l.slice(28, 31), l.slice(31, 32), l.slice(32, 35), l.slice(35).trim()]);

const work = (number: string, title: string, extra: Partial<WorkSpec> = {}): WorkSpec => ({
  number, title,
  publishers: [{ ip: 'P1', name: 'STARLIGHT MUSIC', ipi: '00000000199', society: '052', type: 'E', chain: 1, ownership: [5000, 5000, 5000], territories: [{ tis: 2136, collection: [5000, 10000, 10000] }] }],
  writers: [{ ip: 'W1', lastName: 'LI', firstName: 'WEI', ipi: '00014107338', society: '052', ownership: [5000, 5000, 5000], publisherIp: 'P1' }],
  ...extra,
});

async function importFile(works: WorkSpec[], created = { date: '20180516', time: '091051' }, edit?: (lines: string[]) => string[]) {
  const dir = tempDir();
  const file = await writeCwrTestFile(dir, 'CW180001PUB_000.V21', { senderIpi: '00000000199', senderName: 'STARLIGHT MUSIC', created, works }, edit);
  const ack = join(dir, 'ack.V21');
  return { file, ack };
}

describeEachEngine('ACKs as societies send them', (open) => {
  test("matches BMI's ACK field by field: the original file's creation date and time, the transaction, AS with the society's number", async () => {
    const context = await cmoContext(await open());
    const { file, ack } = await importFile([work('Z128', 'ONE'), work('Z127', 'TWO')]);
    await importWorksCwr(context, file, { ackPath: ack });
    const [ours] = await ackRecords(ack);
    const [bmi] = await ackRecords(cwrFixture('CW220001052_DMP.V21'));
    assert.equal(ours.text.length, bmi.text.length);
    for (const field of ours.layout) {
      if (field.name === 'Recipient Creation #') assert.match(ours.get(field.name)!, /^W\d{8}$/);
      else if (field.name === 'Processing Date') assert.equal(ours.get(field.name), '20260101', 'the day the CMO processed it');
      else assert.equal(ours.get(field.name), bmi.get(field.name), field.name);
    }
  });

  test("answers an accepted REV AS like PRS, with the REV file's own creation date", async () => {
    const context = await cmoContext(await open());
    const first = await importFile([work('MK000003', 'THE MODIFIED WORK')]);
    await importWorksCwr(context, first.file);
    const revision = await importFile([work('MK000003', 'THE MODIFIED WORK', { type: 'REV' })], { date: '20200603', time: '135715' });
    await importWorksCwr(context, revision.file, { ackPath: revision.ack });
    const [ours] = await ackRecords(revision.ack);
    const [prs] = await ackRecords(cwrFixture('CW220001000_DMP.V21'));
    for (const field of ['Creation Date', 'Creation Time', 'Original Group ID', 'Original Transaction Sequence #', 'Original Transaction Type', 'Creation Title', 'Submitter Creation #', 'Transaction Status']) {
      assert.equal(ours.get(field), prs.get(field), field);
    }
    assert.equal(toCwrAck({ version: '2.1', transactionType: 'ACK', records: [ours] })?.status, 'AS');
  });

  test('an unknown record (ALX) and a record with a blank type are rejected alone: AC, R messages on their sequence #, the rest registered', async () => {
    const context = await cmoContext(await open());
    const alx = (lines: string[]) => lines.flatMap((line) => (line.startsWith('PWR') ? [line, `ALX${line.slice(3, 11)}${String(Number(line.slice(11, 19)) + 1).padStart(8, '0')}SOMETHING ELSE`] : [line]));
    const { file, ack } = await importFile([work('S1', 'STRANGE')], undefined, (lines) => {
      const withAlx = alx(lines);
      // A record whose type is blank, in place of the ALX's successor number.
      return withAlx.flatMap((line) => (line.startsWith('ALX') ? [line, `   ${line.slice(3, 11)}${String(Number(line.slice(11, 19)) + 1).padStart(8, '0')}`] : [line]));
    });
    const summary = await importWorksCwr(context, file, { ackPath: ack });
    assert.equal(summary.created, 1);
    const [record] = await ackRecords(ack);
    assert.equal(record.get('Transaction Status'), 'AC');
    const msgs = messages(ack).filter((m) => m[4] === '002');
    assert.deepEqual(msgs.map((m) => m.slice(0, 4)), [['R', 5, 'ALX', 'R'], ['R', 6, '   ', 'R']]);
    assert.ok(cwrLines(ack).every((line) => !line.startsWith('ALX')), 'the rejected record is not echoed');
  });

  test('a stray ACK record ends its transaction and no later transaction is lost', async () => {
    const context = await cmoContext(await open());
    const { file, ack } = await importFile([work('S1', 'FIRST'), work('S2', 'SECOND'), work('S3', 'THIRD')], undefined, (lines) =>
      lines.flatMap((line) => (line.startsWith('PWR00000000') ? [line, `ACK00000000${'00000006'}20180516091051`] : [line])));
    const summary = await importWorksCwr(context, file, { ackPath: ack });
    assert.equal(summary.transactions, 3);
    assert.equal(summary.created, 3);
    assert.equal((await ackRecords(ack)).length, 3);
  });

  test('a registry share rule refusing a transaction is a T message on the record concerned, in words, with the rule number', async () => {
    const context = await cmoContext(await open());
    const { file, ack } = await importFile([work('S1', 'NO WRITER', { writers: [{ ip: 'W1', lastName: 'LI', firstName: 'WEI', ipi: '00014107338', society: '052', ownership: [5000, 5000, 5000], territories: [{ tis: 2136, collection: [6000, 0, 0] }], publisherIp: 'P1' }] })]);
    await importWorksCwr(context, file, { ackPath: ack });
    const [record] = await ackRecords(ack);
    assert.equal(record.get('Transaction Status'), 'RJ');
    const [msg] = messages(ack);
    assert.deepEqual(msg.slice(0, 5), ['T', 2, 'SPT', 'T', '101']);
    assert.doesNotMatch(String(msg[5]), /row \d|registration new|P0000|ipi:/);
    assert.match(String(msg[5]), /STARLIGHT MUSIC|LI, WEI/);
  });
});
