import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { fixturePath } from '../../../test/support/repo-paths.js';
import { readCwrTransactions, type CwrTransaction } from './read-cwr-transactions.js';
import { toCwrAck } from './to-cwr-ack.js';
import { toCwrWork } from './to-cwr-work.js';

async function transactionsOf(name: string): Promise<CwrTransaction[]> {
  const found: CwrTransaction[] = [];
  for await (const item of readCwrTransactions(createReadStream(fixturePath('cwr', name)), { fileName: name })) {
    if (item.kind === 'transaction') found.push(item.transaction);
  }
  return found;
}

test('reads the DMP NWR into a work with publishers, writers, shares, territories, PWR links, titles, version and origin', async () => {
  const [transaction] = await transactionsOf('CW220001DMP_000.V21');
  const work = toCwrWork(transaction);
  assert.ok(work);
  assert.equal(work.title, 'MUSIC PUB CARTOONS');
  assert.equal(work.submitterWorkNumber, 'DMP000001');
  assert.equal(work.iswc, 'T1234567894');
  assert.equal(work.versionType, 'MOD');
  assert.equal(work.copyrightDate, undefined);
  assert.deepEqual(work.publishers.map((p) => [p.controlled, p.sequence, p.name, p.publisherType, p.ipiNameNumber, p.ownership]), [
    [true, 1, 'TEST PUBLISHER', 'E', '09000000020', { PR: 3750, MR: 7500, SR: 7500 }],
    [false, 2, undefined, 'E', '00000000000', { PR: 1250, MR: 2500, SR: 2500 }],
  ]);
  assert.deepEqual(work.publishers[0].territories, [{ include: true, tis: 2136, collection: { PR: 3750, MR: 7500, SR: 7500 }, sequence: 1, sharesChange: false }]);
  assert.deepEqual(work.writers.map((w) => [w.controlled, w.lastName, w.designation, w.ipiNameNumber, w.ownership.PR, w.publishers.map((p) => p.societyAgreementNumber ?? '-')]), [
    [true, 'KOLARIC', 'AR', '00000000199', 2500, ['J44VA']],
    [true, 'OTHER', 'AD', '00000000297', 2500, ['-']],
    [false, undefined, 'CA', '00000000000', 0, []],
  ]);
  assert.equal(work.writers[0].ipiBaseNumber, 'I-123456789-3');
  assert.deepEqual(work.alternateTitles.map((t) => `${t.titleType} ${t.title}`), [
    'TE MPC ACADEMY', 'AT MUSIC PUB CARTOONS SUFFIX', 'AT MUSIC PUB CARTOONS SUFFIX CO-SUFFIX', 'AT WORK RECORDING', 'AT WORK RECORDING FEAT. TESTING',
  ]);
  assert.equal(work.originalWork?.title, 'MUSIC PUB CARTOONS');
  assert.equal(work.origins[0]['Library'], 'MUSIC LIBRARY');
  assert.equal(work.origins[0]['CD Identifier'], 'ML001');
  assert.equal(work.records.length, 18);
});

test('reads the PRS acknowledgements: status, society work number, dates and the echoed REV with its ISWC', async () => {
  const acks = (await transactionsOf('CW220001000_DMP.V21')).map(toCwrAck);
  assert.deepEqual(acks.map((a) => [a?.status, a?.originalTransactionType, a?.submitterCreationNumber, a?.recipientCreationNumber, a?.processingDate, a?.iswc]), [
    ['AS', 'REV', 'MK000003', '337739ES', '20200603', 'T3005600277'],
    ['AS', 'REV', 'MK000004', '337739DU', '20200603', 'T3005600277'],
  ]);
  assert.equal(acks[0]?.work?.recordings.length, 4);
  assert.equal(acks[0]?.work?.recordings[0]['First Release Date'], '20200407');
  assert.deepEqual(acks[0]?.messages, []);
});

test('reads the BMI acknowledgements and the ISWCs of its ISW group', async () => {
  const transactions = await transactionsOf('CW220001052_DMP.V21');
  const acks = transactions.map(toCwrAck).filter((a) => a !== undefined);
  assert.deepEqual(acks.map((a) => `${a.status} ${a.submitterCreationNumber} ${a.recipientCreationNumber ?? '-'}`), [
    'AS Z128 123', 'RA Z127 -', 'RA DMP000026 -', 'NP DMP000027 -', 'NP DMP000025 -',
  ]);
  const isw = transactions.filter((t) => t.transactionType === 'ISW').map((t) => toCwrWork(t));
  assert.deepEqual(isw.map((w) => `${w?.submitterWorkNumber} ${w?.iswc}`), ['MK000001 T3221234234', 'MK000001 T1234567893', 'MK000002 T3221234234']);
});

test('reads the CWR 3.0 WRK with its 3.0 field names', async () => {
  const [transaction] = await transactionsOf('CW220002DMP_0000_V3-0-0.SUB');
  const work = toCwrWork(transaction);
  assert.equal(work?.transactionType, 'WRK');
  assert.equal(work?.submitterWorkNumber, 'DMP000001');
  assert.equal(work?.writers[0].lastName, 'KOLARIC');
  assert.equal(work?.writers[0].designation, 'AR');
  assert.deepEqual(work?.writers[0].territories.map((t) => [t.include, t.tis, t.collection.PR]), [[true, 2136, 2500]]);
  assert.deepEqual(work?.crossReferences, [{ organisationCode: '51', identifier: 'REMOTE1', identifierType: 'W', validity: 'Y' }]);
});
