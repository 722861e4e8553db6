import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ClefError } from '../../errors/clef-error.js';
import type { Finding } from '../../errors/finding.js';
import { loadLookups, type Lookups } from '../../lookups/index.js';
import { validateCwr, type CwrValidationSummary } from './validate-cwr.js';

/** The report of validating one CWR file: its name, version, counts and every finding in file order. */
export interface CwrFileReport extends CwrValidationSummary {
  readonly file: string;
  readonly findingList: readonly Finding[];
}

/**
 * Validates a CWR file on disk (the `cwr validate` use case), streaming it; findings are located by the file's base name.
 * Throws CLEF_FILE_UNREADABLE when the file does not exist or is not a regular file.
 */
export async function validateCwrFile(path: string, lookups: Lookups = loadLookups()): Promise<CwrFileReport> {
  let isFile = false;
  try {
    isFile = statSync(path).isFile();
  } catch (error) {
    throw new ClefError('CLEF_FILE_UNREADABLE', `cannot read CWR file: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`, { file: path });
  }
  if (!isFile) throw new ClefError('CLEF_FILE_UNREADABLE', 'cannot read CWR file: not a regular file', { file: path });
  const file = basename(path);
  const findingList: Finding[] = [];
  const summary = await validateCwr(createReadStream(path, { highWaterMark: 1 << 20 }), {
    lookups,
    fileName: file,
    onFinding: (finding) => findingList.push(finding),
  });
  return { file, ...summary, findingList };
}
