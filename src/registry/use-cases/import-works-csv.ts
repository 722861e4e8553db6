import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { ClefError, unreadableFileError, type Finding } from '../../errors/index.js';
import { readCsvRecords } from '../../formats/csv/index.js';
import { createTerritoryResolver } from '../../lookups/index.js';
import { createImportMemory } from './import-memory.js';
import { isWorksCsvColumn, parseWorksCsvRow } from './parse-works-csv-row.js';
import { registerWorks, type RegistrationOutcome } from './register-works.js';
import { stageWorksImport, type StagingOptions } from './staged-works-import.js';
import type { RegistryContext } from './registry-context.js';
import type { SubmitterReference, WorkSubmission } from './work-submission.js';

/** The summary of a works import. */
export interface WorksImportSummary {
  readonly file: string;
  readonly rows: number;
  readonly created: number;
  readonly added: number;
  readonly revised: number;
  readonly rejected: number;
  readonly disputed: number;
  /** False when the file had errors and `skipInvalid` was not given: then nothing was imported. */
  readonly imported: boolean;
  readonly findings: readonly Finding[];
}

// Each batch costs a few lookups that scan the registry, so batches are large.
const batchSize = 10_000;

/**
 * Imports a works CSV in Clef's format (docs/works-csv.md), streaming, staged in committed chunks that no reader sees
 * until the whole file is accepted: a file with errors imports nothing unless `skipInvalid` is set, and then only its
 * valid rows. `onProgress` hears the rows read, `onStaged` the works of each committed chunk.
 */
export async function importWorksCsv(
  context: RegistryContext,
  path: string,
  options: StagingOptions & { submitter: SubmitterReference; skipInvalid?: boolean; onProgress?: (rows: number) => void },
): Promise<WorksImportSummary> {
  const file = basename(path);
  const findings: Finding[] = [];
  const counts = { rows: 0, created: 0, added: 0, revised: 0, held: 0, rejected: 0, disputed: 0 };
  const resolve = createTerritoryResolver(context.lookups.territories);
  const knownParties = new Map<string, string>();
  const tally = (outcomes: readonly RegistrationOutcome[]) => {
    for (const outcome of outcomes) {
      counts[outcome.status] += 1;
      if (outcome.inDispute) counts.disputed += 1;
      findings.push(...outcome.findings);
    }
  };
  const refused = new ClefError('CLEF_REGISTRY_ROW_INVALID', `${file} has invalid rows: nothing imported (give --skip-invalid to import the valid ones)`);
  try {
    await stageWorksImport(context, file, options, async (staging) => {
      // Nothing is staged yet (leftovers were removed): the registry alone tells which tables hold keys.
      const memory = await createImportMemory(context.store.db);
      const records = readCsvRecords(createReadStream(path), { file, knownColumn: isWorksCsvColumn });
      let batch: WorkSubmission[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const submissions = batch;
        batch = [];
        const outcomes = await staging.chunk(async (db, staged) => {
          const registered = await registerWorks(staged, db, submissions, resolve, knownParties, memory);
          staging.stagedRegistrations += registered.filter((outcome) => outcome.status !== 'rejected').length;
          return registered;
        });
        tally(outcomes);
      };
      for await (const { record, line } of records) {
        counts.rows += 1;
        const parsed = parseWorksCsvRow(record, { file, line }, options.submitter);
        if (parsed.submission) batch.push(parsed.submission);
        else {
          counts.rejected += 1;
          findings.push(...parsed.findings);
        }
        if (batch.length >= batchSize) await flush();
        if (counts.rows % 10000 === 0) options.onProgress?.(counts.rows);
      }
      await flush();
      options.onProgress?.(counts.rows);
      if (counts.rows === 0) throw new ClefError('CLEF_REGISTRY_ROW_INVALID', 'the file has no rows: nothing imported', { file });
      if (counts.rejected > 0 && !options.skipInvalid) throw refused;
      await staging.accept();
    });
  } catch (error) {
    if (error === refused) return { file, ...counts, created: 0, added: 0, revised: 0, disputed: 0, imported: false, findings };
    throw unreadableFileError(error, path) ?? error;
  }
  return { file, ...counts, imported: true, findings };
}
