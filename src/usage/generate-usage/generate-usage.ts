import { createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { cwrCatalogueLines } from './cwr-catalogue-lines.js';
import { dsrReportLines, type DsrReportPlan } from './dsr-report-lines.js';
import { ipiNameNumberOf, syntheticRecording, syntheticWriter, type SyntheticRecording } from './synthetic-recording.js';

/** What to generate: sizes, the seed, and the month the report covers. */
export interface GenerateUsageOptions {
  readonly out: string;
  readonly lines: number;
  readonly recordings: number;
  readonly seed?: number;
  /** `yyyy-mm`; the report is created on the first day of the next month. */
  readonly month?: string;
  /** Works per CWR file of the catalogue. */
  readonly worksPerFile?: number;
  /** Called now and then with the lines of the report written so far. */
  readonly onProgress?: (reportLines: number) => void;
}

/** The files written. */
export interface GeneratedUsage {
  readonly catalogueFiles: readonly string[];
  readonly membersFile: string;
  readonly reportFile: string;
  readonly truthFile: string;
  readonly reportLines: number;
  readonly resources: number;
  readonly writers: number;
}

const publisherName = 'Clef Test Publishing';
const publisherIpi = ipiNameNumberOf(1234567);

/** Writes text pieces to a file, waiting when the disk is slower than the generator (constant memory). */
async function writeAll(path: string, pieces: Iterable<string>, encoding: BufferEncoding = 'utf8'): Promise<void> {
  const stream = createWriteStream(path, { encoding, highWaterMark: 1 << 20 });
  let buffer = '';
  for (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= 1 << 20) {
      if (!stream.write(buffer, encoding)) await once(stream, 'drain');
      buffer = '';
    }
  }
  stream.end(buffer, encoding);
  await once(stream, 'finish');
}

function* range(from: number, to: number, seed: number, writerPool: number): Generator<SyntheticRecording> {
  for (let i = from; i < to; i++) yield syntheticRecording(seed, i, writerPool);
}

function nextMonthStart(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * Generates a test catalogue and a usage report for it in the fixed layout: `catalogue/` (CWR 2.2 files for
 * `clef works import`), `members.csv` (for `clef members import`), `reports/DSR_*.tsv` (Basic Audio 1.2, one
 * DSP, one month) and `truth.csv` (each DSP resource id with the ISRC it truly is, or none). Deterministic
 * for a seed; everything streams to disk, so 10 M report lines never sit in memory.
 */
export async function generateUsage(options: GenerateUsageOptions): Promise<GeneratedUsage> {
  const seed = options.seed ?? 1;
  const month = options.month ?? '2025-01';
  const writerPool = Math.max(10, Math.ceil(options.recordings / 4));
  const worksPerFile = options.worksPerFile ?? 100_000;
  const created = nextMonthStart(month);
  mkdirSync(join(options.out, 'catalogue'), { recursive: true });
  mkdirSync(join(options.out, 'reports'), { recursive: true });

  const catalogueFiles: string[] = [];
  const header = { publisherName, publisherIpiNameNumber: publisherIpi, creationDate: created.replace(/-/g, ''), creationTime: '000000' };
  for (let from = 0, n = 1; from < options.recordings; from += worksPerFile, n++) {
    const file = join(options.out, 'catalogue', `CW${created.slice(2, 4)}${String(n).padStart(4, '0')}CLF_000.V22`);
    await writeAll(file, cwrCatalogueLines(range(from, Math.min(from + worksPerFile, options.recordings), seed, writerPool), header), 'latin1');
    catalogueFiles.push(file);
  }

  const membersFile = join(options.out, 'members.csv');
  await writeAll(membersFile, (function* () {
    yield 'ipi_name_number,name,rights,territories,start_date,end_date\n';
    yield `${publisherIpi},${publisherName},PR;MR,2136,2000-01-01,\n`;
    // Four writers in five are members; the others are left for sister societies and reserves.
    for (let w = 0; w < writerPool; w++) {
      if (w % 5 === 4) continue;
      const writer = syntheticWriter(seed, w);
      yield `${writer.ipiNameNumber},"${writer.lastName}, ${writer.firstName}",PR,2136,2010-01-01,\n`;
    }
  })());

  const plan: DsrReportPlan = {
    seed, lines: options.lines, recordings: options.recordings, writerPool,
    senderPartyId: 'PADPIDA2011072101T', senderName: 'ClefStream', recipientPartyId: 'PADPIDA2025010101C', recipientName: 'ClefCMO',
    serviceDescription: 'Premium', month, territory: 'FR', currency: 'EUR', created: `${created}T00:00:00Z`,
  };
  const reportFile = join(options.out, 'reports', `DSR_${plan.recipientPartyId}_${plan.senderPartyId}_${plan.serviceDescription}_${month}_${plan.territory}_1of1_${created.replace(/-/g, '')}T000000.tsv`);
  const truthFile = join(options.out, 'truth.csv');
  const report = createWriteStream(reportFile, { highWaterMark: 1 << 20 });
  const truth = createWriteStream(truthFile, { highWaterMark: 1 << 20 });
  let reportBuffer = '';
  let truthBuffer = 'dsp_resource_id,true_isrc,case\n';
  let reportLines = 0;
  let resources = 0;
  for (const item of dsrReportLines(plan)) {
    if ('line' in item) {
      reportBuffer += `${item.line}\n`;
      reportLines++;
    } else {
      truthBuffer += `${item.truth.dspResourceId},${item.truth.trueIsrc ?? ''},${item.truth.case}\n`;
      resources++;
    }
    if (reportBuffer.length >= 1 << 20) {
      options.onProgress?.(reportLines);
      const waits = [report.write(reportBuffer) ? undefined : once(report, 'drain'), truth.write(truthBuffer) ? undefined : once(truth, 'drain')];
      reportBuffer = '';
      truthBuffer = '';
      await Promise.all(waits);
    }
  }
  report.end(reportBuffer);
  truth.end(truthBuffer);
  await Promise.all([once(report, 'finish'), once(truth, 'finish')]);
  options.onProgress?.(reportLines);
  return { catalogueFiles, membersFile, reportFile, truthFile, reportLines, resources, writers: writerPool };
}
