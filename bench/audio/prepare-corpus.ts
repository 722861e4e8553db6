import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Debian packages whose music is indexed (about 8 hours) and whose music is never indexed (the negatives). */
export const referencePackages = ['wesnoth-1.16-music', 'warzone2100-music', 'singularity-music', 'drascula-music'];
export const negativePackages = ['hyperrogue-music', 'asc-music'];

const audio = /\.(ogg|opus|mp3|flac|wav)$/i;

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    // Symbolic links are skipped: drascula-music links most of its tracks under several names.
    if (entry.isDirectory()) out.push(...walk(full));
    else if (entry.isFile() && audio.test(entry.name)) out.push(full);
  }
  return out.sort();
}

/** Installs sox, ffmpeg (and lame) with apt-get when missing. */
export function ensureTools(): void {
  const missing = ['sox', 'ffmpeg'].filter((tool) => spawnSync(tool, ['--version'], { stdio: 'ignore' }).status !== 0 && spawnSync(tool, ['-version'], { stdio: 'ignore' }).status !== 0);
  if (missing.length === 0) return;
  console.error(`installing ${missing.join(', ')} with apt-get`);
  execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-q', 'sox', 'ffmpeg', 'libsox-fmt-all'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/** Downloads (apt-get download) and unpacks (dpkg-deb -x) the corpus packages into the cache; returns their audio files. */
export function prepareCorpus(cache: string): { references: string[]; negatives: string[] } {
  const debs = join(cache, 'debs');
  const root = join(cache, 'root');
  mkdirSync(debs, { recursive: true });
  let updated = false;
  const files = (names: string[]) =>
    names.flatMap((name) => {
      const target = join(root, name);
      if (!existsSync(target)) {
        if (!readdirSync(debs).some((f) => f.startsWith(`${name}_`))) {
          if (!updated) execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit' });
          updated = true;
          console.error(`apt-get download ${name}`);
          execFileSync('apt-get', ['download', name], { cwd: debs, stdio: 'inherit' });
        }
        const deb = readdirSync(debs).find((f) => f.startsWith(`${name}_`));
        if (!deb) throw new Error(`apt-get download ${name} produced no .deb`);
        mkdirSync(target, { recursive: true });
        execFileSync('dpkg-deb', ['-x', join(debs, deb), target]);
      }
      return walk(target);
    });
  return { references: files(referencePackages), negatives: files(negativePackages) };
}
