import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { issueLabel, propagateLabel, readKeyring, uniformReservation, type IssueLabelRequest, type LabelKeyring } from '../../src/labels/index.js';
import { makeWav } from '../../src/labels/testing/make-wav.js';
import { runClef } from '../cli/run-clef.js';
import { repoRoot } from '../support/repo-paths.js';
import { tempDir } from '../support/temp-dir.js';

// Keys are a folder, not the store: these checks need no engine.
const dir = tempDir();
const keys = join(dir, 'keys');

async function clef(...args: string[]): Promise<string> {
  const result = await runClef([...args, '--keys', keys]);
  assert.equal(result.status, 0, `${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

function ed25519Pem(name: string): string {
  const path = join(dir, `${name}.pem`);
  writeFileSync(path, generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }));
  return path;
}

await clef('keys', 'init', '--name', 'Test Music Society');
await clef('keys', 'import', '--id', 'evil', '--role', 'producer', '--party', 'EvilAI', '--private-key', ed25519Pem('evil'));
await clef('keys', 'import', '--id', 'good', '--role', 'producer', '--party', 'GoodAI', '--private-key', ed25519Pem('good'));
await clef('keys', 'import', '--id', 'platform-x', '--role', 'propagator', '--party', 'PlatformX', '--private-key', ed25519Pem('platform-x'));
const keyring = readKeyring(keys);
const entry = (id: string) => keyring.ed25519.find((k) => k.id === id)!;

/** The keyring a forger would sign with: one trusted private key, presented in the role and party it wants to claim. */
function posing(id: string, role: 'cmo' | 'producer' | 'propagator', party: string): LabelKeyring {
  return { ...keyring, ed25519: [{ ...entry(id), role, party }] };
}

const request = (producer: string, format: string): IssueLabelRequest => ({
  title: `song.${format}`,
  subject: { kind: 'direct', digitalSourceType: 'trainedAlgorithmicMedia', producer, contentId: 'c-1' },
  defaultTrainingMining: uniformReservation('notAllowed'),
});

const audio = (name: string) => new Uint8Array(readFileSync(join(repoRoot, 'src/labels/testing/audio', name)));
const formats: [string, () => Uint8Array][] = [['mp3', () => audio('tone-id3v23.mp3')], ['wav', () => makeWav(1, 22050)], ['flac', () => audio('tone.flac')], ['ogg', () => audio('tone.ogg')]];

const forgeries: [string, RegExp, (bytes: Uint8Array, format: string) => Promise<Uint8Array>][] = [
  ['a producer key of EvilAI signing GoodAI\'s label as cmo', /ReservedCode1 signed as cmo, but key evil is a producer key of "EvilAI": only the CMO's key signs as cmo/,
    async (bytes, format) => (await issueLabel(bytes, request('GoodAI', format), posing('evil', 'cmo', 'CMO'))).bytes],
  ['a producer key of EvilAI signing GoodAI\'s label as producer', /ReservedCode1 claims producer "GoodAI", but key evil is a producer key of "EvilAI"/,
    async (bytes, format) => (await issueLabel(bytes, request('GoodAI', format), posing('evil', 'producer', 'GoodAI'))).bytes],
  ['a propagation key signing the producer\'s code', /ReservedCode1 signed as producer, but key platform-x is a propagator key of "PlatformX"/,
    async (bytes, format) => (await issueLabel(bytes, request('GoodAI', format), posing('platform-x', 'producer', 'GoodAI'))).bytes],
  ['PlatformX\'s key signing a propagation by PlatformY', /ReservedCode2 claims propagator "PlatformY", but key platform-x is a propagator key of "PlatformX"/,
    async (bytes, format) => {
      const issued = await issueLabel(bytes, request('GoodAI', format), keyring);
      return (await propagateLabel(issued.bytes, { platform: 'PlatformY', propagationId: 'p-1', title: `song.${format}` }, posing('platform-x', 'propagator', 'PlatformY'))).bytes;
    }],
];

for (const [format, make] of formats) {
  for (const [name, reason, forge] of forgeries) {
    test(`${format.toUpperCase()}: ${name} is invalid (exit 1) with the reason`, async () => {
      const file = join(dir, `forged-${forgeries.findIndex((f) => f[0] === name)}.${format}`);
      writeFileSync(file, await forge(make(), format));
      const verified = await runClef(['label', 'verify', file, '--keys', keys, '--json']);
      assert.equal(verified.status, 1, verified.stdout);
      const report = JSON.parse(verified.stdout) as { status: string; problems: string[] };
      assert.equal(report.status, 'invalid');
      assert.ok(report.problems.some((p) => reason.test(p)), report.problems.join('\n'));
    });
  }

  test(`${format.toUpperCase()}: GoodAI's own producer key labeling GoodAI's output, propagated by PlatformX with its own key, is valid`, async () => {
    const file = join(dir, `good.${format}`);
    const out = join(dir, `good-out.${format}`);
    const propagated = join(dir, `good-propagated.${format}`);
    writeFileSync(file, make());
    await clef('label', 'issue', file, '--out', out, '--source-type', 'trainedAlgorithmicMedia', '--producer', 'GoodAI', '--content-id', 'c-2');
    await clef('label', 'propagate', out, '--platform', 'PlatformX', '--propagation-id', 'p-2', '--out', propagated);
    const verified = await runClef(['label', 'verify', propagated, '--keys', keys, '--json']);
    const report = JSON.parse(verified.stdout) as { status: string; problems: string[]; label: { signatures: { signer: string }[] } };
    assert.equal(verified.status, 0, report.problems.join('\n'));
    assert.deepEqual(report.label.signatures.slice(0, 2).map((s) => s.signer), ['producer', 'propagator']);
  });
}
