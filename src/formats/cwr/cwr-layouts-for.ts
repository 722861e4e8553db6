import type { CwrLayoutTable, CwrVersion } from './cwr-layout.js';
import { cwrLayouts21 } from './layouts-2-1.js';
import { cwrLayouts22Changes } from './layouts-2-2.js';
import { cwrLayouts30 } from './layouts-3-0.js';
import { cwrLayouts31Changes } from './layouts-3-1.js';

const tables: Record<CwrVersion, CwrLayoutTable> = {
  '2.1': cwrLayouts21,
  '2.2': { ...cwrLayouts21, ...cwrLayouts22Changes },
  '3.0': cwrLayouts30,
  '3.1': { ...cwrLayouts30, ...cwrLayouts31Changes },
};

/** The record layouts of a CWR version: each newer version is the previous table with its changes laid over it. */
export function cwrLayoutsFor(version: CwrVersion): CwrLayoutTable {
  return tables[version];
}
