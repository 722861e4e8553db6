/** A CWR code list: code → name. */
export type CodeTable = ReadonlyMap<string, string>;

/** Builds a code list from `code,name` rows, skipping the header row. */
export function buildCodeTable(rows: readonly (readonly string[])[]): CodeTable {
  const table = new Map<string, string>();
  for (const [code, name] of rows) {
    if (code === 'code' || !code) continue;
    table.set(code, name ?? '');
  }
  return table;
}
