import { ClefError } from '../../errors/index.js';
import { parseDpid } from '../../identifiers/index.js';
import { findDsp, listDspRows, saveDsp } from '../../store/usage/dsp-queries.js';
import type { UsageContext } from './usage-context.js';

/** A digital service as the commands show it. */
export interface Dsp {
  readonly dpid: string;
  readonly name: string;
  readonly aliases: readonly string[];
}

/** Adds a DSP by its DDEX party id (DPID), or renames it and replaces its aliases when it exists. */
export async function addDsp(context: UsageContext, dpid: string, name: string, aliases: readonly string[] = []): Promise<Dsp> {
  const parsed = parseDpid(dpid);
  if (!parsed.ok) throw new ClefError('CLEF_ID_INVALID', `${dpid} is not a DDEX party id: ${parsed.reason}`, { value: dpid });
  if (name.trim() === '') throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', 'a DSP needs a name', { field: '--name' });
  const { db } = context.store;
  const existing = await findDsp(db, parsed.value);
  await saveDsp(db, { dpid: parsed.value, name: name.trim(), aliases: aliases.map((a) => a.trim()).filter(Boolean).join('|'), created_at: existing?.created_at ?? context.clock() });
  return { dpid: parsed.value, name: name.trim(), aliases: aliases.map((a) => a.trim()).filter(Boolean) };
}

/** Every DSP, by party id. */
export async function listDsps(context: UsageContext): Promise<Dsp[]> {
  const rows = await listDspRows(context.store.db);
  return rows.map((row) => ({ dpid: row.dpid, name: row.name, aliases: row.aliases === '' ? [] : row.aliases.split('|') }));
}
