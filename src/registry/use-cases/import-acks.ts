import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { isIsoDate } from '../../calendar/index.js';
import { ClefError, type Finding } from '../../errors/index.js';
import { readCwrTransactions, toCwrAck, toCwrWork, type CwrAckMessage, type CwrRecord } from '../../formats/cwr/index.js';
import { parseIswc } from '../../identifiers/index.js';
import { appendHistory, inTransaction, nextIds, type ClefDatabase, type HistoryEntry } from '../../store/index.js';
import { findImportedCwrFile, readWorkIswcs } from '../../store/registry/cwr-import-queries.js';
import { findWorksByIswc, findWorksBySentNumber, storeCwrAcks } from '../../store/registry/cwr-ack-queries.js';
import type { RegistryContext } from './registry-context.js';
import { refuseDuringStagedImport } from './staged-works-import.js';

/** What importing a society's acknowledgement file did. */
export interface AcksImportSummary {
  readonly file: string;
  readonly societyCode?: string;
  /** Acknowledgements (ACK) and ISWC notifications (ISW) read. */
  readonly read: number;
  readonly stored: number;
  readonly reported: number;
  readonly duplicate: boolean;
  /** Why each reported one was not stored. */
  readonly findings: readonly Finding[];
}

interface Answer {
  readonly record: CwrRecord;
  readonly sentNumber?: string;
  readonly status: string;
  readonly societyNumber?: string;
  readonly iswcText?: string;
  readonly processingDate?: string;
  readonly messages: readonly CwrAckMessage[];
}

function societyOf(hdr: CwrRecord | undefined): string | undefined {
  const type = (hdr?.get('Sender Type') ?? hdr?.get('Submitter Type') ?? '').trim();
  const id = (hdr?.get('Sender ID') ?? hdr?.get('Submitter Code') ?? '').trim();
  return (type === 'SO' || type === 'AA') && /^\d+$/.test(id) ? String(Number(id)).padStart(3, '0') : undefined;
}

/** The ACK's `YYYYMMDD` processing date as ISO, or null when it is no day that exists. */
const isoDate = (yyyymmdd: string | undefined): string | null => {
  const iso = yyyymmdd && /^\d{8}$/.test(yyyymmdd) ? `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}` : null;
  return iso && isIsoDate(iso) ? iso : null;
};

/**
 * Imports a society's CWR acknowledgement file (the `acks import` use case): per work and society the transaction status
 * (3.1 SR/CR included), the society's work number, date, ISWC and MSG messages. Works are found by the Submitter Work #
 * Clef sent, else by ISWC. An acknowledgement for an unknown work, with an ISWC that fails its check digit, that differs
 * from the work's ISWC, or that another work already holds, is reported and not stored. A file all of whose answers
 * were stored before stores nothing; one with answers reported can be imported again (its works imported meanwhile).
 */
export async function importAcks(context: RegistryContext, path: string): Promise<AcksImportSummary> {
  const file = basename(path);
  let digest: string;
  try {
    digest = createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch (error) {
    throw new ClefError('CLEF_FILE_UNREADABLE', `cannot read ${path}: ${(error as Error).message}`, { file });
  }
  if (await findImportedCwrFile(context.store.db, digest)) {
    return { file, read: 0, stored: 0, reported: 0, duplicate: true, findings: [{ code: 'CLEF_CWR_FILE_DUPLICATE', severity: 'warning', message: `${file} was already imported`, location: { file } }] };
  }
  const answers: Answer[] = [];
  let hdr: CwrRecord | undefined;
  let version = '2.1';
  for await (const item of readCwrTransactions(createReadStream(path), { fileName: file })) {
    version = item.version;
    if (item.kind === 'record') {
      if (item.record.recordType === 'HDR') hdr = item.record;
      continue;
    }
    const ack = toCwrAck(item.transaction);
    const record = item.transaction.records[0];
    if (ack) answers.push({ record, sentNumber: ack.submitterCreationNumber, status: ack.status, societyNumber: ack.recipientCreationNumber, iswcText: ack.iswc, processingDate: ack.processingDate, messages: ack.messages });
    else if (item.transaction.transactionType === 'ISW') {
      const work = toCwrWork(item.transaction);
      answers.push({ record, sentNumber: work?.submitterWorkNumber, status: 'ISW', iswcText: work?.iswc, messages: [] });
    }
  }
  const societyCode = societyOf(hdr);
  if (!societyCode) throw new ClefError('CLEF_CWR_SUBMITTER_UNKNOWN', `${file}: the HDR does not name a society (Sender Type SO and its code)`, { file, line: 1, recordType: 'HDR' });

  const findings: Finding[] = [];
  const report = (answer: Answer, code: Finding['code'], message: string) =>
    findings.push({ code, severity: 'error', message, location: { file, line: answer.record.lineNumber, recordType: answer.record.recordType, value: answer.sentNumber } });
  const now = context.clock();
  let stored = 0;
  await inTransaction(context.store.db, async (tx) => {
    await refuseDuringStagedImport(tx, context.store.engine);
    const bySent = await findWorksBySentNumber(tx, answers.flatMap((a) => (a.sentNumber ? [a.sentNumber] : [])));
    const parsedIswcs = answers.flatMap((a) => { const p = a.iswcText ? parseIswc(a.iswcText) : undefined; return p?.ok ? [p.value] : []; });
    const byIswc = await findWorksByIswc(tx, parsedIswcs);
    const candidates = new Set([...bySent.values()].flatMap((set) => [...set]).concat([...byIswc.values()]));
    const workIswcs = await readWorkIswcs(tx, [...candidates]);
    const acks: ClefDatabase['cwr_acks'][] = [];
    const numbers = new Map<string, ClefDatabase['work_society_numbers']>();
    const newIswcs: { work_id: string; iswc: string; at: string }[] = [];
    const history: HistoryEntry[] = [];
    const ids = await nextIds(tx, 'cwr_ack', 'K', answers.length);
    answers.forEach((answer, i) => {
      let iswc: string | undefined;
      if (answer.iswcText) {
        const parsed = parseIswc(answer.iswcText);
        if (!parsed.ok) return report(answer, 'CLEF_CWR_ISWC_INVALID', `ISWC ${answer.iswcText}: ${parsed.reason}`);
        iswc = parsed.value;
      }
      const sent = answer.sentNumber ? [...(bySent.get(answer.sentNumber) ?? [])] : [];
      const workId = sent.length === 1 ? sent[0] : sent.length === 0 && iswc ? byIswc.get(iswc) : undefined;
      if (!workId) return report(answer, 'CLEF_CWR_ACK_WORK_UNKNOWN', sent.length > 1 ? `submitter work # ${answer.sentNumber} names several works: ${sent.join(', ')}` : `no work sent as ${answer.sentNumber ?? '(blank)'}${iswc ? ` or with ISWC ${iswc}` : ''}`);
      if (iswc) {
        const current = workIswcs.get(workId);
        const holder = byIswc.get(iswc);
        if (current && current !== iswc) return report(answer, 'CLEF_CWR_ACK_ISWC_CONFLICT', `${workId} already has ISWC ${current}, the acknowledgement says ${iswc}`);
        if (holder && holder !== workId) return report(answer, 'CLEF_CWR_ACK_ISWC_CONFLICT', `ISWC ${iswc} is already on ${holder}, not ${workId}`);
        if (!current) {
          workIswcs.set(workId, iswc);
          byIswc.set(iswc, workId);
          newIswcs.push({ work_id: workId, iswc, at: now });
        }
      }
      stored++;
      if (answer.status === 'ISW') {
        history.push({ actor: context.actor, at: now, entityKind: 'work', entityId: workId, action: 'ISWC notified', detail: { society: societyCode, iswc, file } });
        return;
      }
      acks.push({ ack_id: ids[i], work_id: workId, society_code: societyCode, status: answer.status, society_work_number: answer.societyNumber ?? null, iswc: iswc ?? null, processing_date: isoDate(answer.processingDate), file_name: file, file_digest: digest, messages: JSON.stringify(answer.messages), imported_at: now });
      if (answer.societyNumber) numbers.set(`${workId}|${societyCode}`, { work_id: workId, society_code: societyCode, work_number: answer.societyNumber.toUpperCase(), status: answer.status, status_date: isoDate(answer.processingDate) });
      history.push({ actor: context.actor, at: now, entityKind: 'work', entityId: workId, action: 'acknowledged', detail: { society: societyCode, status: answer.status, society_work_number: answer.societyNumber, iswc, file } });
    });
    await storeCwrAcks(tx, context.store.engine, acks, [...numbers.values()], newIswcs);
    await appendHistory(tx, history);
    // A file with answers for works not imported yet is not marked imported, so it can be
    // imported again once its works are in; a file whose every answer was stored is a duplicate next time.
    if (!findings.some((f) => f.code === 'CLEF_CWR_ACK_WORK_UNKNOWN')) await context.store.engine.bulkInsert(tx, 'cwr_files', [{ digest, file_name: file, kind: 'acks', version, imported_at: now, actor: context.actor, summary: JSON.stringify({ read: answers.length, stored }) }]);
  });
  return { file, societyCode, read: answers.length, stored, reported: findings.length, duplicate: false, findings };
}
