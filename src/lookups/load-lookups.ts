import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { ClefError } from '../errors/clef-error.js';
import { buildCodeTable, type CodeTable } from './code-table.js';
import type { CwrCodeList, Lookups } from './lookups.js';
import { buildSocietyTable, type SocietyTable } from './society-table.js';
import { buildTerritoryTable, currentTisDate } from './territory-table.js';

/** The repository's `data/lookups` folder (copied beside the compiled code by `npm run build`). */
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

/** Reads only the society table (for placing work-number namespaces without building the territory tables). */
export function loadSocietyTable(dir: string = defaultLookupsDir): SocietyTable {
  return buildSocietyTable(readRows(dir, 'societies.csv'));
}

/**
 * Reads the lookup CSVs (societies, TIS territories and tree, CWR code lists) into typed tables.
 * `asOf` picks the TIS group memberships valid on that ISO date; the default is the current ones.
 */
export function loadLookups(dir: string = defaultLookupsDir, asOf: string = currentTisDate): Lookups {
  const codeList = (list: CwrCodeList): CodeTable => buildCodeTable(readRows(dir, `cwr-${list.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.csv`));
  return {
    societies: loadSocietyTable(dir),
    territories: buildTerritoryTable(readRows(dir, 'tis-territories.csv'), readRows(dir, 'tis-tree.csv'), asOf),
    writerDesignations: codeList('writerDesignations'),
    publisherTypes: codeList('publisherTypes'),
    titleTypes: codeList('titleTypes'),
    versionTypes: codeList('versionTypes'),
    distributionCategories: codeList('distributionCategories'),
    transactionStatuses: codeList('transactionStatuses'),
    messageTypes: codeList('messageTypes'),
  };
}
