import {
  AliasNode,
  FromNode,
  IdentifierNode,
  OperationNodeTransformer,
  RawNode,
  TableNode,
  type DeleteQueryNode,
  type InsertQueryNode,
  type Kysely,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type SelectQueryNode,
  type UnknownRow,
  type UpdateQueryNode,
} from 'kysely';
import type { Engine } from '../engine.js';
import type { ClefDatabase, StagedTable } from '../schema.js';

/** The tables a works import writes, each with its twin `staged_<table>` (migration 0014). */
export const stagedTables: readonly StagedTable[] = [
  'parties', 'party_ipi_names', 'party_affiliations', 'works', 'work_iswcs', 'work_titles', 'registrations', 'registration_parties',
  'registration_collections', 'registration_links', 'work_collection_shares', 'work_disputes', 'counterclaims', 'recordings',
  'recording_works', 'releases', 'release_tracks', 'history', 'work_search_keys', 'search_terms', 'search_term_variants',
  'cwr_registrations', 'cwr_file_transactions', 'cwr_files',
];

const staged = new Set<string>(stagedTables);

/** The twin a staged import writes instead of `table` (other tables, such as the id counters, are written directly). */
export function twinOf<T extends keyof ClefDatabase & string>(table: T): T {
  return (staged.has(table) ? `staged_${table}` : table) as T;
}

// What an import reads for a table: the registry's rows and its own, less the registry rows it already revised or closed.
function readSql(table: string): string {
  const twin = `"staged_${table}"`;
  if (table === 'registrations') return `(select * from "registrations" r where not exists (select 1 from "staged_revisions" v where v."registration_id" = r."registration_id") union all select * from ${twin})`;
  if (table === 'counterclaims') return `(select * from "counterclaims" c where not exists (select 1 from "staged_closures" s where s."counterclaim_id" = c."counterclaim_id") union all select * from ${twin})`;
  return `(select * from "${table}" union all select * from ${twin})`;
}

const tableName = (node: TableNode): string => node.table.identifier.name;

// A table read in FROM or JOIN becomes the union under the table's own name (or its alias), so column references stand.
function readTable(node: OperationNode): OperationNode {
  if (TableNode.is(node) && staged.has(tableName(node))) return AliasNode.create(RawNode.createWithSql(readSql(tableName(node))), IdentifierNode.create(tableName(node)));
  if (AliasNode.is(node) && TableNode.is(node.node) && staged.has(tableName(node.node))) return AliasNode.create(RawNode.createWithSql(readSql(tableName(node.node))), node.alias);
  return node;
}

function writeTable<T extends OperationNode>(node: T): T {
  if (TableNode.is(node) && staged.has(tableName(node))) return TableNode.create(`staged_${tableName(node)}`) as OperationNode as T;
  return node;
}

class StagedImportTransformer extends OperationNodeTransformer {
  protected override transformSelectQuery(node: SelectQueryNode): SelectQueryNode {
    const transformed = super.transformSelectQuery(node);
    return {
      ...transformed,
      from: transformed.from && FromNode.create(transformed.from.froms.map(readTable)),
      joins: transformed.joins?.map((join) => ({ ...join, table: readTable(join.table) })),
    };
  }

  protected override transformInsertQuery(node: InsertQueryNode): InsertQueryNode {
    const transformed = super.transformInsertQuery(node);
    return { ...transformed, into: transformed.into && writeTable(transformed.into) };
  }

  protected override transformUpdateQuery(node: UpdateQueryNode): UpdateQueryNode {
    const transformed = super.transformUpdateQuery(node);
    return { ...transformed, table: transformed.table && writeTable(transformed.table) };
  }

  protected override transformDeleteQuery(node: DeleteQueryNode): DeleteQueryNode {
    const transformed = super.transformDeleteQuery(node);
    return { ...transformed, from: FromNode.create(transformed.from.froms.map(writeTable)) };
  }
}

class StagedImportPlugin implements KyselyPlugin {
  readonly #transformer = new StagedImportTransformer();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

const stagedDatabases = new WeakSet<Kysely<ClefDatabase>>();

/**
 * The database as a staged import sees it, over one chunk's transaction: every table it writes is read as the
 * registry table and its twin together, and written to the twin. The registry's own readers never see the twins.
 */
export function stagedImport(db: Kysely<ClefDatabase>): Kysely<ClefDatabase> {
  const view = db.withPlugin(new StagedImportPlugin());
  stagedDatabases.add(view);
  return view;
}

/** True for a database `stagedImport` made: its writes to rows already in the registry must be staged as intents. */
export function isStagedImport(db: Kysely<ClefDatabase>): boolean {
  return stagedDatabases.has(db);
}

/** The engine with its bulk path writing to the twins, for a staged import. */
export function stagedEngine(engine: Engine): Engine {
  return { ...engine, bulkInsert: (db, table, rows) => engine.bulkInsert(db, twinOf(table), rows as never) };
}
