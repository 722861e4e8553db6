import type { Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

/** One unmatched (or ambiguous) DSP resource with its usage summed over the reports it appears in. */
export interface UnmatchedRow {
  readonly sender_dpid: string;
  readonly dsp_resource_id: string;
  readonly title: string;
  readonly display_artist: string;
  readonly isrc: string | null;
  readonly status: string;
  /** Why an identifier's match was set aside, when one was. */
  readonly note: string | null;
  readonly reports: bigint;
  readonly usages: bigint;
}

/** Unmatched and ambiguous resources of the reports, ranked by usage (most used first), then by id. */
export async function listUnmatchedRows(db: Kysely<ClefDatabase>, reportIds: readonly bigint[], limit: number): Promise<UnmatchedRow[]> {
  if (reportIds.length === 0) return [];
  const rows = await db
    .selectFrom('usage_matches')
    .select((eb) => [
      'sender_dpid',
      'dsp_resource_id',
      eb.fn.min('title').as('title'),
      eb.fn.min('display_artist').as('display_artist'),
      eb.fn.min('valid_isrc').as('isrc'),
      eb.fn.min('status').as('status'),
      eb.fn.min('note').as('note'),
      eb.fn.count<bigint>('report_id').as('reports'),
      eb.fn.sum<bigint>('usages').as('usages'),
    ])
    .where('report_id', 'in', reportIds)
    .where('status', 'in', ['unmatched', 'ambiguous'])
    .groupBy(['sender_dpid', 'dsp_resource_id'])
    .orderBy('usages', 'desc')
    .orderBy('sender_dpid')
    .orderBy('dsp_resource_id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, reports: BigInt(row.reports as unknown as string), usages: BigInt((row.usages ?? 0) as unknown as string) }));
}
