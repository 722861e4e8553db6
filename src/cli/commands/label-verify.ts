import { setExitCode } from '../cli-io.js';
import { Command } from 'commander';
import { explicitLabelText, naming, readAudioFile, readKeyring, verifyExitCodes, verifyLabel, type LabelVerification } from '../../labels/index.js';
import { printJson, printLine } from '../output.js';
import { KEYS_OPTION_HELP, keyFolderOf } from './label-options.js';

function printReport(file: string, v: LabelVerification): void {
  printLine(`${file} (${v.format}): ${v.status}`);
  if (v.aigc) printLine(`AIGC: level ${v.aigc.Label}, producer ${v.aigc.ContentProducer} (${v.aigc.ProduceID}), propagator ${v.aigc.ContentPropagator} (${v.aigc.PropagateID})`);
  for (const s of v.label?.signatures ?? []) {
    printLine(`  ${s.carrier} ${s.field}: ${s.valid ? 'verifies' : 'DOES NOT VERIFY'}, signed by ${s.signer}${s.key ? ` [${s.key}]` : ''}, ${s.trustedAs ? `trusted as ${s.trustedAs}` : 'not trusted'}`);
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

/** `clef label verify FILE`: reports the labels and signatures; exit 0 valid and trusted, 1 invalid, 2 unlabeled, 3 untrusted key. */
export function labelVerifyCommand(): Command {
  return new Command('verify')
    .description('verify the AIGC and C2PA labels of an audio file; exit 0 valid and trusted, 1 invalid or tampered, 2 unlabeled, 3 valid but signed by an untrusted key')
    .argument('<file>', 'the audio file')
    .option('--keys <dir>', KEYS_OPTION_HELP)
    .option('--db <location>', 'the store (not used)')
    .option('--json', 'write JSON only')
    .action(async (file: string, options: { keys?: string; json?: boolean }) => {
      const verification = await naming(file, () => verifyLabel(readAudioFile(file), readKeyring(keyFolderOf(options.keys))));
      if (options.json) {
        const display = verification.aigc && explicitLabelText(verification.aigc.Label, verification.aigc.ContentProducer, verification.label?.digitalSourceType);
        printJson({ file, ...verification, display });
      } else printReport(file, verification);
      setExitCode(verifyExitCodes[verification.status]);
    });
}
