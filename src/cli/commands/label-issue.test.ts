import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../../test/support/temp-dir.js';
import { labelIssueCommand } from './label-issue.js';
import { initKeyFolder, readKeyring, verifyLabel, type LabelSubjectSource } from '../../labels/index.js';
import { makeWav } from '../../labels/testing/make-wav.js';
import { isClefError } from '../../errors/clef-error.js';

const dir = tempDir();
const keys = join(dir, 'keys');
await initKeyFolder(keys, 'Test Music Society', new Date('2025-01-01T00:00:00Z'));
const input = join(dir, 'in.wav');
writeFileSync(input, makeWav(0.3));

/** An in-memory registry view: one AI recording by id, and an ISRC shared by two recordings. */
const source: LabelSubjectSource = {
  async findRecording(idOrIsrc) {
    if (idOrIsrc === 'QZABC2500009') return 'ambiguous';
    if (idOrIsrc !== 'rec-1') return undefined;
    return { recordingId: 'rec-1', isrc: 'QZABC2500001', title: 'Glass Tide', workId: 'w-1', workTitle: 'Glass Tide', digitalSourceType: 'trainedAlgorithmicMedia', producer: 'GenMusic AI', contentId: 'gm-55', trainingMiningReservation: undefined };
  },
};

async function issue(...args: string[]): Promise<void> {
  await labelIssueCommand(async () => source).exitOverride().parseAsync([input, '--keys', keys, '--json', ...args], { from: 'user' });
}

test('labels a file from the registered recording the registry returns', async () => {
  const out = join(dir, 'rec.wav');
  await issue('--recording', 'rec-1', '--out', out);
  const verified = await verifyLabel(new Uint8Array(readFileSync(out)), readKeyring(keys));
  assert.equal(verified.status, 'valid');
  assert.equal(verified.aigc?.ProduceID, 'gm-55');
  assert.equal(verified.label?.registration?.workTitle, 'Glass Tide');
});

test('refuses an ambiguous ISRC and an unknown recording', async () => {
  await assert.rejects(issue('--recording', 'QZABC2500009', '--out', join(dir, 'a.wav')), (e: unknown) => isClefError(e, 'CLEF_AMBIGUOUS'));
  await assert.rejects(issue('--recording', 'rec-404', '--out', join(dir, 'b.wav')), (e: unknown) => isClefError(e, 'CLEF_NOT_FOUND'));
});
