import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ClefError } from '../../errors/clef-error.js';
import type { CwrCodeList, CwrLookups } from './cwr-lookups.js';
import { buildCwrTerritories } from './cwr-territories.js';

/** The repository's `data/lookups` folder, where the CWR code lists, societies and TIS tables live. */
export const cwrLookupsDir = fileURLToPath(new URL('../../../data/lookups/', import.meta.url));

const codeLists: readonly CwrCodeList[] = [
  'writer-designations', 'publisher-types', 'title-types', 'version-types',
  'distribution-categories', 'transaction-statuses', 'message-types',
];

// Only the leading columns are read, and those never hold quoted commas (names with commas come later in a row).
function readColumns(dir: string, name: string, skipHeader: boolean): string[][] {
  const file = join(dir, name);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ClefError('CLEF_FILE_UNREADABLE', `cannot read lookup table: ${(error as Error).message}`, { file });
  }
  const rows = text.split(/\r?\n/).filter((line) => line.trim() !== '').map((line) => line.split(','));
  return skipHeader ? rows.slice(1) : rows;
}

/** Reads the CWR lookup tables from `data/lookups` (or another folder with the same files). */
export function loadCwrLookups(dir = cwrLookupsDir): CwrLookups {
  const codes = Object.fromEntries(
    codeLists.map((list) => [list, new Set(readColumns(dir, `cwr-${list}.csv`, true).map((row) => row[0].trim()))]),
  ) as Record<CwrCodeList, Set<string>>;
  const societies = new Set(readColumns(dir, 'societies.csv', false).map((row) => Number(row[0])));
  const territories = readColumns(dir, 'tis-territories.csv', true).map((row) => Number(row[0]));
  const tree = readColumns(dir, 'tis-tree.csv', true).map((row) => ({ level: Number(row[0]), tis: Number(row[1]), country: row[4] === 'COUNTRY' }));
  return { codes, societies, territories: buildCwrTerritories(territories, tree) };
}
