import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../../test/support/temp-dir.js';
import { openDsrFile, parseDsrFile, validateDsrFile } from '../../formats/dsr/index.js';
import { generateUsage } from './generate-usage.js';

test('generates a Basic Audio 1.2 report of exactly the asked lines that the DSR validator accepts without findings', async () => {
  const out = tempDir();
  const generated = await generateUsage({ out, lines: 2001, recordings: 300, seed: 11 });
  assert.match(generated.reportFile, /reports\/DSR_PADPIDA\w+_PADPIDA\w+_Premium_2025-01_FR_1of1_20250201T000000\.tsv$/);
  const result = await validateDsrFile(openDsrFile(generated.reportFile));
  assert.deepEqual([...result.errors, ...result.warnings], []);
  assert.equal(result.lines, 2001);
  assert.equal(result.blocks, generated.resources);
  assert.deepEqual(result.profile, { profile: 'BasicAudioProfile', version: '1.2' });
});

test('the summaries total the streams of their usage lines and the truth file names every resource of the report', async () => {
  const out = tempDir();
  const generated = await generateUsage({ out, lines: 5000, recordings: 500, seed: 3 });
  const parse = parseDsrFile(openDsrFile(generated.reportFile));
  const streams = new Map<string, bigint>();
  const declared = new Map<string, bigint | null>();
  const resources = new Map<string, string | null>();
  for (;;) {
    const next = await parse.next();
    if (next.done) break;
    for (const row of next.value) {
      if (row.kind === 'summary') declared.set(row.summaryRecordId, row.usages);
      if (row.kind === 'usage') streams.set(row.summaryRecordId ?? '', (streams.get(row.summaryRecordId ?? '') ?? 0n) + row.usages);
      if (row.kind === 'resource') resources.set(row.dspResourceId, row.isrc);
    }
  }
  assert.deepEqual(Object.fromEntries(streams), Object.fromEntries(declared));
  const truth = readFileSync(generated.truthFile, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  assert.equal(truth.length, resources.size);
  const share = (prefix: string): number => truth.filter((t) => t[2].startsWith(prefix)).length / truth.length;
  assert.ok(Math.abs(share('isrc') - 0.9) < 0.04, `known ISRC ${share('isrc')}`);
  assert.ok(Math.abs(share('unknown-isrc') - 0.05) < 0.03);
  assert.ok(Math.abs(share('no-isrc') - 0.05) < 0.03);
  for (const [id, isrc, kind] of truth) {
    if (kind === 'isrc') assert.equal(resources.get(id), isrc);
    if (kind.startsWith('no-isrc')) assert.equal(resources.get(id), null);
    if (kind === 'unknown-isrc') assert.equal(isrc, '');
  }
});

test('is deterministic for a seed and differs for another seed', async () => {
  const [a, b, c] = [tempDir(), tempDir(), tempDir()];
  const files = async (out: string, seed: number): Promise<string> => {
    const g = await generateUsage({ out, lines: 300, recordings: 50, seed });
    return readFileSync(g.reportFile, 'utf8') + readFileSync(g.truthFile, 'utf8') + readFileSync(g.catalogueFiles[0], 'latin1');
  };
  assert.equal(await files(a, 5), await files(b, 5));
  assert.notEqual(await files(a, 5), await files(c, 6));
});

test('writes the catalogue as CWR 2.2 records of their spec lengths with correct group and trailer counts', async () => {
  const out = tempDir();
  const generated = await generateUsage({ out, lines: 100, recordings: 250, seed: 2, worksPerFile: 100 });
  assert.equal(readdirSync(join(out, 'catalogue')).length, 3);
  const lengths: Record<string, number> = { HDR: 167, GRH: 28, NWR: 260, SPU: 183, SPT: 58, SWR: 180, SWT: 52, PWR: 112, REC: 540, GRT: 24, TRL: 24 };
  const lines = readFileSync(generated.catalogueFiles[2], 'latin1').split('\r\n').filter(Boolean);
  for (const line of lines) assert.equal(line.length, lengths[line.slice(0, 3)], line.slice(0, 3));
  const nwr = lines.filter((l) => l.startsWith('NWR')).length;
  assert.equal(nwr, 50);
  const trl = lines.at(-1)!;
  assert.deepEqual([Number(trl.slice(3, 8)), Number(trl.slice(8, 16)), Number(trl.slice(16, 24))], [1, 50, lines.length]);
  const rec = lines.find((l) => l.startsWith('REC'))!;
  assert.match(rec.slice(249, 261), /^QZ[A-Z0-9]{3}\d{7}$/);
  assert.notEqual(rec.slice(266, 326).trim(), '');
  assert.notEqual(rec.slice(386, 446).trim(), '');
  const members = readFileSync(generated.membersFile, 'utf8').split('\n');
  assert.equal(members[0], 'ipi_name_number,name,rights,territories,start_date,end_date');
});
