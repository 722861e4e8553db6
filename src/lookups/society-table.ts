/** A CISAC society: its code (three digits, as CWR writes it), name and country. */
export interface Society {
  readonly code: string;
  readonly name: string;
  readonly country: string;
}

/** Societies by their three-digit code. */
export type SocietyTable = ReadonlyMap<string, Society>;

/**
 * A society code as the table keys it: digits padded or trimmed to CWR's three (`52` and the HDR's `000000052`
 * are `052`); other text comes back trimmed.
 */
export function normalizeSocietyCode(code: string): string {
  const trimmed = code.trim();
  return /^\d+$/.test(trimmed) ? trimmed.replace(/^0+(?=\d{3})/, '').padStart(3, '0') : trimmed;
}

/** Builds the society table from the rows of `societies.csv` (code, name, country; no header). */
export function buildSocietyTable(rows: readonly (readonly string[])[]): SocietyTable {
  const table = new Map<string, Society>();
  for (const [code, name, country] of rows) {
    if (!/^\d+$/.test(code ?? '')) continue;
    const society = { code: normalizeSocietyCode(code), name: name ?? '', country: country ?? '' };
    table.set(society.code, society);
  }
  return table;
}
