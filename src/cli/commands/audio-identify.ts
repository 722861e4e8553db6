import { setExitCode } from '../cli-io.js';
import { Command } from 'commander';
import { printJson, printLine, printNotice } from '../output.js';
import { audioIndexDirOf, catalogueOf, decoderOf, type AudioCommandOptions } from './audio-options.js';
import { lazily } from '../lazily.js';

const identifyAudioFiles = lazily(() => import('../../audio/index.js'), 'identifyAudioFiles');

/** `clef audio identify FILE…`: the registered recordings heard in each file, with where and how fast. */
export function audioIdentifyCommand(): Command {
  return new Command('identify')
    .description('identify registered recordings in audio files (exit status 0 whether or not anything matched)')
    .argument('<files...>', 'query audio files')
    .option('--db <location>', 'the store; the index defaults to <db path>.audio')
    .option('--index <dir>', 'the audio index folder')
    .option('--decoder <choice>', 'auto (ffmpeg when installed), ffmpeg or js', 'auto')
    .option('--json', 'print one JSON object per query file, as an array')
    .action(async (files: string[], options: AudioCommandOptions) => {
      const results = await identifyAudioFiles(files, { indexDir: audioIndexDirOf(options), catalogue: await catalogueOf(options), decoder: decoderOf(options) });
      for (const result of results) if (result.error) printNotice(`${result.error.code}: ${result.error.message}`);
      if (results.some((r) => r.error)) setExitCode(1);
      if (options.json) return printJson(results);
      for (const result of results) {
        if (result.error) continue;
        printLine(`${result.file}: ${result.matches.length === 0 ? 'no registered recording found' : `${result.matches.length} match(es)`}`);
        for (const m of result.matches) {
          const who = [m.title, m.isrc && `ISRC ${m.isrc}`, m.recording_id && `id ${m.recording_id}`].filter(Boolean).join(', ');
          printLine(`  ${who}: query ${m.query_offset_s} s ↔ reference ${m.reference_offset_s} s for ${m.matched_s} s, score ${m.score}, time factor ${m.time_factor}, pitch factor ${m.frequency_factor}`);
        }
      }
    });
}
