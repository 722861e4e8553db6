import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import type { Finding } from '../../errors/finding.js';
import { fixturePath } from '../../../test/support/repo-paths.js';
import { loadLookups } from '../../lookups/index.js';
import { readCwrTransactions, type CwrTransaction } from './read-cwr-transactions.js';
import { toCwrAck } from './to-cwr-ack.js';
import { validateCwr } from './validate-cwr.js';
import { writeCwrAck } from './write-cwr-ack.js';
import { writeCwrFile } from './write-cwr-file.js';

const lookups = loadLookups();

async function readWithFindings(name: string): Promise<{ transactions: CwrTransaction[]; findings: Finding[] }> {
  const transactions: CwrTransaction[] = [];
  for await (const item of readCwrTransactions(createReadStream(fixturePath('cwr', name)), { fileName: name })) {
    if (item.kind === 'transaction') transactions.push(item.transaction);
  }
  const findings: Finding[] = [];
  await validateCwr(createReadStream(fixturePath('cwr', name)), { lookups, fileName: name, onFinding: (f) => findings.push(f) });
  return { transactions, findings };
}

async function* bytesOf(text: string): AsyncGenerator<Uint8Array> {
  yield Buffer.from(text, 'latin1');
}

async function ackFile(name: string, status: string, iswc?: string): Promise<string> {
  const { transactions, findings } = await readWithFindings(name);
  const acks = transactions.map((t) => writeCwrAck(t, 1, { status, recipientCreationNumber: 'CMO-42', iswc, findings, creationDate: '20240301', processingDate: '20240301', creationTime: '101500' }));
  let text = '';
  for await (const line of writeCwrFile({ version: '2.1', sender: { type: 'SO', societyCode: '052' }, senderName: 'CLEF CMO', creationDate: '20240301', creationTime: '101500' }, [{ transactionType: 'ACK', transactions: acks }])) text += line;
  return text;
}

test('acknowledges a clean registration with status, work number, ISWC and the echoed NWR, and the ACK file validates', async () => {
  const text = await ackFile('CW220001DMP_000.V21', 'AS', 'T0345246801');
  const read: CwrTransaction[] = [];
  for await (const item of readCwrTransactions(bytesOf(text))) if (item.kind === 'transaction') read.push(item.transaction);
  const ack = toCwrAck(read[0]);
  assert.equal(ack?.status, 'AS');
  assert.equal(ack?.recipientCreationNumber, 'CMO-42');
  assert.equal(ack?.submitterCreationNumber, 'DMP000001');
  assert.equal(ack?.creationTitle, 'MUSIC PUB CARTOONS');
  assert.equal(ack?.originalTransactionType, 'NWR');
  assert.equal(ack?.iswc, 'T0345246801');
  assert.equal(ack?.work?.writers.length, 3);
  assert.deepEqual(ack?.messages, []);
  const findings: Finding[] = [];
  await validateCwr(bytesOf(text), { lookups, fileName: 'CW240001052_DMP.V21', onFinding: (f) => findings.push(f) });
  assert.deepEqual(findings, []);
});

test('writes one MSG per finding, pointing at the record sequence and record type it is about', async () => {
  const text = await ackFile('CW220004DMP_000.V21', 'RJ');
  const read: CwrTransaction[] = [];
  for await (const item of readCwrTransactions(bytesOf(text))) if (item.kind === 'transaction') read.push(item.transaction);
  const ack = toCwrAck(read[0]);
  assert.equal(ack?.status, 'RJ');
  assert.deepEqual(ack?.messages.map((m) => [m.messageType, m.originalRecordSequence, m.recordType, m.messageLevel, m.validationNumber]), [
    ['T', 2, 'SPT', 'T', '018'],
    ['T', 5, 'SWT', 'T', '010'],
  ]);
  assert.match(ack?.messages[1].text ?? '', /^PR Collection Share: share 'PR Collection Share' is not numeric/);
});
