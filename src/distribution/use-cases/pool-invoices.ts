import { ClefError } from '../../errors/index.js';
import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import { findCurrentReport, readSummaries, savePoolInvoice } from '../../store/distribution/run-input-queries.js';
import { parseAmount } from './dsp-licences.js';

/** An invoiced pool as recorded: the report, the summary record and the amount in micro-units of the report's currency. */
export interface PoolInvoice {
  readonly message_id: string;
  readonly report_id: string;
  readonly summary_record_id: string;
  readonly amount_micros: string;
}

/**
 * Records the amount a DSP invoiced for one summary record of a report (`clef usage pool set MESSAGEID SUMMARYID
 * AMOUNT`): it replaces the computed pool in the next run that distributes the report.
 */
export async function setPoolInvoice(context: RegistryContext, messageId: string, summaryRecordId: string, amount: string): Promise<PoolInvoice> {
  const { db } = context.store;
  const micros = parseAmount(amount, 'AMOUNT');
  const report = await findCurrentReport(db, messageId);
  if (!report) throw new ClefError('CLEF_NOT_FOUND', `no report with the MessageId ${messageId} is staged`, { field: 'MESSAGE_ID', value: messageId });
  const summaries = await readSummaries(db, report.report_id);
  if (!summaries.some((s) => s.summary_record_id === summaryRecordId)) {
    throw new ClefError('CLEF_NOT_FOUND', `report ${messageId} has no summary record ${summaryRecordId} (it has ${summaries.map((s) => s.summary_record_id).join(', ') || 'none'})`, { field: 'SUMMARY_RECORD_ID', value: summaryRecordId });
  }
  await savePoolInvoice(db, { report_id: report.report_id, summary_record_id: summaryRecordId, amount_micros: micros, entered_at: context.clock() });
  return { message_id: messageId, report_id: String(report.report_id), summary_record_id: summaryRecordId, amount_micros: String(micros) };
}
