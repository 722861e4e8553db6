import { Command } from 'commander';
import { basename } from 'node:path';
import type { LabelLevel, LabelSubject, LabelSubjectSource, TrainingMiningUse } from '../../labels/index.js';
import { ClefError } from '../../errors/clef-error.js';
import { printJson, printLine } from '../output.js';
import { KEYS_OPTION_HELP, keyFolderOf } from './label-options.js';

/** Opens the registry's view of recordings for labels on the given store. */
export type LabelSubjectSourceOpener = (db: string | undefined) => Promise<LabelSubjectSource>;

interface IssueOptions {
  out: string;
  recording?: string;
  sourceType?: string;
  producer?: string;
  contentId?: string;
  level: string;
  generatorVersion?: string;
  cue?: string;
  trainingMiningDefault: string;
  keys?: string;
  db?: string;
  json?: boolean;
}

async function subjectOf(options: IssueOptions, openSource: LabelSubjectSourceOpener | undefined): Promise<LabelSubject> {
  if (options.recording) {
    if (!openSource) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', 'labels are not connected to the registry in this build: state --source-type, --producer and --content-id');
    const found = await (await openSource(options.db)).findRecording(options.recording);
    if (found === 'ambiguous') throw new ClefError('CLEF_AMBIGUOUS', `${options.recording} names several recordings; give the Clef recording id`);
    if (!found) throw new ClefError('CLEF_NOT_FOUND', `no recording ${options.recording}`);
    return { kind: 'recording', recording: found };
  }
  if (!options.sourceType || !options.producer || !options.contentId) {
    throw new ClefError('CLEF_LABEL_SUBJECT_MISSING', 'give --recording ID|ISRC, or --source-type, --producer and --content-id');
  }
  return { kind: 'direct', digitalSourceType: options.sourceType, producer: options.producer, contentId: options.contentId };
}

/** `clef label issue FILE --out FILE`: embeds a signed AIGC label and a C2PA manifest, optionally with an audible cue. */
export function labelIssueCommand(openSource?: LabelSubjectSourceOpener): Command {
  return new Command('issue')
    .description("label an audio file (MP3, WAV, FLAC, Ogg) from a registered recording's AI provenance, or from a stated source type")
    .argument('<file>', 'the audio file to label')
    .requiredOption('--out <file>', 'where to write the labeled file')
    .option('--recording <id|isrc>', 'the registered recording (an ambiguous ISRC is refused)')
    .option('--source-type <type>', 'IPTC digital source type, e.g. trainedAlgorithmicMedia or compositeWithTrainedAlgorithmicMedia')
    .option('--producer <name>', 'the generating service (ContentProducer)')
    .option('--content-id <id>', "the generating service's content id (ProduceID)")
    .option('--level <1|2|3>', 'GB 45438 level: 1 confirmed, 2 possibly, 3 suspected AI-generated', '1')
    .option('--generator-version <version>', "the generator's version, for the C2PA software agent")
    .option('--cue <rhythm|file.wav>', 'add an audible notice at the start (WAV only): the rhythm cue or a spoken notice')
    .option('--training-mining-default <use>', 'the reservation when the recording has none: notAllowed, allowed or constrained', 'notAllowed')
    .option('--keys <dir>', KEYS_OPTION_HELP)
    .option('--db <location>', 'the store holding the registry')
    .option('--json', 'write JSON only')
    .action(async (file: string, options: IssueOptions) => {
      const { addAudibleCue, explicitLabelText, issueLabel, naming, readAudioFile, readKeyring, uniformReservation, writeAudioFile } = await import('../../labels/index.js');
      if (!['1', '2', '3'].includes(options.level)) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `--level must be 1, 2 or 3, not ${options.level}`);
      if (!['notAllowed', 'allowed', 'constrained'].includes(options.trainingMiningDefault)) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', '--training-mining-default must be notAllowed, allowed or constrained');
      const keyring = readKeyring(keyFolderOf(options.keys));
      const title = basename(file);
      const subject = await subjectOf(options, openSource);
      const issued = await naming(file, () => issueLabel(readAudioFile(file), {
        subject, title, level: options.level as LabelLevel, generatorVersion: options.generatorVersion,
        producer: options.producer, contentId: options.contentId, defaultTrainingMining: uniformReservation(options.trainingMiningDefault as TrainingMiningUse),
      }, keyring));
      let result = { bytes: issued.bytes, aigc: issued.aigc };
      if (options.cue) {
        const cue = options.cue === 'rhythm' ? { kind: 'rhythm' as const } : { kind: 'spoken' as const, wav: readAudioFile(options.cue) };
        result = await naming(file, () => addAudibleCue(issued.bytes, cue, keyring, title));
      }
      writeAudioFile(options.out, result.bytes);
      const display = explicitLabelText(issued.aigc.Label, issued.label.producer, issued.label.digitalSourceType);
      if (options.json) printJson({ out: options.out, aigc: result.aigc, c2pa: issued.c2pa, cue: options.cue ?? null, label: issued.label, display });
      else {
        printLine(`labeled ${options.out}: AIGC${issued.c2pa ? ' + C2PA' : ''}${options.cue ? ` + ${options.cue} cue` : ''}`);
        printLine(`display: ${display}`);
      }
    });
}
