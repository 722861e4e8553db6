import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import type { ClefDatabase } from '../schema.js';
import { cleanLineSql, literal, perRecordType, type DsrAllowedValueSets, type DsrRecordDefinition } from './dsr-line-sql.js';

/** The bases (first four characters of the record type) of the records that make up blocks. */
export const blockRecordBases = ['RE01', 'AS01', 'AS02', 'MW01', 'RE02', 'RU01', 'RU02', 'SU01', 'SU02', 'SU03', 'LI01'] as const;

// Tab separates cells; other control characters are refused in any line (NUL and CR never reach here: the byte pass sends
// such files to the TypeScript reader, and PostgreSQL cannot hold a NUL in a parameter).
// Anchored, because DuckDB's `~` matches the whole text where PostgreSQL's finds a part (so every pattern here is anchored).
const controlCharacter = '^.*[\x01-\x08\x0a-\x0c\x0e-\x1f\x7f].*$';

/** What a scan of the loaded lines found before any record is read. */
export interface LoadedLineFacts {
  readonly lines: number;
  readonly emptyLines: number;
  readonly controlLines: number;
}

/** Counts the loaded lines, the empty ones and those holding a control character. */
export async function loadedLineFacts(db: Kysely<ClefDatabase>, lines: string): Promise<LoadedLineFacts> {
  const { rows } = await sql<{ lines: bigint; empty: bigint | null; control: bigint | null }>`
    SELECT count(*) AS lines, sum(CASE WHEN text = '' THEN 1 ELSE 0 END) AS empty,
      sum(CASE WHEN text ~ ${controlCharacter} THEN 1 ELSE 0 END) AS control
    FROM ${sql.table(lines)}`.execute(db);
  return { lines: Number(rows[0].lines), emptyLines: Number(rows[0].empty ?? 0), controlLines: Number(rows[0].control ?? 0) };
}

/** The numbers of the first `limit` empty lines. */
export async function emptyLineNumbers(db: Kysely<ClefDatabase>, lines: string, limit: number): Promise<number[]> {
  const { rows } = await sql<{ line: bigint }>`SELECT line FROM ${sql.table(lines)} WHERE text = '' ORDER BY line LIMIT ${limit}`.execute(db);
  return rows.map((r) => Number(r.line));
}

/**
 * Splits the records of the loaded lines (not comments, not empty lines) into their cells once, into the scratch
 * table `records`: `line`, the cells `c` (a list, 1-based), and for block records the BlockId and `run`, the number
 * of the block they belong to (a block is a run of consecutive block records with one BlockId).
 */
export async function splitLoadedRecords(db: Kysely<ClefDatabase>, engine: Engine, lines: string, records: string): Promise<void> {
  await engine.createScratchTableAs(db, records, `
    WITH l AS (SELECT line, string_to_array(text, chr(9)) AS c FROM ${lines} WHERE text <> '' AND substr(text, 1, 1) <> '#'),
    b AS (SELECT line, c, CASE WHEN substr(c[1], 1, 4) IN (${blockRecordBases.map(literal).join(', ')}) THEN coalesce(c[2], '') END AS block_id FROM l),
    s AS (SELECT line, c, block_id,
      CASE WHEN block_id IS NULL THEN 0 WHEN block_id = lag(block_id) OVER (PARTITION BY block_id IS NULL ORDER BY line) THEN 0 ELSE 1 END AS starts FROM b)
    SELECT line, c, block_id, CASE WHEN block_id IS NOT NULL THEN sum(starts) OVER (ORDER BY line) END AS run FROM s`);
}

/** Each record type of the file with its first and last line and how many lines have it. */
export async function loadedRecordTypes(db: Kysely<ClefDatabase>, records: string) {
  const { rows } = await sql<{ record_type: string; first_line: bigint; last_line: bigint; count: bigint }>`
    SELECT c[1] AS record_type, min(line) AS first_line, max(line) AS last_line, count(*) AS count FROM ${sql.table(records)} GROUP BY c[1]`.execute(db);
  return rows.map((r) => ({ recordType: r.record_type, firstLine: Number(r.first_line), lastLine: Number(r.last_line), count: Number(r.count) }));
}

/** The cells of the records on `lines` or of record types `types` (after line `after`, at most `limit`), in line order. */
export async function recordCells(db: Kysely<ClefDatabase>, records: string, where: { lines?: readonly number[]; types?: readonly string[]; after?: number; limit?: number }) {
  const condition = where.lines ? `line IN (${where.lines.map(Number).join(', ') || 'NULL'})` : `c[1] IN (${(where.types ?? []).map(literal).join(', ') || 'NULL'})`;
  const { rows } = await sql<{ line: bigint; c: string[] }>`
    SELECT line, c FROM ${sql.table(records)} WHERE ${sql.raw(condition)} AND line > ${where.after ?? 0} ORDER BY line ${sql.raw(where.limit ? `LIMIT ${Number(where.limit)}` : '')}`.execute(db);
  return rows.map((r) => ({ line: Number(r.line), cells: [...r.c].map((v) => v ?? '') }));
}

/** The shapes of the blocks (their records' bases in order) with how many blocks have each, and how many BlockIds are split over several blocks. */
export async function blockShapes(db: Kysely<ClefDatabase>, records: string) {
  const { rows } = await sql<{ shape: string; blocks: bigint; split: bigint }>`
    WITH runs AS (SELECT run, min(block_id) AS block_id, string_agg(substr(c[1], 1, 4), ' ' ORDER BY line) AS shape
      FROM ${sql.table(records)} WHERE run IS NOT NULL GROUP BY run)
    SELECT shape, count(*) AS blocks, (SELECT count(*) FROM (SELECT block_id FROM runs GROUP BY block_id HAVING count(*) > 1) x) AS split
    FROM runs GROUP BY shape`.execute(db);
  return { shapes: rows.map((r) => ({ shape: r.shape.split(' '), blocks: Number(r.blocks) })), splitBlockIds: Number(rows[0]?.split ?? 0) };
}

/**
 * The records that the set-based cell checks cannot pass (see `cleanLineSql`), after line `after`, `limit` of them
 * in line order: the TypeScript cell checks read these.
 */
export async function suspectRecords(db: Kysely<ClefDatabase>, records: string, definitions: readonly DsrRecordDefinition[], allowedValueSets: DsrAllowedValueSets, after: number, limit: number) {
  const clean = perRecordType(definitions, (definition) => cleanLineSql(definition, allowedValueSets), 'false');
  const { rows } = await sql<{ line: bigint; c: string[] }>`
    SELECT line, c FROM ${sql.table(records)} WHERE line > ${after} AND NOT coalesce(${sql.raw(clean)}, false) ORDER BY line LIMIT ${limit}`.execute(db);
  return rows.map((r) => ({ line: Number(r.line), cells: [...r.c].map((v) => v ?? '') }));
}

/** A DSR count cell as the summary check reads it: an integer, else 0. */
function countSql(value: string): string {
  return `CASE WHEN ${value} ~ '^[+-]?[0-9]{1,30}$' THEN CAST(${value} AS DECIMAL(38, 0)) ELSE 0 END`;
}

/**
 * The summary totals of a chunk, by SummaryRecordId: the Usages its summary records declare (the greatest when an id
 * comes twice; null when none says) and the usages (net of returns) its usage lines list. `summaries` and `usages`
 * give, per record type, the index of its SummaryRecordId, usages and returns cells (-1 when it has none).
 */
export async function summaryTotals(
  db: Kysely<ClefDatabase>,
  records: string,
  summaries: readonly { definition: DsrRecordDefinition; id: number; usages: number }[],
  usages: readonly { definition: DsrRecordDefinition; id: number; usages: number; returns: number }[],
) {
  const at = (i: number) => (i === -1 ? 'NULL' : `c[${i + 1}]`);
  const sy = summaries.map((s) => s.definition);
  const su = usages.filter((u) => u.id !== -1);
  const syId = perRecordType(sy, (d) => `coalesce(${at(summaries.find((s) => s.definition === d)!.id)}, '')`);
  const syUsages = perRecordType(sy, (d) => {
    const i = summaries.find((s) => s.definition === d)!.usages;
    return i === -1 ? 'NULL' : `CASE WHEN coalesce(${at(i)}, '') = '' THEN NULL ELSE ${countSql(at(i))} END`;
  });
  const suId = perRecordType(su.map((u) => u.definition), (d) => `coalesce(${at(su.find((u) => u.definition === d)!.id)}, '')`);
  const suNet = perRecordType(su.map((u) => u.definition), (d) => {
    const u = su.find((x) => x.definition === d)!;
    return `${u.usages === -1 ? '0' : countSql(at(u.usages))} - ${u.returns === -1 ? '0' : countSql(at(u.returns))}`;
  });
  const syTypes = sy.map((d) => literal(d.recordType)).join(', ') || 'NULL';
  const suTypes = su.map((u) => literal(u.definition.recordType)).join(', ') || 'NULL';
  // As text: the totals are DECIMAL(38, 0), past what a JavaScript number holds.
  // A chunk may hold no summary or no usage line: its statement is then not run (PostgreSQL cannot type `sum(NULL)`).
  const declared = sy.length === 0 ? [] : (await sql<{ id: string; usages: string | null }>`
    SELECT ${sql.raw(syId)} AS id, CAST(max(${sql.raw(syUsages)}) AS VARCHAR) AS usages FROM ${sql.table(records)} WHERE c[1] IN (${sql.raw(syTypes)}) GROUP BY 1`.execute(db)).rows;
  const listed = su.length === 0 ? [] : (await sql<{ id: string; net: string }>`
    SELECT ${sql.raw(suId)} AS id, CAST(sum(${sql.raw(suNet)}) AS VARCHAR) AS net FROM ${sql.table(records)} WHERE c[1] IN (${sql.raw(suTypes)}) GROUP BY 1`.execute(db)).rows;
  return {
    declared: declared.map((r) => ({ id: r.id, usages: r.usages === null ? null : BigInt(r.usages) })),
    listed: listed.map((r) => ({ id: r.id, net: BigInt(r.net) })),
  };
}

const plainNumber = `'^(0|[1-9][0-9]{0,14})$'`;

/**
 * The BlockIds of a chunk's blocks: how many blocks, distinct ids and plain numbers (no sign, no leading zero, at
 * most 15 digits: exact in JavaScript), the least and greatest number, and how many of the numbers lie in
 * [`from`, `to`] (the numbers earlier chunks' blocks had).
 */
export async function blockIdFacts(db: Kysely<ClefDatabase>, records: string, from: number, to: number) {
  const { rows } = await sql<{ blocks: bigint; ids: bigint; numeric: bigint | null; low: bigint | null; high: bigint | null; within: bigint | null }>`
    WITH runs AS (SELECT min(block_id) AS block_id, min(block_id) ~ ${sql.raw(plainNumber)} AS plain FROM ${sql.table(records)} WHERE run IS NOT NULL GROUP BY run),
    n AS (SELECT block_id, plain, CASE WHEN plain THEN CAST(block_id AS BIGINT) END AS number FROM runs)
    SELECT count(*) AS blocks, count(DISTINCT block_id) AS ids, sum(CASE WHEN plain THEN 1 ELSE 0 END) AS numeric, min(number) AS low, max(number) AS high,
      sum(CASE WHEN number BETWEEN ${from} AND ${to} THEN 1 ELSE 0 END) AS within
    FROM n`.execute(db);
  const [r] = rows;
  const n = (v: bigint | null) => (v === null ? null : Number(v));
  return { blocks: Number(r.blocks), ids: Number(r.ids), numeric: Number(r.numeric ?? 0), low: n(r.low), high: n(r.high), within: Number(r.within ?? 0) };
}

/**
 * Counts a chunk's BlockIds that earlier chunks had (kept in the indexed scratch table `blockIds`, made here on
 * first use), then keeps the chunk's too.
 */
export async function carryBlockIds(db: Kysely<ClefDatabase>, engine: Engine, records: string, blockIds: string, made: boolean): Promise<number> {
  const ids = `SELECT DISTINCT block_id FROM ${records} WHERE run IS NOT NULL`;
  if (!made) {
    await engine.createScratchTableAs(db, blockIds, ids);
    await sql.raw(`CREATE INDEX ${blockIds}_id ON ${blockIds} (block_id)`).execute(db);
    return 0;
  }
  const { rows } = await sql<{ again: bigint }>`SELECT count(*) AS again FROM (${sql.raw(ids)}) c JOIN ${sql.table(blockIds)} b ON b.block_id = c.block_id`.execute(db);
  await sql.raw(`INSERT INTO ${blockIds} ${ids}`).execute(db);
  return Number(rows[0].again);
}
