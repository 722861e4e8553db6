import { Command } from 'commander';
import { printJson, printLine } from '../output.js';
import { audioIndexDirOf, catalogueOf, decoderOf, type AudioCommandOptions } from './audio-options.js';
import { lazily } from '../lazily.js';

const writeAudioEvidence = lazily(() => import('../../audio/index.js'), 'writeAudioEvidence');

/** `clef audio evidence QUERY --recording ID|ISRC --out DIR`: the alignment evidence as JSON and HTML with a plot. */
export function audioEvidenceCommand(): Command {
  return new Command('evidence')
    .description('write an evidence report (JSON and HTML with the alignment picture) for one query against one recording')
    .argument('<query>', 'query audio file')
    .requiredOption('--recording <id>', 'registered recording id or ISRC')
    .requiredOption('--out <dir>', 'folder for evidence.json and evidence.html')
    .option('--db <location>', 'the store; the index defaults to <db path>.audio')
    .option('--index <dir>', 'the audio index folder')
    .option('--decoder <choice>', 'auto (ffmpeg when installed), ffmpeg or js', 'auto')
    .option('--json', 'print the evidence as JSON only')
    .action(async (query: string, options: AudioCommandOptions & { recording: string; out: string }) => {
      const written = await writeAudioEvidence(
        { query, recording: options.recording, outDir: options.out, indexDir: audioIndexDirOf(options), catalogue: await catalogueOf(options), decoder: decoderOf(options) },
        () => new Date(),
      );
      if (options.json) return printJson(written.evidence);
      const e = written.evidence;
      printLine(`${e.accepted ? 'match accepted' : 'no accepted match'}: score ${e.score}, matched ${e.matched_span.matched_s} s, hash agreement ${(e.hash_agreement.ratio * 100).toFixed(1)} %, time factor ${e.time_factor}`);
      printLine(`wrote ${written.json} and ${written.html}`);
    });
}
