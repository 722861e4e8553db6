import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { queryExtension, recipe } from './query-recipe.js';

/** One benchmark query: where its excerpt came from and the query file made from it. */
export interface BenchQuery {
  readonly condition: string;
  readonly source: string;
  readonly startS: number;
  readonly file: string;
}

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** RMS amplitude of a WAV file as `sox … -n stat` reports it. */
function rmsOf(file: string): number {
  // sox writes its statistics to standard error.
  const report = spawnSync('sox', [file, '-n', 'stat'], { encoding: 'utf8' }).stderr;
  const m = /RMS\s+amplitude:\s+([\d.e+-]+)/.exec(report);
  if (!m) throw new Error(`sox stat gave no RMS for ${file}`);
  return Number(m[1]);
}

/** Makes the 10 s clean excerpt (cached) and the degraded query for a condition, following the recipe exactly. */
export function makeQuery(cache: string, condition: string, source: string, startS: number, n: number): BenchQuery {
  const dir = join(cache, 'queries', condition);
  mkdirSync(dir, { recursive: true });
  // Cached files are named by what they hold, so a changed draw never reuses a stale query.
  const key = createHash('sha256').update(`${source}@${startS}`).digest('hex').slice(0, 10);
  const excerpt = join(cache, 'queries', 'excerpts', `${key}.wav`);
  mkdirSync(join(cache, 'queries', 'excerpts'), { recursive: true });
  if (!existsSync(excerpt)) {
    const cmd = recipe.extract.replace('{start}', startS.toFixed(3)).split(' ').map((a) => a.replace('{file}', source).replace('{in}', excerpt));
    run(cmd[0], cmd.slice(1));
  }
  const out = join(dir, `q-${String(n).padStart(3, '0')}-${key}.${queryExtension(condition)}`);
  if (!existsSync(out)) {
    const spec = condition === 'negative' ? recipe.conditions.clean : recipe.conditions[condition];
    if (spec.startsWith('noise:')) {
      const snr = Number(spec.slice(6));
      const noise = `${out}.noise.wav`;
      run('sox', ['-R', '-n', '-r', '44100', '-c', '1', '-b', '16', noise, 'synth', String(recipe.excerptSeconds), 'whitenoise', 'vol', '0.5']);
      const k = rmsOf(excerpt) / rmsOf(noise) / 10 ** (snr / 20);
      // Both halved so the sum does not clip at 0 dB SNR.
      run('sox', ['-m', '-v', '0.5', excerpt, '-v', (k / 2).toFixed(6), noise, out]);
      rmSync(noise);
    } else if (spec === 'cp {in} {out}') {
      copyFileSync(excerpt, out);
    } else {
      const args = spec.split(' ').map((a) => a.replace('{in}', excerpt).replace('{out}', out));
      run(args[0], args.slice(1));
    }
  }
  return { condition, source, startS, file: out };
}
