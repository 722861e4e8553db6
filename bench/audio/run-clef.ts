import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** How the benchmark calls the `clef` program: the compiled CLI when `npm run build` made one, else the sources through tsx. */
export const clefProgram = existsSync('dist/src/cli/main.js')
  ? { label: 'node dist/src/cli/main.js (built)', args: ['dist/src/cli/main.js'] }
  : { label: 'node --import tsx src/cli/main.ts (not built)', args: ['--import', 'tsx', 'src/cli/main.ts'] };

const gnuTime = spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { stdio: 'ignore' }).status === 0;

/**
 * Runs one `clef` command; returns its JSON output, wall time and, with GNU time, its peak RSS in MB and the CPU
 * seconds of it and the processes it waited for (ffmpeg): on a shared machine the CPU time says what the wall
 * time cannot.
 */
export function runClefCommand(args: string[]): { json: unknown; seconds: number; peakRssMb?: number; cpuSeconds?: number } {
  const started = performance.now();
  const command = gnuTime ? '/usr/bin/time' : process.execPath;
  const full = gnuTime ? ['-f', 'clef-peak-rss-kb %M cpu %U %S', process.execPath, ...clefProgram.args, ...args] : [...clefProgram.args, ...args];
  const run = spawnSync(command, full, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`clef ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  const rss = /clef-peak-rss-kb (\d+) cpu ([\d.]+) ([\d.]+)/.exec(run.stderr);
  return { json: JSON.parse(run.stdout), seconds, peakRssMb: rss ? Number(rss[1]) / 1024 : undefined, cpuSeconds: rss ? Number(rss[2]) + Number(rss[3]) : undefined };
}

/** The duration ffprobe reports, or 0 for a file it cannot read (such files are never drawn as excerpts). */
export function durationOf(file: string): number {
  try {
    return Number(execFileSync('ffprobe', ['-v', 'quiet', '-show_entries', 'format=duration', '-of', 'csv=p=0', file], { encoding: 'utf8' }).trim()) || 0;
  } catch {
    return 0;
  }
}
