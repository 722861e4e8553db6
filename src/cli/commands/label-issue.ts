import { Command } from 'commander';
import type { LabelSubjectSource } from '../../labels/index.js';
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
      const [{ readKeyring, writeAudioFile }, { issueLabelFile }] = await Promise.all([import('../../labels/index.js'), import('../../labels/use-cases/issue-label-file.js')]);
      const keyring = readKeyring(keyFolderOf(options.keys));
      const source = options.recording && openSource ? await openSource(options.db) : undefined;
      const issued = await issueLabelFile(file, options, keyring, source);
      writeAudioFile(options.out, issued.bytes);
      const { display } = issued;
      if (options.json) printJson({ out: options.out, aigc: issued.aigc, c2pa: issued.c2pa, cue: options.cue ?? null, label: issued.label, display });
      else {
        printLine(`labeled ${options.out}: AIGC${issued.c2pa ? ' + C2PA' : ''}${options.cue ? ` + ${options.cue} cue` : ''}`);
        printLine(`display: ${display}`);
      }
    });
}
