import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from './support/repo-paths.js';

// A person who clones Clef builds, tests and regenerates it from the repository alone (docs/architecture.md).
const skipped = new Set(['node_modules', '.git', 'dist', '.bench', 'tmp', 'coverage']);

function repositoryFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (skipped.has(name)) return [];
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) return repositoryFiles(path);
    return stat.size < 2_000_000 ? [path] : [];
  });
}

test('no file of the repository reads or names the team folder that sits beside checkouts', () => {
  const outside = ['..', 'shared'].join('/');
  const offenders = repositoryFiles(repoRoot).filter((file) => readFileSync(file, 'latin1').includes(outside)).map((file) => relative(repoRoot, file));
  assert.deepEqual(offenders, []);
});

test('every folder of copied third-party files keeps their licence beside them, and its README or NOTICE names it', () => {
  const copied: Record<string, { licences: string[]; describedIn: string }> = {
    'test/fixtures/cwr': { licences: ['LICENSE.django-music-publisher'], describedIn: 'test/fixtures/NOTICE.md' },
    'test/fixtures/dsr': { licences: ['LICENSE.dsrf'], describedIn: 'test/fixtures/NOTICE.md' },
    'data/reference/dsrf-xsd': { licences: ['LICENSE.dsrf'], describedIn: 'data/reference/README.md' },
    'data/lookups': { licences: ['LICENSE.django-music-publisher', 'LICENSE.territories'], describedIn: 'data/lookups/README.md' },
  };
  for (const [folder, { licences, describedIn }] of Object.entries(copied)) {
    const notice = readFileSync(join(repoRoot, describedIn), 'utf8');
    for (const licence of licences) {
      assert.ok(existsSync(join(repoRoot, folder, licence)), `${folder}/${licence}`);
      assert.ok(notice.includes(licence), `${describedIn} names ${licence}`);
    }
  }
  assert.match(readFileSync(join(repoRoot, 'LICENSE'), 'utf8'), /Apache License\s+Version 2\.0/);
});
