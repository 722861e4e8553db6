import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream, readFileSync } from 'node:fs';
import type { Finding } from '../../errors/finding.js';
import { isClefError } from '../../errors/clef-error.js';
import { fixturePath } from '../../../test/support/repo-paths.js';
import { loadLookups } from '../../lookups/index.js';
import type { CwrRecord } from './parse-cwr-record.js';
import { readCwrTransactions, type CwrTransaction } from './read-cwr-transactions.js';
import { validateCwr } from './validate-cwr.js';
import { writeCwrFile, type CwrGroupInput } from './write-cwr-file.js';
import type { CwrSender } from './cwr-sender.js';

const lookups = loadLookups();
const fixtures = ['CW220001DMP_000.V21', 'CW220004DMP_000.V21', 'CW220001000_DMP.V21', 'CW220001052_DMP.V21'];

interface ReadFile {
  hdr: CwrRecord;
  groups: { transactionType: string; transactions: CwrTransaction[] }[];
}

async function readFixture(name: string): Promise<ReadFile> {
  let hdr: CwrRecord | undefined;
  const groups: ReadFile['groups'] = [];
  for await (const item of readCwrTransactions(createReadStream(fixturePath('cwr', name)), { fileName: name })) {
    if (item.kind === 'transaction') groups[groups.length - 1].transactions.push(item.transaction);
    else if (item.record.recordType === 'HDR') hdr = item.record;
    else if (item.record.recordType === 'GRH') groups.push({ transactionType: item.record.get('Transaction Type') ?? '', transactions: [] });
  }
  assert.ok(hdr);
  return { hdr, groups };
}

function senderOf(hdr: CwrRecord): CwrSender {
  const type = hdr.get('Sender Type') ?? '';
  const id = hdr.get('Sender ID') ?? '';
  if (type === 'SO') return { type: 'SO', societyCode: id };
  return { type: 'PB', ipiNameNumber: /^\d\d$/.test(type) ? type + id : id };
}

async function writeBack(file: ReadFile): Promise<string> {
  const groups: CwrGroupInput[] = file.groups.map((g) => ({
    transactionType: g.transactionType,
    transactions: g.transactions.map((t) => t.records.map((r) => ({ recordType: r.recordType, fields: withoutPrefix(r.fields) }))),
  }));
  let text = '';
  const header = {
    version: '2.1' as const,
    sender: senderOf(file.hdr),
    senderName: file.hdr.get('Sender Name') ?? '',
    creationDate: file.hdr.get('Creation Date') ?? '',
    creationTime: file.hdr.get('Creation Time') ?? '',
    transmissionDate: file.hdr.get('Transmission Date'),
  };
  for await (const line of writeCwrFile(header, groups)) text += line;
  return text;
}

function withoutPrefix(fields: Readonly<Record<string, string>>): Record<string, string> {
  const { 'Record Type': _type, ...rest } = fields;
  return rest;
}

async function* bytesOf(text: string): AsyncGenerator<Uint8Array> {
  yield Buffer.from(text, 'latin1');
}

const comparable = (value: string | undefined): string => (value ?? '').trim().toUpperCase();

for (const name of fixtures) {
  test(`writing the works of ${name} back reproduces every record field by field`, async () => {
    const original = await readFixture(name);
    const written = await writeBack(original);
    const reread: CwrTransaction[] = [];
    for await (const item of readCwrTransactions(bytesOf(written), { fileName: name })) if (item.kind === 'transaction') reread.push(item.transaction);
    const before = original.groups.flatMap((g) => g.transactions);
    assert.equal(reread.length, before.length);
    before.forEach((transaction, t) => {
      assert.equal(reread[t].records.length, transaction.records.length);
      transaction.records.forEach((record, r) => {
        const again = reread[t].records[r];
        assert.equal(again.recordType, record.recordType);
        for (const field of record.layout) {
          assert.equal(comparable(again.fields[field.name]), comparable(record.fields[field.name]), `${name} line ${record.lineNumber} ${field.name}`);
        }
      });
    });
  });
}

test('the written DMP files keep their HDR and pass the validator with the same findings as the originals', async () => {
  const expected: Record<string, string[]> = {
    'CW220001DMP_000.V21': [],
    'CW220004DMP_000.V21': ['5 CLEF_CWR_TERRITORY_NONE', '8 CLEF_CWR_SHARE_NOT_NUMERIC'],
    // The originals' trailer counts are wrong; the writer counts right, so only the IPI and ISWC findings remain.
    'CW220001000_DMP.V21': ['5 CLEF_CWR_IPI_INVALID', '21 CLEF_CWR_IPI_INVALID'],
    'CW220001052_DMP.V21': ['10 CLEF_CWR_ISWC_INVALID', '11 CLEF_CWR_ISWC_INVALID', '12 CLEF_CWR_ISWC_INVALID'],
  };
  for (const name of fixtures) {
    const written = await writeBack(await readFixture(name));
    const findings: Finding[] = [];
    await validateCwr(bytesOf(written), { lookups, fileName: name, onFinding: (f) => findings.push(f) });
    assert.deepEqual(findings.map((f) => `${f.location.line} ${f.code}`), expected[name], name);
    const firstOriginal = readFileSync(fixturePath('cwr', name), 'latin1').split(/\r?\n/)[0];
    assert.equal(written.split('\r\n')[0].trimEnd(), firstOriginal.trimEnd(), `${name} HDR`);
  }
});

test('writes GRT and TRL counts that include the group and file headers and trailers', async () => {
  const tx = [{ recordType: 'NWR', fields: { 'Work Title': 'A', 'Submitter Work #': '1', 'Musical Work Distribution Category': 'POP', 'Recorded Indicator': 'U', 'Version Type': 'ORI' } }];
  let text = '';
  const groups = [{ transactionType: 'NWR', transactions: [tx, tx, tx] }, { transactionType: 'REV', transactions: [[{ ...tx[0], recordType: 'REV' }]] }];
  for await (const line of writeCwrFile({ version: '2.2', sender: { type: 'SO', societyCode: 52 }, senderName: 'PRS', creationDate: '20240229', creationTime: '235959' }, groups)) text += line;
  const lines = text.split('\r\n');
  assert.equal(lines.at(-1), '');
  assert.deepEqual(lines.filter((l) => /^(GRT|TRL)/.test(l)).map((l) => l.slice(0, 24)), [
    'GRT000010000000300000005',
    'GRT000020000000100000003',
    'TRL000020000000400000010',
  ]);
  assert.equal(lines[0].slice(101, 104), '2.2');
  assert.equal(lines[1].slice(11, 16), '02.20');
  const findings: Finding[] = [];
  await validateCwr(bytesOf(text), { lookups, fileName: 'CW240001PRS_000.V22', onFinding: (f) => findings.push(f) });
  assert.deepEqual(findings, []);
});

test('refuses a value longer than its field and a transaction of the wrong type for its group', async () => {
  const long = [{ recordType: 'NWR', fields: { 'Work Title': 'X'.repeat(61) } }];
  await assert.rejects(drain(writeCwrFile({ version: '2.1', sender: { type: 'SO', societyCode: 52 }, senderName: 'PRS', creationDate: '20240101', creationTime: '000000' }, [{ transactionType: 'NWR', transactions: [long] }])), (e) => isClefError(e, 'CLEF_CWR_WRITE_INVALID'));
  const rev = [{ recordType: 'REV', fields: {} }];
  await assert.rejects(drain(writeCwrFile({ version: '2.1', sender: { type: 'SO', societyCode: 52 }, senderName: 'PRS', creationDate: '20240101', creationTime: '000000' }, [{ transactionType: 'NWR', transactions: [rev] }])), (e) => isClefError(e, 'CLEF_CWR_WRITE_INVALID'));
});

async function drain(lines: AsyncIterable<string>): Promise<void> {
  for await (const _ of lines);
}
