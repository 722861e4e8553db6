import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ClefError } from '../../errors/index.js';
import { cwrFileName, cwrLayoutsFor, writeCwrFile, type CwrSender, type CwrTransactionInput } from '../../formats/cwr/index.js';
import { writeOutputStream } from '../../formats/output/index.js';
import { listAcknowledgedWorkIds, listCwrExportWorkIds, readCwrExportBatch } from '../../store/registry/cwr-export-queries.js';
import type { CwrStoredRecord } from './cwr-record-fields.js';
import { cwrWorkTransaction } from './cwr-work-transaction.js';
import type { RegistryContext } from './registry-context.js';
import { requireSettings, showSettings } from './settings.js';

/** What to export and where. */
export interface CwrExportOptions {
  readonly version: '2.1' | '2.2';
  /** Default: the CMO itself, `SO:<its society code>`. */
  readonly sender?: CwrSender;
  /** Work ids; default every work. */
  readonly workIds?: readonly string[];
  /** A folder (the file is then named `CWyynnnnsss_rrr.V21|.V22`) or an exact file path. */
  readonly out: string;
  /** The file's sequence number in the year, for the folder naming. */
  readonly sequence?: number;
  readonly onProgress?: (works: number) => void;
}

/** What an export wrote. */
export interface CwrExportSummary {
  readonly path: string;
  readonly works: number;
  readonly version: '2.1' | '2.2';
}

const batchSize = 500;

/**
 * Writes works as a CWR 2.1 or 2.2 registration file (the `works export --format cwr21|cwr22` use case): an NWR per work,
 * a REV for works a society has already acknowledged, from each work's latest current registration. Sent as the CMO,
 * the Submitter Work # is Clef's work id (what ACKs come back with); sent as the member whose registration it is, its own
 * number is kept.
 */
export async function exportWorksCwr(context: RegistryContext, options: CwrExportOptions): Promise<CwrExportSummary> {
  const settings = options.sender ? await showSettings(context) : await requireSettings(context, ['societyCode']);
  const sender: CwrSender = options.sender ?? { type: 'SO', societyCode: settings.societyCode! };
  const senderId = sender.type === 'SO' ? String(sender.societyCode) : sender.ipiNameNumber;
  const now = context.clock();
  const date = now.slice(0, 10).replaceAll('-', '');
  const time = now.slice(11, 19).replaceAll(':', '');
  const isFolder = existsSync(options.out) && statSync(options.out).isDirectory();
  const code = sender.type === 'SO' ? String(sender.societyCode).padStart(3, '0') : 'CLF';
  const path = isFolder ? join(options.out, cwrFileName({ year: Number(date.slice(0, 4)), sequence: options.sequence ?? 1, sender: code, receiver: '000', version: options.version })) : options.out;
  const ids = await listCwrExportWorkIds(context.store.db, options.workIds);
  if (options.workIds) {
    const missing = options.workIds.filter((id) => !ids.includes(id));
    if (missing.length > 0) throw new ClefError('CLEF_NOT_FOUND', `no work ${missing.join(', ')}`);
  }
  const layouts = cwrLayoutsFor(options.version);
  let written = 0;
  async function* transactions(type: 'NWR' | 'REV'): AsyncGenerator<CwrTransactionInput> {
    for (let start = 0; start < ids.length; start += batchSize) {
      const batch = await readCwrExportBatch(context.store.db, ids.slice(start, start + batchSize));
      for (const work of batch.works.sort((a, b) => a.work_id.localeCompare(b.work_id))) {
        if (acknowledged.has(work.work_id) !== (type === 'REV')) continue;
        const registration = batch.registrations.filter((r) => r.work_id === work.work_id).sort((a, b) => Number(b.source === 'CWR') - Number(a.source === 'CWR') || b.created_at.localeCompare(a.created_at))[0];
        const kept = registration && batch.kept.find((k) => k.registration_id === registration.registration_id && k.version.startsWith('2'));
        const ownNumber = sender.type !== 'SO' && registration && registration.submitter_id === senderId ? registration.submitter_work_number : work.work_id;
        yield cwrWorkTransaction({
          work,
          titles: batch.titles.filter((t) => t.work_id === work.work_id),
          registration,
          parties: batch.parties.filter((p) => p.registration_id === registration?.registration_id),
          collections: batch.collections.filter((c) => c.registration_id === registration?.registration_id),
          links: batch.links.filter((l) => l.registration_id === registration?.registration_id),
          kept: kept ? (JSON.parse(kept.records) as CwrStoredRecord[]) : undefined,
        }, type, ownNumber, layouts);
        written++;
        if (written % 10000 === 0) options.onProgress?.(written);
      }
    }
  }
  const acknowledged = await listAcknowledgedWorkIds(context.store.db);
  const revisions = ids.filter((id) => acknowledged.has(id)).length;
  const groups = [
    ...(revisions < ids.length || ids.length === 0 ? [{ transactionType: 'NWR', transactions: transactions('NWR') }] : []),
    ...(revisions > 0 ? [{ transactionType: 'REV', transactions: transactions('REV') }] : []),
  ];
  const header = { version: options.version, sender, senderName: (settings.name || 'CLEF').slice(0, 45), creationDate: date, creationTime: time, software: { package: 'Clef', version: '0.1.0' } };
  await writeOutputStream(path, writeCwrFile(header, groups), 'latin1');
  return { path, works: written, version: options.version };
}
