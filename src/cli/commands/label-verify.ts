import { setExitCode } from '../cli-io.js';
import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LabelKeyring, LabelVerification } from '../../labels/index.js';
import { explicitLabelText } from '../../labels/explicit-label.js';
import { printJson, printLine, printNotice } from '../output.js';
import { KEYS_OPTION_HELP, keyFolderOf } from './label-options.js';

function printReport(file: string, v: LabelVerification): void {
  printLine(`${file} (${v.format}): ${v.status}`);
  if (v.aigc) printLine(`AIGC: level ${v.aigc.Label}, producer ${v.aigc.ContentProducer} (${v.aigc.ProduceID}), propagator ${v.aigc.ContentPropagator} (${v.aigc.PropagateID})`);
  for (const s of v.label?.signatures ?? []) {
    // A signature over the label stays valid when the audio under it is edited: "verifies" would then mislead.
    const state = !s.valid ? 'DOES NOT VERIFY' : v.audioChanged ? 'label signature intact, but not over this audio' : 'verifies';
    printLine(`  ${s.carrier} ${s.field}: ${state}, signed by ${s.signer}${s.key ? ` [${s.key}]` : ''}, ${s.trustedAs ? `trusted as ${s.trustedAs}` : 'not trusted'}`);
  }
  if (v.c2pa?.present) printLine(`C2PA: ${v.c2pa.state}, ${v.c2pa.history.length} manifest(s)`);
  if (v.label?.digitalSourceType) printLine(`source type: ${v.label.digitalSourceType}`);
  printLine(`audio changed after labeling: ${v.audioChanged ? 'yes' : 'no'}`);
  for (const step of v.propagation) printLine(`propagated by ${step.propagator} (${step.propagationId})${step.signedBy ? `, signed by ${step.signedBy}` : ''}`);
  const r = v.label?.registration;
  if (r) printLine(`registered: recording ${r.recordingId ?? ''} ${r.isrc ?? ''} "${r.recordingTitle ?? ''}", work ${r.workId ?? ''} "${r.workTitle ?? ''}"`);
  if (v.aigc) printLine(`display: ${explicitLabelText(v.aigc.Label, v.aigc.ContentProducer, v.label?.digitalSourceType)}`);
  for (const problem of v.problems) printLine(`! ${problem}`);
}

// Like other C2PA verifiers, verification needs no keys of its own: without a key folder every signature is
// checked against no trust anchors, so a valid label reports `untrusted` (exit 3) instead of failing.
function keyringFor(option: string | undefined, readKeyring: (dir: string) => LabelKeyring): LabelKeyring {
  const dir = keyFolderOf(option);
  if (option === undefined && !existsSync(join(dir, 'keyring.json'))) {
    printNotice(`no key folder at ${dir}: signatures are checked, but no key is trusted (give --keys to trust the CMO's keys)`);
    return { cmoName: '', ed25519: [], c2paSigners: [], trustAnchorsPem: [] };
  }
  return readKeyring(dir);
}

/** `clef label verify FILE`: reports the labels and signatures; exit 0 valid and trusted, 1 invalid, 2 unlabeled, 3 untrusted key. */
export function labelVerifyCommand(): Command {
  return new Command('verify')
    .description('verify the AIGC and C2PA labels of an audio file; exit 0 valid and trusted, 1 invalid or tampered, 2 unlabeled, 3 valid but signed by an untrusted key')
    .argument('<file>', 'the audio file')
    .option('--keys <dir>', KEYS_OPTION_HELP)
    .option('--db <location>', 'the store (not used)')
    .option('--json', 'write JSON only')
    .action(async (file: string, options: { keys?: string; json?: boolean }) => {
      const { naming, readAudioFile, readKeyring, verifyExitCodes, verifyLabel } = await import('../../labels/index.js');
      const verification = await naming(file, () => verifyLabel(readAudioFile(file), keyringFor(options.keys, readKeyring)));
      if (options.json) {
        const display = verification.aigc && explicitLabelText(verification.aigc.Label, verification.aigc.ContentProducer, verification.label?.digitalSourceType);
        printJson({ file, ...verification, display });
      } else printReport(file, verification);
      setExitCode(verifyExitCodes[verification.status]);
    });
}
