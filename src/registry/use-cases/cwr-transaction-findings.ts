import type { Finding } from '../../errors/index.js';
import type { CwrRecord, CwrTransaction } from '../../formats/cwr/index.js';
import { partyReferenceKey } from './resolve-parties.js';
import type { WorkSubmission } from './work-submission.js';

const partyRecords = new Set(['SPU', 'OPU', 'SWR', 'OWR']);
const partyDetails = new Set(['SPT', 'OPT', 'SWT', 'OWT', 'PWR', 'NPN', 'NWN']);

/**
 * A transaction's records without those an RR finding rejects: a rejected party record takes its territories and links
 * with it. A rejected header leaves nothing (the transaction is rejected).
 */
export function withoutRejectedRecords(records: readonly CwrRecord[], findings: readonly Finding[]): readonly CwrRecord[] {
  const rejected = new Set(findings.filter((f) => f.severity === 'RR').map((f) => f.location.line));
  if (rejected.size === 0) return records;
  if (rejected.has(records[0].lineNumber)) return [];
  const kept: CwrRecord[] = [];
  let droppingParty = false;
  for (const record of records) {
    if (partyRecords.has(record.recordType) || !partyDetails.has(record.recordType)) droppingParty = false;
    if (rejected.has(record.lineNumber)) {
      if (partyRecords.has(record.recordType)) droppingParty = true;
      continue;
    }
    if (!droppingParty) kept.push(record);
  }
  return kept;
}

/**
 * A registry finding as the ACK carries it: located on the record of the party it is about (its SPT/SWT for a collection
 * share), refusing findings rejecting the transaction, and the text naming parties by name, without internal ids.
 */
export function ackFinding(finding: Finding, transaction: CwrTransaction, submission: WorkSubmission): Finding {
  const severity = finding.severity === 'warning' || finding.severity === 'FR' ? finding.severity : 'TR';
  const registry = finding as Finding & { partyIds?: readonly string[] };
  const names = new Map(submission.parties.map((p) => [partyReferenceKey(p), p.firstName ? `${p.name}, ${p.firstName}` : p.name]));
  const message = finding.message
    .replace(/^work [^:]*?, registration [^:]*?: /, '')
    .replace(/party (\S+)/g, (whole, key: string) => (names.has(key) ? names.get(key)! : whole))
    .replace(/(ipi:\d{11}|name:[^,;)]+)/g, (key) => names.get(key) ?? key);
  const position = submission.parties.findIndex((p) => partyReferenceKey(p) === registry.partyIds?.[0]);
  const partyRecord = position < 0 ? undefined : transaction.records.filter((r) => partyRecords.has(r.recordType))[position];
  let record = partyRecord;
  if (partyRecord && /^(SPT|OPT|SWT|OWT)$/.test(finding.location.recordType ?? '')) {
    const after = transaction.records.slice(transaction.records.indexOf(partyRecord) + 1);
    const end = after.findIndex((r) => !partyDetails.has(r.recordType));
    record = (end < 0 ? after : after.slice(0, end)).find((r) => r.recordType === finding.location.recordType) ?? partyRecord;
  }
  return { ...finding, severity, message, location: { ...finding.location, line: record?.lineNumber ?? transaction.records[0].lineNumber, recordType: record?.recordType ?? transaction.records[0].recordType } };
}
