import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { ClefError } from '../errors/clef-error.js';
import { buildCodeTable } from './code-table.js';
import type { Lookups } from './lookups.js';
import { buildSocietyTable } from './society-table.js';
import { buildTerritoryTable, currentTisDate } from './territory-table.js';

/** The repository's `data/lookups` folder. */
export const defaultLookupsDir = fileURLToPath(new URL('../../data/lookups/', import.meta.url));

function readRows(dir: string, name: string): string[][] {
  const file = join(dir, name);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ClefError('CLEF_FILE_UNREADABLE', `cannot read lookup table: ${(error as Error).message}`, { file });
  }
  try {
    return parse(text, { relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];
  } catch (error) {
    throw new ClefError('CLEF_FILE_UNREADABLE', `lookup table is not valid CSV: ${(error as Error).message}`, { file });
  }
}

/**
 * Reads the lookup CSVs (societies, TIS territories and tree, CWR code lists) into typed tables.
 * `asOf` picks the TIS group memberships valid on that ISO date; the default is the current ones.
 */
export function loadLookups(dir: string = defaultLookupsDir, asOf: string = currentTisDate): Lookups {
  return {
    societies: buildSocietyTable(readRows(dir, 'societies.csv')),
    territories: buildTerritoryTable(readRows(dir, 'tis-territories.csv'), readRows(dir, 'tis-tree.csv'), asOf),
    writerDesignations: buildCodeTable(readRows(dir, 'cwr-writer-designations.csv')),
    publisherTypes: buildCodeTable(readRows(dir, 'cwr-publisher-types.csv')),
    titleTypes: buildCodeTable(readRows(dir, 'cwr-title-types.csv')),
    versionTypes: buildCodeTable(readRows(dir, 'cwr-version-types.csv')),
    transactionStatuses: buildCodeTable(readRows(dir, 'cwr-transaction-statuses.csv')),
    messageTypes: buildCodeTable(readRows(dir, 'cwr-message-types.csv')),
  };
}
