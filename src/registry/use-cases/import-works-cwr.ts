import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { finished } from 'node:stream/promises';
import { ClefError, type Finding } from '../../errors/index.js';
import { readCwrTransactions, toCwrWork, writeCwrAck, writeCwrFile, type CwrCheckedItem, type CwrRecord, type CwrTransaction, type CwrTransactionInput } from '../../formats/cwr/index.js';
import type { ClefDatabase } from '../../store/index.js';
import { findImportedCwrFile, findMemberIpis, isCwrFileNameImported, readWorkIswcs, setImportedCwrFileDigest } from '../../store/registry/cwr-import-queries.js';
import { createTerritoryResolver } from '../../lookups/index.js';
import { checkCwrFile, readCheckedCwrFile, rejects, unreadable, type CwrFileCheck } from './cwr-file-check.js';
import type { CwrImportOptions, CwrImportSummary, CwrTransactionAnswer } from './cwr-import-summary.js';
import { ackFinding, withoutRejectedRecords } from './cwr-transaction-findings.js';
import { cwrRecordFields } from './cwr-record-fields.js';
import { cwrSubmitter } from './cwr-submitter.js';
import { cwrWorkSubmission } from './cwr-work-submission.js';
import { createImportMemory } from './import-memory.js';
import { registerWorks } from './register-works.js';
import type { RegistryContext } from './registry-context.js';
import { showSettings, type StoredSettings } from './settings.js';
import { stageWorksImport, type WorksImportStaging } from './staged-works-import.js';
import type { WorkSubmission } from './work-submission.js';

const registrationTypes = new Set(['NWR', 'REV', 'WRK']);

function ackMoment(iso: string): { date: string; time: string } {
  return { date: iso.slice(0, 10).replaceAll('-', ''), time: iso.slice(11, 19).replaceAll(':', '') };
}

/**
 * Imports a CWR 2.1, 2.2 or 3.x registration file as registrations by its submitter (the `works import FILE.V21` use case):
 * validates it, then registers each NWR/REV/WRK transaction in one store transaction, accepting or rejecting each on its own
 * findings and the registry's share rules, and writes the ACK (2.x) when asked. A file with an ER finding registers
 * nothing; the same file imported again is answered DU. Accepted works are numbered by their registry work id.
 *
 * The file is read once, registering transactions as validation yields them. Only a file that turns out refused, with a
 * rejected group, or imported before (all known at its end) is rolled back and answered from a second reading, since
 * its answers depend on findings and a digest that come after the transactions they reject.
 */
export async function importWorksCwr(context: RegistryContext, path: string, options: CwrImportOptions = {}): Promise<CwrImportSummary> {
  const settings = await showSettings(context);
  // A file whose name was imported before is likely the same file sent again: checked first, it is answered DU
  // without registering everything only to roll it back.
  if (await isCwrFileNameImported(context.store.db, basename(path))) return (await registerCwrFile(context, path, settings, options, await checkCwrFile(path, context.lookups))).summary;
  const read = await registerCwrFile(context, path, settings, options);
  if ('summary' in read) return read.summary;
  return (await registerCwrFile(context, path, settings, options, read.check)).summary;
}

/**
 * One reading of a CWR file, registering as it reads. Without `known` it validates as it goes and answers each
 * transaction by the findings on its own lines; when the end shows the file refused, a group rejected or the file
 * imported before, it rolls back and returns the check for a reading with the whole check `known`.
 */
async function registerCwrFile(context: RegistryContext, path: string, settings: StoredSettings, options: CwrImportOptions, known: CwrFileCheck): Promise<{ summary: CwrImportSummary }>;
async function registerCwrFile(context: RegistryContext, path: string, settings: StoredSettings, options: CwrImportOptions): Promise<{ summary: CwrImportSummary } | { check: CwrFileCheck }>;
async function registerCwrFile(
  context: RegistryContext,
  path: string,
  settings: StoredSettings,
  options: CwrImportOptions,
  known?: CwrFileCheck,
): Promise<{ summary: CwrImportSummary } | { check: CwrFileCheck }> {
  const file = basename(path);
  let check = known;
  const findingsOf = (records: readonly CwrRecord[]): Finding[] => records.flatMap((record) => known?.findingsByLine.get(record.lineNumber) ?? []);
  const reading = known ? undefined : readCheckedCwrFile(path, file, context.lookups);
  async function* items(): AsyncGenerator<CwrCheckedItem> {
    if (!reading) {
      for await (const item of readCwrTransactions(createReadStream(path, { highWaterMark: 1 << 20 }), { fileName: file })) {
        yield { item, findings: item.kind === 'transaction' ? findingsOf(item.transaction.records) : [] };
      }
      return;
    }
    for (;;) {
      const next = await reading.next();
      if (next.done) {
        check = next.value;
        return;
      }
      yield next.value;
    }
  }
  // The first item tells the version (an ACK is written in the file's own), or its absence ends the reading.
  const source = items();
  let first: IteratorResult<CwrCheckedItem>;
  try {
    first = await source.next();
  } catch (error) {
    throw unreadable(error, path, file);
  }
  const version = known?.version ?? (first.done ? check!.version : first.value.item.version);
  async function* all(): AsyncGenerator<CwrCheckedItem> {
    if (first.done) return;
    yield first.value;
    yield* source;
  }
  if (options.ackPath && !(version === '2.1' || version === '2.2')) {
    throw new ClefError('CLEF_CWR_WRITE_INVALID', `Clef writes ACK files in CWR 2.1 and 2.2 only; ${file} is CWR ${version}`, { file });
  }
  const earlier = known ? await findImportedCwrFile(context.store.db, known.digest) : undefined;
  const counts = { transactions: 0, created: 0, added: 0, revised: 0, held: 0, rejected: 0, disputed: 0, noParticipation: 0 };
  let refused = known?.refused ?? false;
  // The digest is known once the file is read: a first reading keeps its transactions under a stand-in until then.
  const digest = known?.digest ?? `reading:${randomUUID()}`;
  let readAgain = false;
  const resolve = createTerritoryResolver(context.lookups.territories);
  const batchSize = options.batchSize ?? 5000;
  const now = context.clock();
  const moment = ackMoment(now);

  const rejectedGroups = new Set(known?.groupRejectLines.map((line) => groupOf(known.groupHeaderLines, line)) ?? []);
  const fileLevel = known ? [...known.findingsByLine.values()].flat().filter((f) => f.severity === 'ER') : [];

  async function* answers(staging: WorksImportStaging): AsyncGenerator<CwrTransactionInput> {
    let submitter = options.submitter;
    let hdr: CwrRecord | undefined;
    let groupId = 0;
    let groupLine = 0;
    let pending: { transaction: CwrTransaction; groupId: number; index: number; kept?: readonly CwrRecord[]; submission?: WorkSubmission; findings: readonly Finding[]; answer?: CwrTransactionAnswer }[] = [];
    const fileRows: ClefDatabase['cwr_file_transactions'][] = [];
    // Parties and written keys remembered across batches, as the CSV import does.
    const knownParties = new Map<string, string>();
    // Nothing is staged yet (leftovers were removed): the registry alone tells which tables hold keys.
    const memory = await createImportMemory(context.store.db);
    const flush = async function* (): AsyncGenerator<CwrTransactionInput> {
      const toRegister = pending.filter((item) => item.submission && !item.answer);
      if (pending.length > 0) await staging.chunk(async (tx, staged) => {
        const outcomes = toRegister.length > 0 ? await registerWorks(staged, tx, toRegister.map((item) => item.submission!), resolve, knownParties, memory) : [];
        const memberIpis = settings.societyCode ? await findMemberIpis(tx, toRegister.flatMap((item) => item.submission!.parties.flatMap((p) => (p.ipiNameNumber ? [p.ipiNameNumber] : [])))) : new Set<string>();
        // A work this batch created carries the ISWC its submission gave; only works found in the store are read.
        const iswcs = await readWorkIswcs(tx, outcomes.flatMap((outcome) => (outcome.workId && outcome.status !== 'created' ? [outcome.workId] : [])));
        const kept: ClefDatabase['cwr_registrations'][] = [];
        toRegister.forEach((item, i) => {
          const outcome = outcomes[i];
          const all = [...item.findings, ...outcome.findings.map((f) => ackFinding(f, item.transaction, item.submission!))];
          if (outcome.status === 'rejected') {
            counts.rejected++;
            item.answer = { status: 'RJ', findings: all };
            return;
          }
          counts[outcome.status]++;
          if (outcome.inDispute) counts.disputed++;
          const participates = !settings.societyCode || item.submission!.parties.some((p) => (p.ipiNameNumber && memberIpis.has(p.ipiNameNumber)) || p.affiliations.some((a) => a.societyCode === settings.societyCode));
          if (!participates) counts.noParticipation++;
          const status = outcome.status === 'held' ? 'RA' : outcome.inDispute ? 'CO' : !participates ? 'NP' : all.some((f) => f.severity === 'FR' || f.severity === 'RR') ? 'AC' : 'AS';
          const iswc = outcome.status === 'created' ? item.submission!.work.iswc : iswcs.get(outcome.workId!);
          item.answer = { status, workId: outcome.workId, iswc: iswc ?? undefined, findings: all };
          kept.push({ registration_id: outcome.registrationId!, work_id: outcome.workId!, version: item.transaction.version, transaction_type: item.transaction.transactionType, records: JSON.stringify((item.kept ?? item.transaction.records).map(cwrRecordFields)) });
        });
        await staged.store.engine.bulkInsert(tx, 'cwr_registrations', kept);
        for (const item of pending) {
          const answer = item.answer!;
          fileRows.push({ digest, transaction_index: item.index, submitter_work_number: item.submission?.submitterWorkNumber ?? null, status: answer.status, work_id: answer.workId ?? null });
        }
        if (!earlier && !refused) await staged.store.engine.bulkInsert(tx, 'cwr_file_transactions', fileRows.splice(0));
        staging.stagedRegistrations = counts.created + counts.added + counts.revised + counts.held;
      });
      for (const item of pending) {
        const answer = item.answer!;
        yield writeCwrAck(item.transaction, item.groupId, {
          status: answer.status,
          recipientCreationNumber: answer.workId,
          iswc: answer.iswc,
          findings: answer.findings,
          creationDate: hdr?.get('Creation Date') || moment.date,
          creationTime: hdr?.get('Creation Time') || moment.time,
          processingDate: moment.date,
          echo: item.kept,
        });
      }
      options.onProgress?.(counts.transactions);
      pending = [];
    };
    for await (const { item, findings: own } of all()) {
      if (item.kind === 'record') {
        if (item.record.recordType === 'HDR') hdr = item.record;
        if (item.record.recordType === 'GRH') {
          groupId = Number(item.record.get('Group ID') ?? item.record.get('Group Code')) || 0;
          groupLine = item.record.lineNumber;
        }
        continue;
      }
      const { transaction } = item;
      if (!registrationTypes.has(transaction.transactionType)) continue;
      const index = counts.transactions++;
      const kept = withoutRejectedRecords(transaction.records, own);
      const work = kept[0] === transaction.records[0] ? toCwrWork({ ...transaction, records: kept }) : undefined;
      if (!submitter && hdr) submitter = cwrSubmitter(hdr, work, settings.societyCode);
      if (!submitter && !refused) {
        refused = true;
        const finding: Finding = { code: 'CLEF_CWR_SUBMITTER_UNKNOWN', severity: 'ER', message: 'the HDR names no submitter Clef can register for (give --submitter)', location: { file, line: hdr?.lineNumber ?? 1, recordType: 'HDR' } };
        submitterFinding = finding;
        fileLevel.push(finding);
      }
      const entry: (typeof pending)[number] = { transaction, groupId, index, kept, findings: own };
      const previous = earlier?.transactions[index];
      if (earlier) entry.answer = { status: 'DU', workId: previous?.work_id ?? undefined, findings: [{ code: 'CLEF_CWR_FILE_DUPLICATE', severity: 'TR', message: `${file} was already imported on ${earlier.file.imported_at}`, location: { file, line: transaction.records[0].lineNumber } }] };
      else if (refused) entry.answer = { status: 'RJ', findings: [...fileLevel, ...own] };
      else if (rejectedGroups.has(groupLine) || own.some((f) => rejects(f) && f.severity !== 'RR') || !work) {
        counts.rejected++;
        entry.answer = { status: 'RJ', findings: own };
      } else entry.submission = cwrWorkSubmission(work, submitter!, { file, line: transaction.records[0].lineNumber });
      pending.push(entry);
      if (pending.length >= batchSize) yield* flush();
    }
    yield* flush();
    await staging.chunk(async (tx, staged) => {
      if (!known) {
        const read = check!;
        readAgain = refused || read.refused || read.groupRejectLines.length > 0 || (await findImportedCwrFile(tx, read.digest)) !== undefined;
        if (readAgain) return;
        await setImportedCwrFileDigest(tx, digest, read.digest);
      }
      if (!earlier && !refused) {
        await staged.store.engine.bulkInsert(tx, 'cwr_files', [{ digest: check!.digest, file_name: file, kind: 'registrations', version, imported_at: now, actor: context.actor, summary: JSON.stringify(counts) }]);
      }
    });
  }

  let submitterFinding: Finding | undefined;
  const ackPath = options.ackPath;
  const temporary = ackPath ? `${ackPath}.partial` : undefined;
  try {
    await stageWorksImport(context, file, options, async (staging) => {
      const ackHeader = {
        version: version as '2.1' | '2.2',
        sender: { type: 'SO' as const, societyCode: settings.societyCode ?? '0' },
        senderName: settings.name ?? 'CLEF',
        creationDate: moment.date,
        creationTime: moment.time,
      };
      if (!temporary) {
        for await (const _ack of answers(staging)) void _ack;
      } else {
        const out = createWriteStream(temporary, { encoding: 'latin1' });
        for await (const chunk of writeCwrFile(ackHeader, [{ transactionType: 'ACK', transactions: answers(staging) }])) {
          if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
        }
        out.end();
        await finished(out);
      }
      if (refused || readAgain) throw refusal;
      await staging.accept();
    });
  } catch (error) {
    if (error !== refusal) {
      if (temporary) rmSync(temporary, { force: true });
      throw unreadable(error, path, file);
    }
  }
  if (readAgain) {
    if (temporary) rmSync(temporary, { force: true });
    return { check: check! };
  }
  if (temporary && ackPath) renameSync(temporary, ackPath);
  const findings: Finding[] = [...check!.findings, ...(submitterFinding ? [submitterFinding] : [])];
  const total = refused || earlier ? { ...counts, created: 0, added: 0, revised: 0, held: 0, disputed: 0, noParticipation: 0, rejected: refused ? counts.transactions : 0 } : counts;
  return { summary: { file, version, digest: check!.digest, ...total, duplicate: Boolean(earlier), refused, findingCount: check!.findingCount, findings, ackPath } };
}

/** Rolls back a refused file's transaction while its ACK (all RJ) is still kept. */
const refusal = new Error('CWR file refused');

/** The line of the GRH a line falls under (0 before the first group). */
function groupOf(groupHeaderLines: readonly number[], line: number): number {
  let found = 0;
  for (const start of groupHeaderLines) {
    if (start > line) break;
    found = start;
  }
  return found;
}
