import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository's root folder. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A real public file the tests read, under `test/fixtures/` (sources and licences in its NOTICE.md). */
export function fixturePath(...segments: string[]): string {
  return join(repoRoot, 'test', 'fixtures', ...segments);
}

/** A standards extract under `data/reference/` (layouts, record definitions, identifier vectors). */
export function referencePath(...segments: string[]): string {
  return join(repoRoot, 'data', 'reference', ...segments);
}
