import type { Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';
import { isStagedImport } from './staged-import.js';

/** Work ids by ISWC (preferred or archived). */
export async function findWorkIdsByIswc(db: Kysely<ClefDatabase>, iswcs: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let start = 0; start < iswcs.length; start += 5000) {
    const slice = iswcs.slice(start, start + 5000);
    if (slice.length === 0) continue;
    const rows = await db.selectFrom('work_iswcs').select(['iswc', 'work_id']).where('iswc', 'in', slice).execute();
    for (const row of rows) found.set(row.iswc, row.work_id);
  }
  return found;
}

/**
 * Replaces the derived share picture and disputes of works and sets their dispute flags; `existing` are those of the
 * works that may already have a picture (a staged import records them, to replace the registry's at acceptance).
 */
export async function replaceSharePictures(
  db: Kysely<ClefDatabase>,
  insert: (table: 'work_collection_shares' | 'work_disputes', rows: readonly Record<string, unknown>[]) => Promise<void>,
  workIds: readonly string[],
  shares: readonly { work_id: string; right_code: string; territory: string; party_id: string; registration_id: string; collection_bp: number }[],
  disputes: readonly { work_id: string; right_code: string; territory: string; claimed_bp: number }[],
  existing: readonly string[],
): Promise<void> {
  if (existing.length > 0 && workIds.length > 0) {
    for (let start = 0; start < workIds.length; start += 5000) {
      const slice = workIds.slice(start, start + 5000);
      await db.deleteFrom('work_collection_shares').where('work_id', 'in', slice).execute();
      await db.deleteFrom('work_disputes').where('work_id', 'in', slice).execute();
      await db.updateTable('works').set({ in_dispute: false }).where('work_id', 'in', slice).execute();
    }
  }
  await insert('work_collection_shares', shares);
  await insert('work_disputes', disputes);
  const disputed = [...new Set(disputes.map((row) => row.work_id))];
  for (let start = 0; start < disputed.length; start += 5000) {
    await db.updateTable('works').set({ in_dispute: true }).where('work_id', 'in', disputed.slice(start, start + 5000)).execute();
  }
  if (!isStagedImport(db)) return;
  const inDispute = new Set(disputed);
  for (let start = 0; start < existing.length; start += 5000) {
    const slice = existing.slice(start, start + 5000);
    await db.deleteFrom('staged_pictures').where('work_id', 'in', slice).execute();
    await db.insertInto('staged_pictures').values(slice.map((workId) => ({ work_id: workId, in_dispute: inDispute.has(workId) }))).execute();
  }
}

/** Which of the tables an import looks its keys up in hold any row at all (an empty one cannot match anything). */
export async function findNonEmptyIdentityTables(
  db: Kysely<ClefDatabase>,
): Promise<{ registrations: boolean; workIswcs: boolean; works: boolean; recordings: boolean; searchTerms: boolean }> {
  const [registrations, workIswcs, works, recordings, searchTerms] = await Promise.all([
    db.selectFrom('registrations').select('registration_id').limit(1).executeTakeFirst(),
    db.selectFrom('work_iswcs').select('iswc').limit(1).executeTakeFirst(),
    db.selectFrom('works').select('work_id').limit(1).executeTakeFirst(),
    db.selectFrom('recordings').select('recording_id').limit(1).executeTakeFirst(),
    db.selectFrom('search_terms').select('term').limit(1).executeTakeFirst(),
  ]);
  return {
    registrations: registrations !== undefined,
    workIswcs: workIswcs !== undefined,
    works: works !== undefined,
    recordings: recordings !== undefined,
    searchTerms: searchTerms !== undefined,
  };
}

/** Sets a work's AI declaration columns (a revised registration's declaration). */
export async function updateWorkAiProvenance(
  db: Kysely<ClefDatabase>,
  workId: string,
  columns: Pick<ClefDatabase['works'], 'ai_composition' | 'ai_lyrics' | 'ai_arrangement' | 'ai_tools' | 'human_contribution' | 'ai_evidence' | 'fully_ai_generated'>,
  at: string,
): Promise<void> {
  await db.updateTable('works').set({ ...columns, updated_at: at }).where('work_id', '=', workId).execute();
}
