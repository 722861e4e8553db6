import type { Kysely } from 'kysely';
import type { ClefDatabase } from './schema.js';
import type { Engine } from './engine.js';
import { nextSequence } from './next-ids.js';

/** One change to record: who, when, what. */
export interface HistoryEntry {
  readonly actor: string;
  readonly at: string;
  readonly entityKind: string;
  readonly entityId: string;
  readonly action: string;
  readonly detail: unknown;
}

/** Appends history entries (never edited) in the writing transaction; with the engine, through its bulk path. */
export async function appendHistory(db: Kysely<ClefDatabase>, entries: readonly HistoryEntry[], engine?: Engine): Promise<void> {
  if (entries.length === 0) return;
  const first = await nextSequence(db, 'history', entries.length);
  const rows = entries.map((entry, i) => ({
    history_id: first + BigInt(i),
    at: entry.at,
    actor: entry.actor,
    entity_kind: entry.entityKind,
    entity_id: entry.entityId,
    action: entry.action,
    detail: JSON.stringify(entry.detail ?? {}),
  }));
  if (engine) return engine.bulkInsert(db, 'history', rows);
  for (let start = 0; start < rows.length; start += 5000) {
    await db.insertInto('history').values(rows.slice(start, start + 5000)).execute();
  }
}

/** The history of one entity (or of everything touching an id), oldest first. */
export async function readHistory(db: Kysely<ClefDatabase>, entityId: string) {
  return db.selectFrom('history').selectAll().where('entity_id', '=', entityId).orderBy('history_id').execute();
}
