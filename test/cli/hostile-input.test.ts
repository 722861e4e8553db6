import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { encodeWav } from '../../src/audio/index.js';
import { worksHeader, writeWorksCsv } from '../registry/registry-fixtures.js';
import { fixturePath } from '../support/repo-paths.js';
import { tempDir } from '../support/temp-dir.js';
import { runClef, type ClefRun } from './run-clef.js';

// Each case of issue 10 part 4 through the real program: a coded error, its documented exit status, no stack
// trace, nothing raw echoed, and nothing half-written.
function assertRefused(run: ClefRun, code: string, status: number): void {
  assert.equal(run.status, status, `${run.stdout}\n${run.stderr}`);
  assert.match(`${run.stderr}${run.stdout}`, new RegExp(code));
  assert.doesNotMatch(run.stderr, /\n\s+at /);
  assert.doesNotMatch(run.stderr, /unexpected failure/);
}

const youTube = fixturePath('dsr', 'DSR_TEST_YouTube_AdSupport-music_2015-Q4_IS_1of1_20160121T150926.tsv');
const cwrFile = fixturePath('cwr', 'CW220001DMP_000.V21');
const row = (number: string, title: string, duration = '') =>
  `${number},${title},,human,human,human,CA,00014107338,LI Wei,100,100,100,,,,,,,,,,,${duration ? '' : ''}`;

describe('hostile input through the real program', () => {
  const dir = tempDir();
  const db = join(dir, 'clef.duckdb');
  const clef = (...args: string[]) => runClef([...args, '--db', db]);
  const nothingStaged = async () => assert.deepEqual(JSON.parse((await clef('usage', 'reports', '--json')).stdout), []);
  const noWorks = async () => assert.deepEqual(JSON.parse((await clef('works', 'search', 'a', '--json')).stdout), []);

  before(async () => {
    assert.equal((await clef('settings', 'set', '--name', 'Test CMO', '--society', '052', '--currency', 'EUR')).status, 0);
  });

  test('a missing or folder DSR file is CLEF_FILE_UNREADABLE naming it', async () => {
    const missing = await clef('usage', 'ingest', join(dir, 'nope.tsv'));
    assertRefused(missing, 'CLEF_FILE_UNREADABLE', 1);
    assert.match(missing.stderr, /nope\.tsv: no such file/);
    mkdirSync(join(dir, 'folder.tsv'));
    assertRefused(await clef('usage', 'ingest', join(dir, 'folder.tsv')), 'CLEF_FILE_UNREADABLE', 1);
    await nothingStaged();
  });

  test('a .tsv.gz of random bytes, plain text, cut short or with a bad CRC is CLEF_FILE_UNREADABLE, nothing staged', async () => {
    const good = gzipSync(readFileSync(youTube));
    const badCrc = Buffer.from(good);
    badCrc[badCrc.length - 6] ^= 0xff;
    const cases: Record<string, Buffer> = {
      random: Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919 + 13) % 251)),
      plain: Buffer.from('HEAD\tnot gzip at all\n'),
      truncated: good.subarray(0, good.length >> 1),
      crc: badCrc,
    };
    for (const [name, bytes] of Object.entries(cases)) {
      const path = join(dir, `DSR_${name}.tsv.gz`);
      writeFileSync(path, bytes);
      const run = await clef('usage', 'ingest', path);
      assertRefused(run, 'CLEF_FILE_UNREADABLE', 1);
      assert.match(run.stderr, new RegExp(`DSR_${name}\\.tsv\\.gz is not a complete gzip file`), name);
    }
    await nothingStaged();
  });

  test('a DSR line of 3 MB without a newline, or a small .gz inflating to one, is refused unread and not echoed', async () => {
    const head = readFileSync(youTube, 'utf8').split('\n')[0];
    const long = `${head}\n${'A'.repeat(3 << 20)}`;
    writeFileSync(join(dir, 'long.tsv'), long);
    const run = await clef('usage', 'ingest', join(dir, 'long.tsv'));
    assertRefused(run, 'CLEF_INPUT_LINE_TOO_LONG', 1);
    assert.match(run.stderr, /long\.tsv:2/);
    assert.ok(run.stderr.length + run.stdout.length < 4000, 'the line is not echoed');
    const bomb = gzipSync(Buffer.alloc(64 << 20, 0x41));
    assert.ok(bomb.length < 200_000);
    writeFileSync(join(dir, 'bomb.tsv.gz'), bomb);
    const exploded = await clef('usage', 'ingest', join(dir, 'bomb.tsv.gz'));
    assertRefused(exploded, 'CLEF_INPUT_LINE_TOO_LONG', 1);
    assert.ok(exploded.stderr.length < 4000);
    await nothingStaged();
  });

  test('control characters in a DSR cell refuse the report and are never printed raw', async () => {
    const lines = readFileSync(youTube, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('AS'));
    lines[at] = lines[at].replace(/\t([^\t]+)/, '\t\x1b[31m\x07$1');
    const path = join(dir, 'DSR_TEST_YouTube_AdSupport-music_2015-Q4_IS_1of1_20160121T150927.tsv');
    writeFileSync(path, lines.join('\n'));
    const run = await clef('usage', 'ingest', path);
    assertRefused(run, 'CLEF_INPUT_CONTROL_CHARACTER', 1);
    assert.doesNotMatch(run.stdout + run.stderr, /[\x07\x1b]/);
    await nothingStaged();
  });

  test('a binary works CSV, a latin-1 one and one holding ANSI escapes are refused, located, with nothing imported', async () => {
    writeFileSync(join(dir, 'binary.csv'), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 31 + 7) % 256)));
    const binary = await clef('works', 'import', join(dir, 'binary.csv'));
    assertRefused(binary, 'CLEF_INPUT_(ENCODING|CONTROL_CHARACTER)', 1);
    assert.match(binary.stderr, /binary\.csv:1/);
    writeFileSync(join(dir, 'latin1.csv'), Buffer.from(`${worksHeader}\n${row('L1', 'Café Olé')}\n`, 'latin1'));
    const latin1 = await clef('works', 'import', join(dir, 'latin1.csv'));
    assertRefused(latin1, 'CLEF_INPUT_ENCODING', 1);
    assert.match(latin1.stderr, /latin1\.csv:2: the line is not UTF-8/);
    const ansi = writeWorksCsv(dir, 'ansi.csv', [row('A1', 'Red \x1b[31mAlert\x07')]);
    const escaped = await clef('works', 'import', ansi);
    assertRefused(escaped, 'CLEF_INPUT_CONTROL_CHARACTER', 1);
    assert.match(escaped.stderr, /ansi\.csv:2:/);
    assert.doesNotMatch(escaped.stdout + escaped.stderr, /[\x07\x1b]/);
    writeFileSync(join(dir, 'quote.csv'), `${worksHeader}\nQ1,Ti"tle",,human\n`);
    const quote = await clef('works', 'import', join(dir, 'quote.csv'));
    assertRefused(quote, 'CLEF_REGISTRY_ROW_INVALID', 1);
    assert.match(quote.stderr, /quote\.csv:2: not a valid CSV file/);
    await noWorks();
  });

  test('unknown and repeated CSV columns are refused with the column named', async () => {
    const unknown = writeWorksCsv(dir, 'unknown.csv', []);
    writeFileSync(unknown, `${worksHeader},colour\n${row('U1', 'Blue')},red\n`);
    const run = await clef('works', 'import', unknown);
    assertRefused(run, 'CLEF_INPUT_COLUMNS_INVALID', 1);
    assert.match(run.stderr, /unknown column "colour"/);
    writeFileSync(join(dir, 'twice.csv'), `${worksHeader},title\n${row('T1', 'Blue')},Green\n`);
    const twice = await clef('works', 'import', join(dir, 'twice.csv'));
    assertRefused(twice, 'CLEF_INPUT_COLUMNS_INVALID', 1);
    assert.match(twice.stderr, /"title" is named twice/);
    writeFileSync(join(dir, 'members-extra.csv'), 'ipi_name_number,name,rights,territories,start_date,end_date,bank\n');
    assertRefused(await clef('members', 'import', join(dir, 'members-extra.csv')), 'CLEF_INPUT_COLUMNS_INVALID', 1);
    await noWorks();
  });

  test('an empty works CSV exits 1, as the README says', async () => {
    writeFileSync(join(dir, 'empty.csv'), '');
    assertRefused(await clef('works', 'import', join(dir, 'empty.csv')), 'CLEF_REGISTRY_ROW_INVALID', 1);
    assertRefused(await clef('works', 'import', writeWorksCsv(dir, 'header-only.csv', [])), 'CLEF_REGISTRY_ROW_INVALID', 1);
  });

  test('a duration of 99999999999999999999 or 99:99:99 is a located row error, nothing imported', async () => {
    const header = `${worksHeader},duration`;
    for (const duration of ['99999999999999999999', '99:99:99', '1:75:00']) {
      writeFileSync(join(dir, 'duration.csv'), `${header}\n${row('D1', 'Long')},${duration}\n`);
      const run = await clef('works', 'import', join(dir, 'duration.csv'));
      assert.equal(run.status, 1, duration);
      assert.match(run.stderr, /duration\.csv:2 \(duration\).*a duration is seconds or \[h:\]mm:ss/, duration);
      assert.doesNotMatch(run.stderr, /\n\s+at /);
    }
    writeFileSync(join(dir, 'duration.csv'), `${header}\n${row('D1', 'Long Enough')},1:02:03\n`);
    assert.equal((await clef('works', 'import', join(dir, 'duration.csv'))).status, 0);
    const [hit] = JSON.parse((await clef('works', 'search', 'Long Enough', '--json')).stdout);
    const work = JSON.parse((await clef('works', 'show', hit.work_id, '--json')).stdout);
    assert.equal(work.duration_s, 3723);
  });

  test('duplicate member rows are refused and nothing is imported', async () => {
    const members = 'ipi_name_number,name,rights,territories,start_date,end_date\n00012345036,"LI, Wei",PR;MR,2136,2019-01-01,\n00012345036,"LI, Wei",PR;MR,2136,2019-01-01,\n';
    writeFileSync(join(dir, 'members.csv'), members);
    const run = await clef('members', 'import', join(dir, 'members.csv'));
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout + run.stderr, /members\.csv:3 \(ipi_name_number\).*the same membership as line 2/);
    assert.deepEqual(JSON.parse((await clef('members', 'list', '--json')).stdout), []);
  });

  test('a policy file that is not JSON is CLEF_DISTRIBUTION_POLICY_INVALID naming it', async () => {
    writeFileSync(join(dir, 'policy.json'), '{not json');
    const run = await clef('distribute', '--period', '2025-01', '--policy', join(dir, 'policy.json'));
    assertRefused(run, 'CLEF_DISTRIBUTION_POLICY_INVALID', 1);
    assert.match(run.stderr, /policy\.json: the policy is not JSON/);
    assert.deepEqual(JSON.parse((await clef('runs', 'list', '--json')).stdout), []);
  });

  test('fx set and usage pool set refuse 1e308 as out of range before the store sees it', async () => {
    const fx = await clef('fx', 'set', 'USD', 'EUR', '2025-01', '1e308');
    assertRefused(fx, 'CLEF_USAGE_INVALID_ARGUMENT', 2);
    assert.match(fx.stderr, /RATE 1e308 is out of range/);
    // The report does not exist: the amount is refused first, so the database was never asked.
    const pool = await clef('usage', 'pool', 'set', 'NO-SUCH-REPORT', '1', '1e308');
    assertRefused(pool, 'CLEF_USAGE_INVALID_ARGUMENT', 2);
    assert.match(pool.stderr, /AMOUNT 1e308 is out of range/);
  });

  test('--limit abc, -5, -1 and 0 are refused with CLEF_USAGE_INVALID_ARGUMENT, exit 2', async () => {
    for (const limit of ['abc', '-5', '-1', '0', '1.5']) {
      assertRefused(await clef('works', 'search', 'x', '--limit', limit), 'CLEF_USAGE_INVALID_ARGUMENT', 2);
      assertRefused(await clef('usage', 'unmatched', '--limit', limit), 'CLEF_USAGE_INVALID_ARGUMENT', 2);
    }
    assert.equal((await clef('works', 'search', 'x', '--limit', '3')).status, 0);
  });

  test('unknown commands and options, and arguments holding control characters, exit 2', async () => {
    const unknown = await runClef(['no-such-command']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown command 'no-such-command'/);
    assert.equal((await clef('works', 'search', 'x', '--no-such-option')).status, 2);
    const escape = await clef('settings', 'set', '--name', '\x1b]0;owned\x07');
    assertRefused(escape, 'CLEF_USAGE_INVALID_ARGUMENT', 2);
    assert.doesNotMatch(escape.stderr, /[\x07\x1b]/);
    assert.match((await clef('settings', 'show')).stdout, /Test CMO/);
  });

  test('a CWR line over 64 KiB is refused where it is and later lines keep their numbers', async () => {
    const lines = readFileSync(cwrFile, 'latin1').split('\r\n');
    lines[4] = `SPT${'X'.repeat(70 * 1024)}`;
    lines[9] = `ZZZ${lines[9].slice(3)}`;
    writeFileSync(join(dir, 'CW220099DMP_000.V21'), lines.join('\r\n'), 'latin1');
    const run = await clef('cwr', 'validate', join(dir, 'CW220099DMP_000.V21'), '--json');
    assert.equal(run.status, 1);
    assert.ok(run.stdout.length < 50_000, 'the long line is not echoed');
    const findings = (JSON.parse(run.stdout).findings as { code: string; line: number }[]).map((f) => `${f.line} ${f.code}`);
    assert.ok(findings.includes('5 CLEF_INPUT_LINE_TOO_LONG'), findings.join('\n'));
    assert.ok(findings.includes('10 CLEF_CWR_RECORD_TYPE_UNKNOWN'), findings.join('\n'));
  });

  test('UTF-8 inside a latin-1 CWR file is reported and not stored as mojibake', async () => {
    const text = readFileSync(cwrFile, 'latin1').replace('MUSIC PUB CARTOONS  ', Buffer.from('MÜSIC PUB CARTOONS ', 'utf8').toString('latin1'));
    writeFileSync(join(dir, 'CW220098DMP_000.V21'), text, 'latin1');
    const validated = await clef('cwr', 'validate', join(dir, 'CW220098DMP_000.V21'));
    assert.equal(validated.status, 1);
    assert.match(validated.stdout, /CW220098DMP_000\.V21:3:\d+ ER CLEF_INPUT_ENCODING/);
    const imported = await clef('works', 'import', join(dir, 'CW220098DMP_000.V21'));
    assert.equal(imported.status, 1);
    assert.match(imported.stdout, /file refused, nothing imported/);
    assert.deepEqual(JSON.parse((await clef('works', 'search', 'CARTOONS', '--json')).stdout), []);
  });

  test('a corrupt keyring.json is CLEF_LABEL_KEY_INVALID naming it', async () => {
    const keys = join(dir, 'keys');
    assert.equal((await runClef(['keys', 'init', '--name', 'Test CMO', '--keys', keys])).status, 0);
    writeFileSync(join(keys, 'keyring.json'), '{"cmo": "Test CMO", "keys": [');
    const run = await runClef(['keys', 'list', '--keys', keys]);
    assertRefused(run, 'CLEF_LABEL_KEY_INVALID', 1);
    assert.match(run.stderr, /keyring\.json is not the JSON keyring/);
    writeFileSync(join(keys, 'keyring.json'), '[]');
    assertRefused(await runClef(['keys', 'list', '--keys', keys]), 'CLEF_LABEL_KEY_INVALID', 1);
  });

  test('keys init where keys exist is CLEF_LABEL_KEY_EXISTS and changes nothing; a failed init leaves no folder', async () => {
    const keys = join(dir, 'keys-twice');
    assert.equal((await runClef(['keys', 'init', '--name', 'Test CMO', '--keys', keys])).status, 0);
    const before = readFileSync(join(keys, 'cmo-ca.cert.pem'), 'utf8');
    const again = await runClef(['keys', 'init', '--name', 'Other', '--keys', keys]);
    assertRefused(again, 'CLEF_LABEL_KEY_EXISTS', 1);
    assert.equal(readFileSync(join(keys, 'cmo-ca.cert.pem'), 'utf8'), before);
    assert.deepEqual(readdirSync(dir).filter((name) => name.startsWith('.keys-twice')), [], 'no staging folder is left');
    writeFileSync(join(dir, 'a-file'), '');
    const blocked = await runClef(['keys', 'init', '--name', 'Test CMO', '--keys', join(dir, 'a-file', 'keys')]);
    assertRefused(blocked, 'CLEF_OUTPUT_UNWRITABLE', 1);
  });

  test('a truncated WAV is CLEF_AUDIO_DECODE_FAILED, as docs/audio.md promises', async () => {
    const samples = Float32Array.from({ length: 16000 * 6 }, (_, i) => 0.4 * Math.sin(i * 0.05) + 0.2 * Math.sin(i * 0.13));
    const wav = encodeWav(samples, 16000);
    writeFileSync(join(dir, 'whole.wav'), wav);
    writeFileSync(join(dir, 'cut.wav'), wav.subarray(0, wav.length / 3));
    const index = join(dir, 'audio-index');
    assert.equal((await runClef(['audio', 'index', join(dir, 'whole.wav'), '--index', index])).status, 0);
    const run = await runClef(['audio', 'identify', join(dir, 'cut.wav'), '--index', index]);
    assertRefused(run, 'CLEF_AUDIO_DECODE_FAILED', 1);
    assert.match(run.stderr, /cut\.wav.*truncated/);
  });

  test('an acknowledgement file imported before its works can be imported again once they are', async () => {
    const acks = fixturePath('cwr', 'CW220001000_DMP.V21');
    const early = await clef('acks', 'import', acks);
    assert.equal(early.status, 0, early.stderr);
    assert.match(early.stdout, /2 read, 0 stored, 2 reported/);
    const sent = writeWorksCsv(dir, 'sent.csv', [row('MK000003', 'Sent Work 1'), row('MK000004', 'Sent Work 2')]);
    assert.equal((await clef('works', 'import', sent, '--submitter', 'PB:00000000199')).status, 0);
    const later = await clef('acks', 'import', acks);
    assert.match(later.stdout, /2 read, 1 stored, 1 reported/);
    assert.match(JSON.parse((await clef('works', 'show', 'T3005600277', '--json')).stdout).title, /Sent Work 1/);
    assert.match((await clef('acks', 'import', acks)).stdout, /already imported, nothing stored/);
  });

  test('a copy of the real fixture still ingests after all of this', async () => {
    const copy = join(dir, 'DSR_TEST_YouTube_AdSupport-music_2015-Q4_IS_1of1_20160121T150926.tsv');
    copyFileSync(youTube, copy);
    assert.ok(existsSync(copy));
    assert.equal((await clef('usage', 'ingest', copy)).status, 0);
  });
});
