import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import type { ClefDatabase } from '../schema.js';
import { cellSql, joinedListSql, literal, namedCellSql, perRecordType, type DsrRecordDefinition } from './dsr-line-sql.js';

/** The record definitions of a file by the kind of row they stage. */
export interface LoadedDefinitions {
  readonly resources: readonly DsrRecordDefinition[];
  readonly works: readonly DsrRecordDefinition[];
  readonly usages: readonly DsrRecordDefinition[];
  readonly licensors: readonly DsrRecordDefinition[];
}

/** Where the loaded file's scratch tables are and what its staged rows carry. */
export interface LoadedStaging {
  readonly records: string;
  /** The fold of each resource with its block's work data (`foldLoadedResources`). */
  readonly resources: string;
  /** `kind`, `raw`, `value`: what TypeScript computed once per distinct value (`isrc`, `iswc`, `numbers`, `title`, `artist`, `writers`). */
  readonly keys: string;
  readonly reportId: bigint;
  readonly fileNumber: number;
}

const types = (definitions: readonly DsrRecordDefinition[]): string => definitions.map((d) => literal(d.recordType)).join(', ') || 'NULL';
const named = (definitions: readonly DsrRecordDefinition[], ...names: string[]): string => perRecordType(definitions, (d) => namedCellSql(d, ...names));
const listed = (definitions: readonly DsrRecordDefinition[], name: string): string => joinedListSql(named(definitions, name));
const count = (value: string): string => `CASE WHEN ${value} ~ '^[+-]?[0-9]{1,19}$' THEN CAST(${value} AS BIGINT) ELSE 0 END`;
const strictIsrc = `'^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$'`;
const compactIswc = (v: string): string =>
  `CASE WHEN ${v} ~ '^T[0-9]{10}$' THEN (10 - (1 + ${[...Array(9)].map((_, i) => `${i + 1} * CAST(substr(${v}, ${i + 2}, 1) AS INTEGER)`).join(' + ')}) % 10) % 10 = CAST(substr(${v}, 11, 1) AS INTEGER) ELSE false END`;

/** The works of the file (MW01) with their ISWC as received and its checked form (from `keys` when not compact). */
function workRows(l: LoadedStaging, d: LoadedDefinitions): string {
  return `SELECT w.*, CASE WHEN iswc IS NULL THEN NULL WHEN ${compactIswc('iswc')} THEN iswc ELSE (SELECT value FROM ${l.keys} k WHERE k.kind = 'iswc' AND k.raw = w.iswc) END AS valid_iswc
    FROM (SELECT line, run, c[1] AS record_type, coalesce(${named(d.works, 'BlockId')}, '') AS block_id, coalesce(${named(d.works, 'DspWorkId')}, '') AS dsp_work_id,
      coalesce(${named(d.works, 'Title')}, '') AS title, ${named(d.works, 'ISWC')} AS iswc, ${listed(d.works, 'ComposerAuthor')} AS writers,
      ${listed(d.works, 'MusicPublisher')} AS publishers, ${listed(d.works, 'ProprietaryWorkId')} AS proprietary_work_ids
      FROM ${l.records} WHERE c[1] IN (${types(d.works)})) w`;
}

/** The distinct received ISRCs and ISWCs that are not in their compact form: TypeScript reads those (`parseIsrc`, `parseIswc`). */
export async function uncompactIdentifiers(db: Kysely<ClefDatabase>, l: LoadedStaging, d: LoadedDefinitions) {
  const inline = d.resources.filter((r) => r.recordType.startsWith('AS02'));
  const { rows } = await sql<{ kind: string; raw: string }>`
    SELECT DISTINCT 'isrc' AS kind, v AS raw FROM (SELECT ${sql.raw(named(d.resources, 'ISRC'))} AS v FROM ${sql.table(l.records)} WHERE c[1] IN (${sql.raw(types(d.resources))})) x
      WHERE v IS NOT NULL AND NOT v ~ ${sql.raw(strictIsrc)}
    UNION SELECT DISTINCT 'iswc', v FROM (SELECT ${sql.raw(named([...d.works, ...inline], 'ISWC'))} AS v FROM ${sql.table(l.records)} WHERE c[1] IN (${sql.raw(types([...d.works, ...inline]))})) y
      WHERE v IS NOT NULL AND NOT (${sql.raw(compactIswc('v'))})`.execute(db);
  return rows;
}

/**
 * Folds each resource (AS01, AS02) with its block's work data into the scratch table `resources`, as the TypeScript
 * stager does (usage-stager.ts): an AS02's own work, else the block's first MW01, none for a medley (an AS01 whose
 * block names several MW01: its writers are all of theirs); the work numbers of that work and of the block's LI01
 * (namespaced by their rights controller), in order (`numbers`; those with several values are deduplicated through
 * `keys`). Needs the `iswc` and `isrc` keys.
 */
export async function foldLoadedResources(db: Kysely<ClefDatabase>, engine: Engine, l: LoadedStaging, d: LoadedDefinitions): Promise<void> {
  const r = d.resources;
  const as02 = r.filter((def) => def.recordType.startsWith('AS02'));
  const ownIswc = perRecordType(as02, (def) => namedCellSql(def, 'ISWC'));
  const ownWriters = joinedListSql(perRecordType(as02, (def) => namedCellSql(def, 'ComposerAuthor')));
  const ownNumbers = joinedListSql(perRecordType(as02, (def) => namedCellSql(def, 'ProprietaryWorkId')));
  const li = d.licensors;
  const controllerNumber = `CASE WHEN ${named(li, 'RightsControllerWorkId')} LIKE '%::%' THEN ${named(li, 'RightsControllerWorkId')}
    ELSE coalesce(${named(li, 'RightsControllerPartyId')}, ${named(li, 'RightsController')}, '') || '::' || ${named(li, 'RightsControllerWorkId')} END`;
  await engine.createScratchTableAs(db, l.resources, `
    WITH w AS (${workRows(l, d)}),
    wk AS (SELECT w.*, row_number() OVER (PARTITION BY run ORDER BY line) AS k FROM w),
    blk AS (SELECT run, count(*) AS works, string_agg(writers, '|' ORDER BY line) AS all_writers FROM wk GROUP BY run),
    firstvalid AS (SELECT run, valid_iswc FROM (SELECT run, valid_iswc, row_number() OVER (PARTITION BY run ORDER BY line) AS v FROM w WHERE valid_iswc IS NOT NULL) x WHERE v = 1),
    lin AS (SELECT run, string_agg(number, '|' ORDER BY line) AS numbers FROM (
      SELECT run, line, ${controllerNumber} AS number FROM ${l.records} WHERE c[1] IN (${types(li)}) AND ${named(li, 'RightsControllerWorkId')} IS NOT NULL) x GROUP BY run),
    res AS (SELECT line, run, c[1] AS record_type, substr(c[1], 1, 4) = 'AS02' AS own,
      coalesce(${named(r, 'BlockId')}, '') AS block_id, coalesce(${named(r, 'ResourceReference')}, '') AS resource_reference,
      coalesce(${named(r, 'DspResourceId')}, '') AS dsp_resource_id, ${named(r, 'ISRC')} AS isrc, coalesce(${named(r, 'Title')}, '') AS title,
      ${named(r, 'SubTitle')} AS sub_title, coalesce(${named(r, 'DisplayArtistName')}, '') AS display_artist, ${named(r, 'Duration')} AS duration,
      ${named(r, 'ResourceType')} AS resource_type, ${ownIswc} AS own_iswc, ${ownWriters} AS own_writers, ${ownNumbers} AS own_numbers
      FROM ${l.records} WHERE c[1] IN (${types(r)})),
    folded AS (SELECT res.*, coalesce(blk.works, 0) AS works, NOT res.own AND coalesce(blk.works, 0) > 1 AS medley, fw.iswc AS first_iswc,
      fw.valid_iswc AS first_valid_iswc, fw.writers AS first_writers, fw.proprietary_work_ids AS first_numbers, blk.all_writers,
      firstvalid.valid_iswc AS any_valid_iswc, lin.numbers AS li_numbers
      FROM res LEFT JOIN blk ON blk.run = res.run LEFT JOIN wk fw ON fw.run = res.run AND fw.k = 1
      LEFT JOIN firstvalid ON firstvalid.run = res.run LEFT JOIN lin ON lin.run = res.run)
    SELECT line, record_type, block_id, resource_reference, dsp_resource_id, isrc,
      CASE WHEN isrc IS NULL THEN NULL WHEN isrc ~ ${strictIsrc} THEN isrc ELSE (SELECT value FROM ${l.keys} k WHERE k.kind = 'isrc' AND k.raw = folded.isrc) END AS valid_isrc,
      title, sub_title, display_artist, duration, resource_type,
      CASE WHEN own THEN own_iswc WHEN medley THEN NULL ELSE first_iswc END AS iswc,
      CASE WHEN medley THEN NULL
        WHEN own THEN coalesce(CASE WHEN own_iswc IS NULL THEN NULL WHEN ${compactIswc('own_iswc')} THEN own_iswc
          ELSE (SELECT value FROM ${l.keys} k WHERE k.kind = 'iswc' AND k.raw = folded.own_iswc) END, any_valid_iswc)
        ELSE coalesce(first_valid_iswc, any_valid_iswc) END AS valid_iswc,
      CASE WHEN own THEN own_writers WHEN medley THEN all_writers ELSE first_writers END AS writers,
      CASE WHEN medley THEN NULL WHEN own THEN NULLIF(concat_ws('|', own_numbers, li_numbers), '') ELSE NULLIF(concat_ws('|', first_numbers, li_numbers), '') END AS numbers
    FROM folded`);
}

/** The distinct titles, artists, writer lists and multi-valued work numbers of the folded resources, for their keys. */
export async function distinctResourceValues(db: Kysely<ClefDatabase>, l: LoadedStaging) {
  const { rows } = await sql<{ kind: string; raw: string }>`
    SELECT DISTINCT 'title' AS kind, title AS raw FROM ${sql.table(l.resources)}
    UNION SELECT DISTINCT 'artist', display_artist FROM ${sql.table(l.resources)}
    UNION SELECT DISTINCT 'writers', writers FROM ${sql.table(l.resources)} WHERE writers IS NOT NULL
    UNION SELECT DISTINCT 'numbers', numbers FROM ${sql.table(l.resources)} WHERE numbers LIKE '%|%'`.execute(db);
  return rows;
}

/** Stages the folded resources, their keys joined from `keys`. */
export async function insertLoadedResources(db: Kysely<ClefDatabase>, l: LoadedStaging): Promise<void> {
  await sql`
    INSERT INTO usage_resources (report_id, file_number, line, record_type, block_id, resource_reference, dsp_resource_id, isrc, valid_isrc, title,
      sub_title, display_artist, duration, resource_type, iswc, valid_iswc, writers, work_numbers, title_key, artist_key, writer_keys)
    SELECT ${l.reportId}, ${l.fileNumber}, r.line, r.record_type, r.block_id, r.resource_reference, r.dsp_resource_id, r.isrc, r.valid_isrc, r.title,
      r.sub_title, r.display_artist, r.duration, r.resource_type, r.iswc, r.valid_iswc, r.writers,
      CASE WHEN r.numbers LIKE '%|%' THEN n.value ELSE r.numbers END, t.value, a.value, wr.value
    FROM ${sql.table(l.resources)} r
    LEFT JOIN ${sql.table(l.keys)} t ON t.kind = 'title' AND t.raw = r.title
    LEFT JOIN ${sql.table(l.keys)} a ON a.kind = 'artist' AND a.raw = r.display_artist
    LEFT JOIN ${sql.table(l.keys)} wr ON wr.kind = 'writers' AND wr.raw = r.writers
    LEFT JOIN ${sql.table(l.keys)} n ON n.kind = 'numbers' AND n.raw = r.numbers`.execute(db);
}

/** Stages the works (MW01). */
export async function insertLoadedWorks(db: Kysely<ClefDatabase>, l: LoadedStaging, d: LoadedDefinitions): Promise<void> {
  if (d.works.length === 0) return;
  await sql`
    INSERT INTO usage_works (report_id, file_number, line, record_type, block_id, dsp_work_id, title, iswc, valid_iswc, writers, publishers, proprietary_work_ids)
    SELECT ${l.reportId}, ${l.fileNumber}, line, record_type, block_id, dsp_work_id, title, iswc, valid_iswc, writers, publishers, proprietary_work_ids
    FROM (${sql.raw(workRows(l, d))}) w`.execute(db);
}

/**
 * Stages the usage lines (SU01–SU03), each with the DSP resource it counts: the resource of its block its
 * TransactedResource (else its own DspResourceId) names by ResourceReference or DspResourceId (the later such
 * resource when several), else the block's only resource; as `DsrStructureTracker.resourceOf` resolves it.
 */
export async function insertLoadedUsageLines(db: Kysely<ClefDatabase>, l: LoadedStaging, d: LoadedDefinitions): Promise<void> {
  if (d.usages.length === 0) return;
  const u = d.usages;
  const r = d.resources;
  const reference = `coalesce(${named(u, 'TransactedResource')}, ${named(u, 'DspResourceId', 'DspReleaseId')})`;
  const royalty = `lower(${named(u, 'IsRoyaltyBearing')})`;
  await sql`
    WITH res AS (SELECT line, run, coalesce(${sql.raw(cellSql(2))}, '') AS reference, coalesce(${sql.raw(cellSql(3))}, '') AS id
      FROM ${sql.table(l.records)} WHERE c[1] IN (${sql.raw(types(r))})),
    named_by AS (SELECT run, key, id FROM (SELECT run, key, id, row_number() OVER (PARTITION BY run, key ORDER BY line DESC) AS latest FROM (
      SELECT run, line, reference AS key, id FROM res UNION ALL SELECT run, line, id AS key, id FROM res) k) x WHERE latest = 1),
    sole AS (SELECT run, min(id) AS id FROM res GROUP BY run HAVING count(DISTINCT id) = 1),
    su AS (SELECT line, run, c[1] AS record_type, coalesce(${sql.raw(named(u, 'BlockId'))}, '') AS block_id, ${sql.raw(named(u, 'SummaryRecordId'))} AS summary_record_id,
      coalesce(${sql.raw(named(u, 'SalesTransactionId'))}, '') AS sales_transaction_id, ${sql.raw(reference)} AS reference,
      ${sql.raw(count(named(u, 'Usages', 'NumberOfStreams')))} AS usages, ${sql.raw(count(named(u, 'Returns')))} AS returns,
      CASE WHEN ${sql.raw(royalty)} IN ('true', '1') THEN true WHEN ${sql.raw(royalty)} IN ('false', '0') THEN false END AS is_royalty_bearing,
      ${sql.raw(named(u, 'NetRevenue'))} AS net_revenue, ${sql.raw(named(u, 'PriceConsumerPaidExcSalesTax'))} AS price_consumer_paid
      FROM ${sql.table(l.records)} WHERE c[1] IN (${sql.raw(types(u))}))
    INSERT INTO usage_lines (report_id, file_number, line, record_type, block_id, summary_record_id, sales_transaction_id, dsp_resource_id, usages, returns,
      is_royalty_bearing, net_revenue, price_consumer_paid)
    SELECT ${l.reportId}, ${l.fileNumber}, su.line, su.record_type, su.block_id, su.summary_record_id, su.sales_transaction_id,
      CASE WHEN su.reference IS NOT NULL THEN named_by.id ELSE sole.id END, su.usages, su.returns, su.is_royalty_bearing, su.net_revenue, su.price_consumer_paid
    FROM su LEFT JOIN named_by ON named_by.run = su.run AND named_by.key = su.reference LEFT JOIN sole ON sole.run = su.run`.execute(db);
}

/** Stages the licensor lines (LI01), each with the SalesTransactionId of the usage line before it in its block. */
export async function insertLoadedLicensors(db: Kysely<ClefDatabase>, l: LoadedStaging, d: LoadedDefinitions): Promise<void> {
  if (d.licensors.length === 0) return;
  const li = d.licensors;
  const u = d.usages;
  const controller = `coalesce(${named(li, 'RightsController')}, '')`;
  await sql`
    WITH both_ AS (SELECT line, run, c[1] IN (${sql.raw(types(u))}) AS is_usage, ${sql.raw(named(u, 'SalesTransactionId'))} AS stx, c FROM ${sql.table(l.records)}
      WHERE c[1] IN (${sql.raw(types(u))}) OR c[1] IN (${sql.raw(types(li))})),
    placed AS (SELECT line, run, is_usage, stx, c, max(CASE WHEN is_usage THEN line END) OVER (PARTITION BY run ORDER BY line ROWS UNBOUNDED PRECEDING) AS usage_line FROM both_)
    INSERT INTO usage_licensors (report_id, file_number, line, block_id, summary_record_id, sales_transaction_id, rights_controller, rights_controller_party_id,
      rights_controller_work_id, right_share_percentage, rights_type, allocated_net_revenue, allocated_amount, allocated_usages, conflict)
    SELECT ${l.reportId}, ${l.fileNumber}, p.line, coalesce(${sql.raw(named(li, 'BlockId'))}, ''), ${sql.raw(named(li, 'SummaryRecordId'))},
      CASE WHEN p.usage_line IS NULL THEN NULL ELSE coalesce(s.stx, '') END, ${sql.raw(controller)}, ${sql.raw(named(li, 'RightsControllerPartyId'))},
      ${sql.raw(named(li, 'RightsControllerWorkId'))}, ${sql.raw(named(li, 'RightSharePercentage'))}, ${sql.raw(named(li, 'RightsType'))},
      ${sql.raw(named(li, 'AllocatedNetRevenue'))}, ${sql.raw(named(li, 'AllocatedAmount'))}, ${sql.raw(named(li, 'AllocatedUsages'))}, lower(${sql.raw(controller)}) = 'conflict'
    FROM placed p LEFT JOIN (SELECT line, stx FROM placed WHERE is_usage) s ON s.line = p.usage_line WHERE NOT p.is_usage`.execute(db);
}
