import type { Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

/** Sets the licence for a DSP, commercial model and use type (`*` = all), replacing an earlier one. */
export async function saveLicence(db: Kysely<ClefDatabase>, row: ClefDatabase['dsp_licences']): Promise<void> {
  await db.deleteFrom('dsp_licences').where('dpid', '=', row.dpid).where('commercial_model', '=', row.commercial_model).where('use_type', '=', row.use_type).execute();
  await db.insertInto('dsp_licences').values(row).execute();
}

/** Every licence, optionally of one DSP, in key order. */
export async function listLicences(db: Kysely<ClefDatabase>, dpid?: string): Promise<ClefDatabase['dsp_licences'][]> {
  let query = db.selectFrom('dsp_licences').selectAll();
  if (dpid !== undefined) query = query.where('dpid', '=', dpid);
  return query.orderBy('dpid').orderBy('commercial_model').orderBy('use_type').execute();
}

/** Records an exchange rate for a month, replacing an earlier one. */
export async function saveFxRate(db: Kysely<ClefDatabase>, row: ClefDatabase['fx_rates']): Promise<void> {
  await db.deleteFrom('fx_rates').where('from_currency', '=', row.from_currency).where('to_currency', '=', row.to_currency).where('period', '=', row.period).execute();
  await db.insertInto('fx_rates').values(row).execute();
}

/** Every exchange rate into a currency for a month. */
export async function listFxRates(db: Kysely<ClefDatabase>, toCurrency: string, period: string): Promise<ClefDatabase['fx_rates'][]> {
  return db.selectFrom('fx_rates').selectAll().where('to_currency', '=', toCurrency).where('period', '=', period).orderBy('from_currency').execute();
}
