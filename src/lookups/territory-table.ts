/**
 * The CISAC TIS territories as a typed table: names, ISO codes, and for every code (country or group)
 * the countries it contains on a reference date, as a bit set over a fixed country index.
 */
export interface TerritoryTable {
  /** Every country code the tree or the list has ever named; a country's position here is its bit. */
  readonly countryCodes: readonly number[];
  readonly bitOf: ReadonlyMap<number, number>;
  /** Words per territory bit set. */
  readonly wordCount: number;
  /** Every known TIS code (country or group) → its current name. */
  readonly names: ReadonlyMap<number, string>;
  /** Every known TIS code → the countries it contains on the reference date (a country contains itself). */
  readonly members: ReadonlyMap<number, Uint32Array>;
  /** ISO 3166-1 alpha-2 code → TIS code of the country existing on the reference date. */
  readonly tisByIso: ReadonlyMap<string, number>;
  /** The reference date the group memberships were taken on, ISO `YYYY-MM-DD`. */
  readonly asOf: string;
}

/** The reference date for the memberships that are open-ended in the TIS tables (the current ones). */
export const currentTisDate = '3999-12-31';

const header = 'TIS-N';

/** `31.12.3999` → `3999-12-31`, so dates compare as strings. */
function isoDate(ddmmyyyy: string): string {
  const [d, m, y] = ddmmyyyy.split('.');
  return `${y}-${m}-${d}`;
}

function within(asOf: string, from: string, until: string): boolean {
  return (from === '' || isoDate(from) <= asOf) && (until === '' || asOf <= isoDate(until));
}

/**
 * Builds the table from the rows of `tis-territories.csv` and `tis-tree.csv` (header rows included or not).
 * `asOf` picks the memberships valid on that date; the default takes the current, open-ended ones
 * (so the United Kingdom is not in the European Union).
 */
export function buildTerritoryTable(
  territoryRows: readonly (readonly string[])[],
  treeRows: readonly (readonly string[])[],
  asOf: string = currentTisDate,
): TerritoryTable {
  const territories = territoryRows.filter((r) => r[0] !== header && r.length >= 10);
  const tree = treeRows.filter((r) => r[0] !== 'Level' && r.length >= 10);

  const countrySet = new Set<number>();
  for (const r of territories) if (r[3] === 'LND') countrySet.add(Number(r[0]));
  for (const r of tree) if (r[4] === 'COUNTRY') countrySet.add(Number(r[1]));
  const countryCodes = [...countrySet].sort((a, b) => a - b);
  const bitOf = new Map(countryCodes.map((code, bit) => [code, bit]));
  const wordCount = Math.ceil(countryCodes.length / 32);

  const names = new Map<number, string>();
  const tisByIso = new Map<string, number>();
  const exists = new Map<number, boolean>();
  for (const r of tree) {
    names.set(Number(r[1]), r[9]);
    if (within(asOf, r[2], r[3])) exists.set(Number(r[1]), true);
    else if (!exists.has(Number(r[1]))) exists.set(Number(r[1]), false);
  }
  for (const r of territories) {
    const code = Number(r[0]);
    const live = within(asOf, r[1], r[2]);
    if (live || !names.has(code)) names.set(code, r[9]);
    if (live) exists.set(code, true);
    else if (!exists.has(code)) exists.set(code, false);
    if (live && r[3] === 'LND' && within(asOf, r[7], r[8])) tisByIso.set(r[5], code);
  }
  for (const r of tree) if (r[4] === 'COUNTRY' && exists.get(Number(r[1])) && !tisByIso.has(r[5])) tisByIso.set(r[5], Number(r[1]));

  const members = new Map<number, Uint32Array>();
  const setOf = (code: number): Uint32Array => {
    let words = members.get(code);
    if (!words) members.set(code, (words = new Uint32Array(wordCount)));
    return words;
  };
  for (const code of names.keys()) setOf(code);
  for (const code of countryCodes) {
    if (!exists.get(code)) continue;
    const bit = bitOf.get(code)!;
    setOf(code)[bit >>> 5] |= 1 << (bit & 31);
  }

  // A row belongs to the nearest row above it with a lower level; the link is valid between its "belongs to" dates.
  const path: { level: number; code: number; live: boolean }[] = [];
  for (const r of tree) {
    const level = Number(r[0]);
    const code = Number(r[1]);
    while (path.length > 0 && path[path.length - 1].level >= level) path.pop();
    const parentLive = path.length === 0 || path[path.length - 1].live;
    const live = parentLive && (level === 1 || within(asOf, r[7], r[8])) && exists.get(code) === true;
    path.push({ level, code, live });
    if (r[4] !== 'COUNTRY' || !live) continue;
    const bit = bitOf.get(code)!;
    for (const ancestor of path) if (ancestor.live) setOf(ancestor.code)[bit >>> 5] |= 1 << (bit & 31);
  }
  return { countryCodes, bitOf, wordCount, names, members, tisByIso, asOf };
}
