/**
 * A DSR record definition as the SQL reads it: the formats part's `DsrRecordDefinition` is one (the store sits below
 * formats, so it names the shape rather than importing it).
 */
export interface DsrRecordDefinition {
  readonly recordType: string;
  readonly cells: readonly DsrCellDefinition[];
}

/** One cell of a record definition: `type` a DSR cell type (`avs`, `string`, `integer`, …), `allowedValues` the name of its set. */
export interface DsrCellDefinition {
  readonly name: string;
  readonly mandatory: boolean;
  readonly type: string;
  readonly pattern?: string;
  readonly allowedValues?: string;
  readonly multiple: boolean;
}

/** The DSR allowed-value sets by name (`CurrencyCode` → its codes). */
export type DsrAllowedValueSets = Readonly<Record<string, readonly string[]>>;

/** A SQL string literal. */
export function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** The raw text of a record's cell `index` (0 the record type) in the loaded lines' split cells `c`, or NULL past the line's end. */
export function cellSql(index: number): string {
  return `c[${index + 1}]`;
}

/** The cell of one of `names` (the first the definition has) as the row builder reads it: NULL when absent or empty. */
export function namedCellSql(definition: DsrRecordDefinition, ...names: string[]): string {
  for (const name of names) {
    const i = definition.cells.findIndex((c) => c.name === name);
    if (i !== -1) return `NULLIF(${cellSql(i)}, '')`;
  }
  return 'NULL';
}

/** One expression per record type: `CASE c[1] WHEN type THEN expression … END` (NULL for the others). */
export function perRecordType(definitions: readonly DsrRecordDefinition[], expression: (definition: DsrRecordDefinition) => string, otherwise = 'NULL'): string {
  if (definitions.length === 0) return otherwise;
  return `CASE c[1] ${definitions.map((d) => `WHEN ${literal(d.recordType)} THEN ${expression(d)}`).join(' ')} ELSE ${otherwise} END`;
}

/** The values of a multi-value cell (no escapes: files with a backslash are not loaded) without empty ones, joined by `|`; NULL when none. */
export function joinedListSql(value: string): string {
  return `NULLIF(regexp_replace(regexp_replace(${value}, '\\|+', '|', 'g'), '^\\||\\|$', '', 'g'), '')`;
}

// Each pattern accepts only values the TypeScript cell check (check-dsr-cells.ts) accepts without a finding: a value
// it does not accept only sends its line to that exact check, which decides.
const integer = `'^\\+?[0-9]{1,18}$'`;
const decimal = `'^\\+?[0-9]{1,12}(\\.[0-9]*)?$'`;
const date = `'^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|1[0-9]|2[0-8]))?)?$'`;
const dateTime = `'^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:?[0-9]{2})?$'`;
const duration = `'^PT(([0-9]+H)?([0-9]+M)?[0-9]+(\\.[0-9]+)?S|([0-9]+H)?[0-9]+M|[0-9]+H)$'`;
const strictIsrc = `'^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$'`;

/** A compact ISWC with its check digit right (`isCompactIswc`): T, nine digits weighted 1 to 9 plus 1, the check. */
function compactIswcSql(v: string): string {
  const sum = ['1', ...[...Array(9)].map((_, i) => `${i + 1} * CAST(substr(${v}, ${i + 2}, 1) AS INTEGER)`)].join(' + ');
  // CASE, not AND: neither engine promises to test the shape before casting the digits.
  return `CASE WHEN ${v} ~ '^T[0-9]{10}$' THEN (10 - (${sum}) % 10) % 10 = CAST(substr(${v}, 11, 1) AS INTEGER) ELSE false END`;
}

/** SQL true for a non-empty single value of `cell` that its TypeScript check surely accepts; undefined when the cell has no check. */
function surelyValidSql(cell: DsrCellDefinition, v: string, allowedValueSets: DsrAllowedValueSets): string | undefined {
  if (cell.name === 'ISRC') return `${v} ~ ${strictIsrc}`;
  if (cell.name === 'ISWC') return compactIswcSql(v);
  switch (cell.type) {
    case 'avs': {
      const allowed = [...new Set((allowedValueSets[cell.allowedValues ?? ''] ?? []).map((value) => value.toLowerCase()))];
      return allowed.length === 0 ? 'false' : `lower(${v}) IN (${allowed.map(literal).join(', ')})`;
    }
    case 'string':
      return cell.pattern === undefined ? undefined : `${v} ~ ${literal(`^(?:${cell.pattern}).*$`)}`;
    case 'integer':
      return `${v} ~ ${integer}`;
    case 'decimal':
      return `${v} ~ ${decimal}`;
    case 'boolean':
      return `lower(${v}) IN ('true', 'false', '1', '0')`;
    case 'date':
      return `${v} ~ ${date}`;
    case 'dateTime':
      return `${v} ~ ${dateTime}`;
    case 'duration':
      return `${v} ~ ${duration}`;
  }
}

/**
 * SQL true for a line of `definition` that the TypeScript cell checks would pass without a finding: mandatory cells
 * filled, every filled cell of a surely valid form, no cell beyond the definition. A line it does not pass is read by
 * those checks (the oracle), in batches.
 */
export function cleanLineSql(definition: DsrRecordDefinition, allowedValueSets: DsrAllowedValueSets): string {
  const terms = [`array_length(c, 1) <= ${definition.cells.length}`];
  definition.cells.forEach((cell, i) => {
    if (i === 0) return;
    const v = cellSql(i);
    const valid = surelyValidSql(cell, v, allowedValueSets);
    const single = valid === undefined ? undefined : cell.multiple ? `(${v} NOT LIKE '%|%' AND ${valid})` : valid;
    if (cell.mandatory) terms.push(single ? `(coalesce(${v}, '') <> '' AND ${single})` : `coalesce(${v}, '') <> ''`);
    else if (single) terms.push(`(coalesce(${v}, '') = '' OR ${single})`);
  });
  return terms.join(' AND ');
}
