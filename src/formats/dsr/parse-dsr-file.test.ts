import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixturePath } from '../../../test/support/repo-paths.js';
import type { Finding } from '../../errors/finding.js';
import { openDsrFile } from './open-dsr-file.js';
import { parseDsrFile, validateDsrFile, type DsrFileResult } from './parse-dsr-file.js';
import type { DsrRow } from './dsr-rows.js';

const fixture = (name: string): string => fixturePath('dsr', name);
const youTube = 'DSR_TEST_YouTube_AdSupport-music_2015-Q4_IS_1of1_20160121T150926.tsv';
const youTube2 = 'DSR_TEST2_YouTube_AdSupport-music_2015-Q4_IS_1of1_20160121T150926.tsv';
const padpida = [
  'DSR_PADPIDA2014999999Z_PADPIDA2014111801Y_AdSupport_2015-02_AU_1of1_20140617T092522.tsv',
  'DSR_PADPIDA2014999999Z_PADPIDA2014111801Y_AdSupport_2015-02_AU_1of1_20150723T092522.tsv',
  'DSR_PADPIDA2014999999Z_PADPIDA2014111801Y_AdSupport_2015-02_AU_1of2_20150723T092522.tsv',
  'DSR_PADPIDA2014999999Z_PADPIDA2014111801Y_AdSupport_2015-02_AU_2of2_20150723T092522.tsv',
];

async function parseAll(path: string): Promise<{ rows: DsrRow[]; result: DsrFileResult }> {
  const parse = parseDsrFile(openDsrFile(path));
  const rows: DsrRow[] = [];
  for (;;) {
    const next = await parse.next();
    if (next.done) return { rows, result: next.value };
    rows.push(...next.value);
  }
}

/** A finding as `line recordType field code`, the way a person reads the list. */
const where = (f: Finding): string => `${f.location.line} ${f.location.recordType} ${f.location.field} ${f.code}`;

test('stages the YouTube UGC report that declares 1.0 but uses later record versions, with one version warning per record type', async () => {
  const { result } = await parseAll(fixture(youTube));
  assert.equal(result.accepted, true);
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.warnings.map(where), [
    '10 SY02.01 RecordType CLEF_DSR_RECORD_VERSION_MISMATCH',
    '15 MW01.01 RecordType CLEF_DSR_RECORD_VERSION_MISMATCH',
    '17 SU03.01 RecordType CLEF_DSR_RECORD_VERSION_MISMATCH',
    '18 LI01.01 RecordType CLEF_DSR_RECORD_VERSION_MISMATCH',
  ]);
  assert.equal(result.warnings[0].location.file, youTube);
  assert.deepEqual(result.profile, { profile: 'UGCProfile', version: '1.0' });
  assert.deepEqual([result.lines, result.summaryRecords, result.blocks], [35, 4, 3]);
  assert.match(result.digest, /^[0-9a-f]{64}$/);
});

test('types the YouTube report: header, summaries with all their cells, resources, works, usages and licensor lines', async () => {
  const { rows } = await parseAll(fixture(youTube));
  const header = rows.find((r) => r.kind === 'header');
  assert.ok(header?.kind === 'header', 'the report has a header');
  assert.deepEqual([header.messageId, header.senderName, header.usageStartDate, header.usageEndDate, header.recipientName], ['1453417766009915', 'YouTube', '2015-10-01', '2015-12-31', 'TEST']);
  assert.deepEqual(header.representedRepertoire, ['PUB_3', 'PUB_2', 'PUB_1', 'SOC_1', 'Residual']);
  const summaries = rows.filter((r) => r.kind === 'summary');
  assert.equal(summaries.length, 4);
  const pub3 = summaries[2];
  assert.equal(pub3.kind, 'summary');
  if (pub3.kind === 'summary') {
    assert.deepEqual([pub3.netRevenue, pub3.currency, pub3.usages, pub3.rightsController, pub3.rightsType], ['3424.29', 'USD', 3834450n, 'PUB_3', 'PerformingRight']);
    assert.equal(pub3.cells.AllocatedNetRevenue, '1879.87');
    assert.equal(pub3.cells.AllocatedRevenue, '63.41');
  }
  const resources = rows.filter((r) => r.kind === 'resource');
  assert.deepEqual(resources.map((r) => r.kind === 'resource' && [r.blockId, r.dspResourceId, r.validIsrc, r.title, r.displayArtistName]), [
    ['1', 'A935917475088049', 'USSM19803037', 'Sexual Healing', 'Marvin Gaye'],
    ['2', 'A726198037646795', 'USUV71101875', 'All I Want Is You Audio Only', 'Justin Bieber'],
    ['3', 'XMhY7hsbhs4', 'USRH10903879', 'This Bitter Earth / On The Nature Of Daylight', 'Dinah Washington / Max Richter'],
  ]);
  const works = rows.filter((r) => r.kind === 'work');
  const first = works[0];
  assert.ok(first.kind === 'work');
  assert.deepEqual(first.composerAuthors, ['DAVID RITZ', 'M. GAYE', 'MARVIN GAYE', 'ODELL BROWN ODELL BROWN']);
  assert.deepEqual(first.composerAuthorPartyIds, ['myns::4534']);
  assert.deepEqual(works.map((w) => w.kind === 'work' && w.validIswc), [null, 'T9109247316', 'T0702472794']);
  const usages = rows.filter((r) => r.kind === 'usage');
  assert.deepEqual(usages.map((u) => u.kind === 'usage' && [u.line, u.blockId, u.salesTransactionId, u.dspResourceId, u.usages, u.netRevenue]), [
    [17, '1', 'U1', 'A935917475088049', 7810n, '2.0'],
    [22, '2', 'U1', 'A726198037646795', 2045n, '2.0'],
    [27, '3', 'U1', 'XMhY7hsbhs4', 18n, '0.0'],
    [29, '3', 'U2', 'XMhY7hsbhs4', 4n, '0.0'],
    [31, '3', 'U3', 'XMhY7hsbhs4', 258n, '0.0'],
    [33, '3', 'U4', 'XMhY7hsbhs4', 75n, '3.0'],
  ]);
  const licensors = rows.filter((r) => r.kind === 'licensor');
  assert.deepEqual(licensors.map((l) => l.kind === 'licensor' && [l.salesTransactionId, l.rightsController, l.rightSharePercentage, l.allocatedAmount, l.conflict]), [
    ['U1', 'PUB_2', '1.0000', '125.23', false],
    ['U1', 'Residual', '1.0000', '0.0', false],
    ['U1', 'PUB_3', '1.0000', '30.32', false],
    ['U2', 'SOC_1', '1.0000', '20.98', false],
    ['U3', 'SOC_1', '1.0000', '10.86', false],
    ['U4', 'PUB_3', '1.0000', '11.49', false],
  ]);
  const releases = rows.filter((r) => r.kind === 'release');
  assert.equal(releases.length, 3);
  assert.ok(releases[1].kind === 'release' && releases[1].cells.DspReleaseId === 'Vk0r_mq4O6Q');
});

test('refuses the second YouTube report because its FOOT counts 35 lines and the file has 34', async () => {
  const result = await validateDsrFile(openDsrFile(fixture(youTube2)));
  assert.equal(result.accepted, false);
  assert.deepEqual(result.errors.map(where), ['34 FOOT NumberOfLinesInFile CLEF_DSR_FOOT_COUNT_MISMATCH', '34 FOOT NumberOfLinesInReport CLEF_DSR_FOOT_COUNT_MISMATCH']);
  assert.equal(result.errors[0].location.value, '35');
  assert.equal(result.errors[0].location.column, 2);
  assert.match(result.errors[0].message, /35 lines.*the file has 34/);
  assert.deepEqual(result.warnings, []);
});

test('refuses each DSRF parser-test report with located errors: incomplete HEAD, unknown records, wrong FOOT counts', async () => {
  for (const name of padpida) {
    const result = await validateDsrFile(openDsrFile(fixture(name)));
    assert.equal(result.accepted, false, name);
    const errors = result.errors.map(where);
    assert.ok(errors.includes('1 HEAD MessageVersion CLEF_DSR_CELL_INVALID'), name);
    assert.ok(errors.includes('1 HEAD SenderPartyId CLEF_DSR_CELL_MISSING'), name);
    assert.ok(errors.includes('1 HEAD UsageStartDate CLEF_DSR_CELL_MISSING'), name);
    assert.ok(errors.includes('4 SY03 RecordType CLEF_DSR_RECORD_TYPE_UNKNOWN'), name);
    assert.ok(errors.includes('6 AS02 RecordType CLEF_DSR_RECORD_TYPE_UNKNOWN'), name);
    assert.ok(errors.includes('7 FOOT NumberOfLinesInFile CLEF_DSR_FOOT_COUNT_MISMATCH'), name);
    assert.ok(errors.includes('7 FOOT NumberOfSummaryRecords CLEF_DSR_CELL_MISSING'), name);
    assert.equal(result.errors.every((f) => f.location.file === name), true);
  }
});

test('refuses the DSRF parser test file, plain and gzipped alike, for its FHEA and FFOO records and missing HEAD and FOOT', async () => {
  const plain = await validateDsrFile(openDsrFile(fixture('test_file_parser.tsv')));
  const gzipped = await validateDsrFile(openDsrFile(fixture('test_file_parser.tsv.gz')));
  for (const result of [plain, gzipped]) {
    assert.equal(result.accepted, false);
    assert.deepEqual(result.errors.map(where), [
      '3 FHEA undefined CLEF_DSR_HEAD_INVALID',
      '3 FHEA RecordType CLEF_DSR_RECORD_TYPE_UNKNOWN',
      '7 FFOO RecordType CLEF_DSR_RECORD_TYPE_UNKNOWN',
      '7  undefined CLEF_DSR_FOOT_MISSING',
    ]);
  }
  assert.equal(plain.digest, gzipped.digest);
  assert.equal(plain.lines, 7);
});
