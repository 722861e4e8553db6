import { currentIo } from '../cli-io.js';
import { Command } from 'commander';
import { printJson, printLine, printNotice } from '../output.js';
import { audioIndexDirOf, catalogueOf, decoderOf, workersOf, type AudioCommandOptions } from './audio-options.js';
import { lazily } from '../lazily.js';

const indexAudio = lazily(() => import('../../audio/index.js'), 'indexAudio');

/** `clef audio index DIR|FILE [--manifest CSV]`: fingerprints registered recordings into the audio index. */
export function audioIndexCommand(): Command {
  return new Command('index')
    .description('fingerprint audio files into the audio index (incremental: audio already indexed is skipped)')
    .argument('<path>', 'an audio file or a folder of audio files')
    .option('--manifest <csv>', 'CSV with columns file,isrc (paths relative to the CSV or absolute)')
    .option('--db <location>', 'the store; the index defaults to <db path>.audio')
    .option('--index <dir>', 'the audio index folder')
    .option('--decoder <choice>', 'auto (ffmpeg when installed), ffmpeg or js', 'auto')
    .option('--workers <n>', 'threads that decode and fingerprint files (default: one per core)')
    .option('--json', 'print the result as JSON only')
    .action(async (path: string, options: AudioCommandOptions & { manifest?: string }) => {
      const bar = options.json || !currentIo().stderr.isTTY ? undefined : new (await import('cli-progress')).SingleBar({ format: 'indexing [{bar}] {value}/{total} files', stream: currentIo().stderr as NodeJS.WritableStream });
      let started = false;
      const result = await indexAudio(
        {
          target: path,
          indexDir: audioIndexDirOf(options), catalogue: await catalogueOf(options),
          manifest: options.manifest,
          decoder: decoderOf(options),
          workers: workersOf(options),
          onProgress: (done, total) => {
            if (!bar) return;
            if (!started) bar.start(total, done);
            started = true;
            bar.update(done);
          },
        },
        () => performance.now(),
      );
      bar?.stop();
      for (const finding of result.findings) printNotice(`${finding.code}: ${finding.location.file}:${finding.location.line} (${finding.location.field}): ${finding.message}`);
      for (const failure of result.failed) printNotice(`${failure.code}: ${failure.message}`);
      const summary = {
        index: audioIndexDirOf(options),
        added: result.added.length,
        unchanged: result.unchanged.length,
        failed: result.failed,
        recordings: result.recordings,
        indexed_hours: Math.round(result.indexedHours * 1000) / 1000,
        entries: result.entries,
        index_bytes: result.indexBytes,
        index_bytes_per_hour: Math.round(result.bytesPerHour),
        added_audio_s: Math.round(result.addedSeconds * 10) / 10,
        elapsed_s: Math.round(result.elapsedS * 100) / 100,
        real_time_factor: result.elapsedS > 0 ? Math.round(result.addedSeconds / result.elapsedS) : null,
      };
      if (options.json) return printJson(summary);
      printLine(`indexed ${summary.added} new file(s), ${summary.unchanged} already indexed, ${result.failed.length} failed`);
      printLine(`index: ${summary.recordings} recordings, ${summary.indexed_hours} h of audio, ${(summary.index_bytes / 1e6).toFixed(2)} MB (${(summary.index_bytes_per_hour / 1e6).toFixed(2)} MB per hour)`);
      if (summary.real_time_factor !== null && summary.added > 0) printLine(`speed: ${summary.real_time_factor}× real time`);
    });
}
