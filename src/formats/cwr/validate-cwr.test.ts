import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Finding } from '../../errors/finding.js';
import { fixturePath } from '../../../test/support/repo-paths.js';
import { loadLookups } from '../../lookups/index.js';
import { validateCwr } from './validate-cwr.js';

const lookups = loadLookups();

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

async function findingsOf(bytes: Uint8Array, fileName = 'test.V21'): Promise<Finding[]> {
  const found: Finding[] = [];
  await validateCwr(once(bytes), { lookups, fileName, onFinding: (f) => found.push(f) });
  return found;
}

function fixture(name: string): Buffer {
  return readFileSync(fixturePath('cwr', name));
}

/** The fixture with one line replaced by `edit(line)`, keeping its CRLF line ends. */
function edited(name: string, lineNumber: number, edit: (line: string) => string): Buffer {
  const lines = fixture(name).toString('latin1').split('\r\n');
  lines[lineNumber - 1] = edit(lines[lineNumber - 1]);
  return Buffer.from(lines.join('\r\n'), 'latin1');
}

function brief(findings: Finding[]): string[] {
  return findings.map((f) => `${f.location.line} ${f.location.recordType} ${f.location.field} ${f.severity} ${f.code} ${f.location.value}`);
}

test('finds nothing wrong in the DMP registration CW220001DMP_000.V21 (its numeric HDR sender type is legal)', async () => {
  assert.deepEqual(await findingsOf(fixture('CW220001DMP_000.V21'), 'CW220001DMP_000.V21'), []);
});

test('finds exactly the two planted errors of CW220004DMP_000.V21 and nothing on its line 18', async () => {
  const findings = await findingsOf(fixture('CW220004DMP_000.V21'), 'CW220004DMP_000.V21');
  assert.deepEqual(brief(findings), [
    '5 SPT TIS Numeric Code TR CLEF_CWR_TERRITORY_NONE 2136',
    '8 SWT PR Collection Share TR CLEF_CWR_SHARE_NOT_NUMERIC XXX00',
  ]);
  assert.equal(findings[0].location.file, 'CW220004DMP_000.V21');
  assert.equal(findings[1].location.column, 29);
});

test('reports the PRS acknowledgement fixture: two SPU IPI check digits and transaction counts written ten times too large', async () => {
  const findings = await findingsOf(fixture('CW220001000_DMP.V21'));
  assert.deepEqual(brief(findings), [
    '5 SPU Publisher IPI Name # FR CLEF_CWR_IPI_INVALID 00000000004',
    '21 SPU Publisher IPI Name # FR CLEF_CWR_IPI_INVALID 00000000004',
    '26 GRT Transaction Count GR CLEF_CWR_COUNT_MISMATCH 00000020',
    '27 TRL Transaction Count ER CLEF_CWR_COUNT_MISMATCH 00000020',
  ]);
});

test('reports the BMI acknowledgement fixture: three ISW ISWCs with bad check digits and its wrong trailer counts', async () => {
  const findings = await findingsOf(fixture('CW220001052_DMP.V21'));
  assert.deepEqual(brief(findings), [
    '8 GRT Transaction Count GR CLEF_CWR_COUNT_MISMATCH 00000050',
    '10 ISW ISWC FR CLEF_CWR_ISWC_INVALID T3221234234',
    '11 ISW ISWC FR CLEF_CWR_ISWC_INVALID T1234567893',
    '12 ISW ISWC FR CLEF_CWR_ISWC_INVALID T3221234234',
    '13 GRT Transaction Count GR CLEF_CWR_COUNT_MISMATCH 00000030',
    '13 GRT Record Count GR CLEF_CWR_COUNT_MISMATCH 00000003',
    '14 TRL Transaction Count ER CLEF_CWR_COUNT_MISMATCH 00000080',
  ]);
});

test('reads the DMP CWR 3.0 files with their shifted SPU and WRI fields into located findings without crashing', async () => {
  const sub = await findingsOf(fixture('CW220002DMP_0000_V3-0-0.SUB'), 'CW220002DMP_0000_V3-0-0.SUB');
  assert.ok(sub.some((f) => f.location.line === 4 && f.location.recordType === 'SPU' && f.code === 'CLEF_CWR_IPI_INVALID'));
  const isr = await findingsOf(fixture('CW220003DMP_0000_V3-0-0.ISR'), 'CW220003DMP_0000_V3-0-0.ISR');
  assert.ok(isr.some((f) => f.location.line === 3 && f.location.field === 'Submitter Work Number' && f.code === 'CLEF_CWR_FIELD_MISSING'));
  for (const f of [...sub, ...isr]) assert.ok(f.location.line !== undefined && f.location.line >= 1 && f.location.recordType);
  assert.ok(![...sub, ...isr].some((f) => f.code === 'CLEF_CWR_RECORD_TYPE_UNKNOWN' || f.code === 'CLEF_CWR_COUNT_MISMATCH'));
});

test('reports an empty file as having no HDR', async () => {
  assert.deepEqual(brief(await findingsOf(new Uint8Array(0))), ['1 undefined undefined ER CLEF_CWR_HEADER_MISSING undefined']);
});

test('reports a file truncated in the middle of a record as missing its GRT and TRL', async () => {
  const bytes = fixture('CW220001DMP_000.V21');
  const cut = bytes.subarray(0, bytes.indexOf('SWT0000000000000008') + 30);
  const findings = await findingsOf(cut);
  assert.ok(findings.every((f) => f.location.line === 11), 'everything is located on the cut line');
  assert.deepEqual(findings.slice(-2).map((f) => `${f.severity} ${f.code}`), ['GR CLEF_CWR_TRAILER_MISSING', 'ER CLEF_CWR_TRAILER_MISSING']);
  assert.ok(findings.slice(0, -2).some((f) => f.location.field === 'Inclusion/Exclusion Indicator'), 'the cut SWT lacks its mandatory fields');
});

test('reports binary content as not latin-1 text', async () => {
  const findings = await findingsOf(Uint8Array.from([0x48, 0x44, 0x52, 0x00, 0x01, 0x02, 0x0a]));
  assert.equal(findings[0].code, 'CLEF_CWR_NOT_TEXT');
  assert.equal(findings[0].location.column, 4);
});

test('reports ownership shares that do not add up to 100 % per right', async () => {
  const bytes = edited('CW220001DMP_000.V21', 4, (l) => l.slice(0, 115) + '04750' + l.slice(120));
  assert.deepEqual(brief(await findingsOf(bytes)), ['3 NWR undefined TR CLEF_CWR_SHARE_TOTAL undefined']);
});

test('reports a wrong record sequence number, a wrong TRL record count and an impossible date', async () => {
  let bytes = edited('CW220001DMP_000.V21', 6, (l) => l.slice(0, 11) + '00000009' + l.slice(19));
  const lines = bytes.toString('latin1').split('\r\n');
  lines[21] = 'TRL000010000000100000023';
  lines[0] = lines[0].slice(0, 64) + '20210231' + lines[0].slice(72);
  bytes = Buffer.from(lines.join('\r\n'), 'latin1');
  assert.deepEqual(brief(await findingsOf(bytes)), [
    '1 HDR Creation Date ER CLEF_CWR_DATE_INVALID 20210231',
    '6 OPU Record Sequence # TR CLEF_CWR_SEQUENCE 00000009',
    '22 TRL Record Count ER CLEF_CWR_COUNT_MISMATCH 00000023',
  ]);
});

test('reports an unknown writer designation and an unknown TIS territory', async () => {
  const lines = fixture('CW220001DMP_000.V21').toString('latin1').split('\r\n');
  lines[6] = lines[6].slice(0, 104) + 'XX' + lines[6].slice(106);
  lines[4] = lines[4].slice(0, 50) + '9999' + lines[4].slice(54);
  assert.deepEqual(brief(await findingsOf(Buffer.from(lines.join('\r\n'), 'latin1'))), [
    '5 SPT TIS Numeric Code RR CLEF_CWR_LOOKUP_UNKNOWN 9999',
    '7 SWR Writer Designation Code FR CLEF_CWR_LOOKUP_UNKNOWN XX',
  ]);
});

test('reports an SWT that comes before its writer', async () => {
  const lines = fixture('CW220001DMP_000.V21').toString('latin1').split('\r\n');
  [lines[6], lines[7]] = [lines[7].slice(0, 11) + '00000004' + lines[7].slice(19), lines[6].slice(0, 11) + '00000005' + lines[6].slice(19)];
  assert.deepEqual(brief(await findingsOf(Buffer.from(lines.join('\r\n'), 'latin1'))), ['7 SWT undefined RR CLEF_CWR_RECORD_ORDER undefined']);
});
