import type { ColumnDataType, Kysely } from 'kysely';

/** A column as migrations write it: name, type and whether it may be NULL (default: not null). */
export type ColumnSpec = readonly [name: string, type: ColumnDataType, nullable?: 'null'];

/**
 * Creates a table in the DDL subset both engines accept (DESIGN.md: no SERIAL, no cascades;
 * ids are made in TypeScript).
 */
export async function defineTable(
  db: Kysely<any>,
  table: string,
  columns: readonly ColumnSpec[],
  primaryKey: readonly string[] = [],
): Promise<void> {
  let builder = db.schema.createTable(table);
  for (const [name, type, nullable] of columns) {
    builder = builder.addColumn(name, type, (column) => (nullable ? column : column.notNull()));
  }
  if (primaryKey.length > 0) builder = builder.addPrimaryKeyConstraint(`${table}_pk`, primaryKey as never[]);
  await builder.execute();
}

/** Creates a plain secondary index. */
export async function defineIndex(db: Kysely<any>, table: string, columns: readonly string[]): Promise<void> {
  await db.schema.createIndex(`${table}_${columns.join('_')}_idx`).on(table).columns(columns as string[]).execute();
}
