import { Command } from 'commander';
import { printJson, printLine, printNotice } from '../output.js';
import { audioIndexDirOf, catalogueOf, decoderOf, workersOf, type AudioCommandOptions } from './audio-options.js';
import { lazily } from '../lazily.js';

const scanAudio = lazily(() => import('../../audio/index.js'), 'scanAudio');

/** `clef audio scan DIR`: a training-set audit, per file the registered recordings found and a summary. */
export function audioScanCommand(): Command {
  return new Command('scan')
    .description('scan every audio file under a folder for registered recordings (training-data audit)')
    .argument('<dir>', 'folder of audio files')
    .option('--db <location>', 'the store; the index defaults to <db path>.audio')
    .option('--index <dir>', 'the audio index folder')
    .option('--decoder <choice>', 'auto (ffmpeg when installed), ffmpeg or js', 'auto')
    .option('--workers <n>', 'threads that decode and fingerprint files (default: one per core)')
    .option('--json', 'print the scan as JSON only')
    .action(async (dir: string, options: AudioCommandOptions) => {
      const scan = await scanAudio(dir, {
        indexDir: audioIndexDirOf(options), catalogue: await catalogueOf(options),
        decoder: decoderOf(options),
        workers: workersOf(options),
        onProgress: (done, total) => {
          if (!options.json && done < total) printNotice(`scanning ${done + 1}/${total}`);
        },
      });
      for (const file of scan.files) if (file.error) printNotice(`${file.error.code}: ${file.error.message}`);
      if (options.json) return printJson(scan);
      for (const file of scan.files) {
        for (const m of file.matches) printLine(`${file.file}: ${m.isrc ?? m.recording_id ?? m.title} at ${m.query_offset_s} s (reference ${m.reference_offset_s} s, ${m.matched_s} s)`);
      }
      const s = scan.summary;
      printLine(`${s.files_scanned} file(s) scanned, ${s.files_with_matches} with registered recordings, ${s.files_failed} unreadable`);
      for (const r of s.recordings) printLine(`  ${[r.title, r.isrc && `ISRC ${r.isrc}`, r.recording_id && `id ${r.recording_id}`].filter(Boolean).join(', ')}: ${r.files} file(s), ${r.matched_s} s`);
    });
}
