import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeCwrFile, type CwrRecordInput, type CwrTransactionInput } from '../../src/formats/cwr/index.js';

/** Shares per right, in basis points: [PR, MR, SR]. */
export type Shares = readonly [number, number, number];

/** One SPT/SWT (or OPT/OWT) record: a territory included or excluded, with the collection shares there. */
export interface TerritoryRecord {
  readonly tis: number;
  readonly exclude?: boolean;
  readonly collection?: Shares;
}

/** A publisher (SPU/OPU) of a generated transaction. */
export interface PublisherSpec {
  readonly ip: string;
  readonly name: string;
  readonly type: 'E' | 'AM' | 'SE' | 'PA' | 'AQ' | 'ES';
  /** Publisher Sequence #: the chain of title. */
  readonly chain: number;
  readonly controlled?: boolean;
  readonly ipi?: string;
  readonly society?: string;
  readonly ownership: Shares;
  readonly territories?: readonly TerritoryRecord[];
}

/** A writer (SWR/OWR) of a generated transaction, with the publisher (by IP #) a PWR links it to. */
export interface WriterSpec {
  readonly ip: string;
  readonly lastName: string;
  readonly firstName?: string;
  readonly designation?: string;
  readonly controlled?: boolean;
  readonly ipi?: string;
  readonly society?: string;
  readonly ownership: Shares;
  readonly territories?: readonly TerritoryRecord[];
  readonly publisherIp?: string;
}

/** One NWR or REV transaction. */
export interface WorkSpec {
  readonly type?: 'NWR' | 'REV';
  readonly number: string;
  readonly title: string;
  readonly iswc?: string;
  readonly publishers: readonly PublisherSpec[];
  readonly writers: readonly WriterSpec[];
  /** Records placed after the parties, as given (an unknown `ALX`, a stray `ACK`, ...). */
  readonly after?: readonly CwrRecordInput[];
}

/** A generated CWR 2.1 file: who sends it, when, and its transactions in one NWR/REV group each. */
export interface FileSpec {
  readonly senderIpi: string;
  readonly senderName: string;
  /** `YYYYMMDD` and `HHMMSS` of the HDR. */
  readonly created?: { readonly date: string; readonly time: string };
  readonly works: readonly WorkSpec[];
}

const share = (shares: Shares | undefined, i: number) => shares?.[i] ?? 0;

function territoryRecords(type: string, ip: string, territories: readonly TerritoryRecord[] = []): CwrRecordInput[] {
  return territories.map((t, i) => ({
    recordType: type,
    fields: {
      'Interested Party #': ip,
      'PR Collection Share': share(t.collection, 0),
      'MR Collection Share': share(t.collection, 1),
      'SR Collection Share': share(t.collection, 2),
      'Inclusion/Exclusion Indicator': t.exclude ? 'E' : 'I',
      'TIS Numeric Code': t.tis,
      'Sequence #': i + 1,
    },
  }));
}

/** The records of one transaction, in the order CWR 2.1 lays them out: header, SPU/OPU with SPT, SWR/OWR with SWT and PWR. */
export function workTransaction(work: WorkSpec): CwrTransactionInput {
  const records: CwrRecordInput[] = [{
    recordType: work.type ?? 'NWR',
    fields: { 'Work Title': work.title, 'Submitter Work #': work.number, ISWC: work.iswc, 'Musical Work Distribution Category': 'POP', 'Version Type': 'ORI', 'Recorded Indicator': 'U', 'Language Code': 'EN' },
  }];
  const ownership = (shares: Shares) => ({ 'PR Ownership Share': shares[0], 'MR Ownership Share': shares[1], 'SR Ownership Share': shares[2] });
  for (const p of work.publishers) {
    const controlled = p.controlled ?? true;
    records.push({
      recordType: controlled ? 'SPU' : 'OPU',
      fields: { 'Publisher Sequence #': p.chain, 'Interested Party #': p.ip, 'Publisher Name': p.name, 'Publisher Type': p.type, 'Publisher IPI Name #': p.ipi, 'PR Affiliation Society #': p.society, 'MR Society': p.society, 'SR Society': p.society, ...ownership(p.ownership) },
    });
    records.push(...territoryRecords(controlled ? 'SPT' : 'OPT', p.ip, p.territories));
  }
  for (const w of work.writers) {
    const controlled = w.controlled ?? true;
    records.push({
      recordType: controlled ? 'SWR' : 'OWR',
      fields: { 'Interested Party #': w.ip, 'Writer Last Name': w.lastName, 'Writer First Name': w.firstName, 'Writer Designation Code': w.designation ?? 'CA', 'Writer IPI Name #': w.ipi, 'PR Affiliation Society #': w.society, 'MR Society': w.society, 'SR Society': w.society, ...ownership(w.ownership) },
    });
    records.push(...territoryRecords(controlled ? 'SWT' : 'OWT', w.ip, w.territories));
    const publisher = work.publishers.find((p) => p.ip === w.publisherIp);
    if (publisher) records.push({ recordType: 'PWR', fields: { 'Publisher IP #': publisher.ip, 'Publisher Name': publisher.name, 'Writer IP #': w.ip } });
  }
  records.push(...(work.after ?? []));
  return records;
}

/** Sets the GRT and TRL counts to what the lines hold, after an edit added or removed records. */
function recount(lines: readonly string[]): string[] {
  let groups = 0;
  let transactions = 0;
  let groupType = '';
  let groupTransactions = 0;
  let groupRecords = 0;
  const pad = (n: number, size: number) => String(n).padStart(size, '0');
  return lines.map((line) => {
    const type = line.slice(0, 3);
    if (type === 'GRH') {
      groups++;
      groupType = line.slice(3, 6);
      groupTransactions = 0;
      groupRecords = 0;
    }
    groupRecords++;
    if (type === groupType) {
      groupTransactions++;
      transactions++;
    }
    if (type === 'GRT') return `GRT${line.slice(3, 8)}${pad(groupTransactions, 8)}${pad(groupRecords, 8)}${line.slice(24)}`;
    if (type === 'TRL') return `TRL${pad(groups, 5)}${pad(transactions, 8)}${pad(lines.length, 8)}${line.slice(24)}`;
    return line;
  });
}

/** Writes a CWR 2.1 file with correct sequence numbers and group/trailer counts (kept right after `edit`); returns its path. */
export async function writeCwrTestFile(dir: string, name: string, spec: FileSpec, edit: (lines: string[]) => string[] = (lines) => lines): Promise<string> {
  const byType = new Map<string, CwrTransactionInput[]>();
  for (const work of spec.works) byType.set(work.type ?? 'NWR', [...(byType.get(work.type ?? 'NWR') ?? []), workTransaction(work)]);
  let text = '';
  const header = { version: '2.1' as const, sender: { type: 'PB' as const, ipiNameNumber: spec.senderIpi }, senderName: spec.senderName, creationDate: spec.created?.date ?? '20250301', creationTime: spec.created?.time ?? '101500' };
  for await (const chunk of writeCwrFile(header, [...byType].map(([transactionType, transactions]) => ({ transactionType, transactions })))) text += chunk;
  const path = join(dir, name);
  writeFileSync(path, recount(edit(text.split('\r\n').filter((l) => l !== ''))).map((l) => `${l}\r\n`).join(''), 'latin1');
  return path;
}
