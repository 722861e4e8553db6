import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository's root folder. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A path inside `../shared` (the read-only standards and fixtures beside the repository). */
export function sharedPath(...segments: string[]): string {
  return join(repoRoot, '..', 'shared', ...segments);
}
