import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runClef } from '../../../test/cli/run-clef.js';
import { tempDir } from '../../../test/support/temp-dir.js';
import { makeWav } from '../../labels/testing/make-wav.js';
import { parseRiffChunks } from '../../labels/riff-chunks.js';

const dir = tempDir();
const keys = join(dir, 'keys');

const clef = (...args: string[]) => runClef(args, { CLEF_KEYS: keys });

test('makes keys, labels a WAV file, verifies it, propagates it and catches tampering, with the documented exit codes', async () => {
  assert.equal((await clef('keys', 'init', '--name', 'Test Music Society')).status, 0);
  const list = JSON.parse((await clef('keys', 'list', '--json')).stdout) as { keys: { id: string }[] };
  assert.deepEqual(list.keys.map((k) => k.id), ['cmo-ca', 'cmo-c2pa', 'cmo-aigc']);
  const input = join(dir, 'song.wav');
  writeFileSync(input, makeWav(1, 16000));
  const labelled = join(dir, 'song.labeled.wav');
  const issue = await clef('label', 'issue', input, '--out', labelled, '--source-type', 'trainedAlgorithmicMedia', '--producer', 'GenMusic AI', '--content-id', 'gm-1', '--json');
  assert.equal(issue.status, 0, issue.stderr);
  assert.equal((JSON.parse(issue.stdout) as { display: string }).display, 'AI生成 · AI-generated — GenMusic AI');

  const verify = await clef('label', 'verify', labelled, '--json');
  assert.equal(verify.status, 0, verify.stdout);
  const report = JSON.parse(verify.stdout) as { status: string; c2pa: { state: string } };
  assert.equal(report.status, 'valid');
  assert.equal(report.c2pa.state, 'Trusted');

  const propagated = join(dir, 'song.propagated.wav');
  assert.equal((await clef('label', 'propagate', labelled, '--platform', 'STREAMCO', '--propagation-id', 'sc-1', '--out', propagated)).status, 0);
  const human = await clef('label', 'verify', propagated);
  assert.equal(human.status, 0, human.stdout);
  assert.match(human.stdout, /propagated by STREAMCO \(sc-1\)/);

  const bytes = new Uint8Array(readFileSync(propagated));
  const data = parseRiffChunks(bytes).find((c) => c.id === 'data')!;
  bytes[data.dataOffset + 1000] ^= 0x40;
  const tampered = join(dir, 'song.tampered.wav');
  writeFileSync(tampered, bytes);
  const caught = await clef('label', 'verify', tampered);
  assert.equal(caught.status, 1);
  assert.match(caught.stdout, /audio changed after labeling: yes/);

  assert.equal((await clef('label', 'verify', input)).status, 2);
  assert.equal((await clef('keys', 'init', '--name', 'Other Society', '--keys', join(dir, 'other'))).status, 0);
  assert.equal((await clef('label', 'verify', labelled, '--keys', join(dir, 'other'))).status, 3);
});

test('refuses a hostile file with a located error and a missing subject with a usage error', async () => {
  const hostile = join(dir, 'hostile.wav');
  const wav = makeWav(0.2);
  new DataView(wav.buffer).setUint32(40, 0x7fffffff, true);
  writeFileSync(hostile, wav);
  const refused = await clef('label', 'issue', hostile, '--out', join(dir, 'x.wav'), '--source-type', 'trainedAlgorithmicMedia', '--producer', 'P', '--content-id', '1');
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /CLEF_LABEL_FILE_MALFORMED: .*hostile.wav: WAV at byte 36: chunk "data" declares 2147483647 bytes/);
  const missing = await clef('label', 'issue', hostile, '--out', join(dir, 'x.wav'), '--producer', 'P');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /CLEF_LABEL_SUBJECT_MISSING/);
});
