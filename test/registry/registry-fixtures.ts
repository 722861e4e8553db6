import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLookups } from '../../src/lookups/index.js';
import type { RegistryContext } from '../../src/registry/use-cases/registry-context.js';
import type { Store } from '../../src/store/index.js';

const lookups = loadLookups();

/** A registry context on a store with a fixed, advancing clock so history and revisions are ordered. */
export function testContext(store: Store, actor = 'tester'): RegistryContext {
  let tick = 0;
  return { store, actor, lookups, clock: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)).toISOString() };
}

export const worksHeader =
  'submitter_work_number,title,iswc,ai_composition,ai_lyrics,ai_arrangement,party1_role,party1_ipi,party1_name,party1_pr_share,party1_mr_share,party1_sr_share,party1_territories,party2_role,party2_ipi,party2_name,party2_pr_share,party2_mr_share,party2_sr_share,party2_territories,isrc,recording_title,display_artist';

/** Writes a works CSV with the test header and the given rows; returns its path. */
export function writeWorksCsv(dir: string, name: string, rows: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, [worksHeader, ...rows].join('\n') + '\n');
  return path;
}
