import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Finding } from '../../errors/index.js';
import { dsrAllowedValues, findDsrProfile, openDsrFile, parseDsrFileName, type DsrFileResult, type DsrHeaderRow, type DsrProfileDefinition, type DsrRecordDefinition } from '../../formats/dsr/index.js';
import { compileDsrRowBuilder } from '../../formats/dsr/build-dsr-row.js';
import { checkDsrFoot } from '../../formats/dsr/check-dsr-foot.js';
import { checkDsrHeaderAgainstName } from '../../formats/dsr/check-dsr-header-against-name.js';
import { dsrBlockChunks, DsrLineTooLong, type DsrLineChunk } from '../../formats/dsr/dsr-block-chunks.js';
import { dsrCellText } from '../../formats/dsr/dsr-cells.js';
import { isBlockShapeInOrder, resolveRecordTypes, SuspectLineChecks } from '../../formats/dsr/dsr-set-checks.js';
import { maxDsrLineBytes } from '../../formats/dsr/read-dsr-lines.js';
import { inTransaction } from '../../store/index.js';
import {
  blockIdFacts, blockShapes, carryBlockIds, emptyLineNumbers, loadedLineFacts, loadedRecordTypes, recordCells, splitLoadedRecords, summaryTotals, suspectRecords,
} from '../../store/usage/loaded-line-queries.js';
import type { LoadedDefinitions, LoadedStaging } from '../../store/usage/loaded-staging-queries.js';
import { findReportFileByDigest } from '../../store/usage/report-queries.js';
import { removeStagedReport, setStagedLines, truncateStagedReport } from '../../store/usage/staging-queries.js';
import { LoadedFileTally } from '../loaded-file-tally.js';
import { createUsageStager, type UsageStager } from '../usage-stager.js';
import { outcomeOf, Refusal } from './ingest-outcome.js';
import { stageLoadedChunk } from './stage-loaded-chunk.js';
import { openStagingReport, type StagedFile, type StageOptions, type StagingTarget } from './stage-report-file.js';
import type { UsageContext } from './usage-context.js';

/** Why the engine's loader does not take a file: the TypeScript reader takes it instead. */
class NotLoadable extends Error {}

/**
 * How many lines the loader checks and stages at a time (a chunk ends at the first block end after them). Each
 * statement sees one chunk, so memory does not grow with the file; fewer, larger chunks cost fewer statements.
 * 250,000 lines of a generated report are about 24 MB (BENCHMARKS.md, "the loader per chunk").
 */
export const defaultLoaderChunkLines = 250_000;

/** How the loader stages: as the TypeScript reader, plus the size of its chunks. */
export interface LoaderOptions extends StageOptions {
  /** About how many lines the loader checks and stages at a time; `defaultLoaderChunkLines` when not given. */
  readonly loaderChunkLines?: number;
}

/** What the byte pass in Node saw while the engine read the file. */
interface ByteScan {
  digest: string;
  bytes: number;
}

// A byte-order mark (dropped by the TypeScript reader only) sends the file to the TypeScript reader.
async function* scanned(chunks: AsyncIterable<Uint8Array>, scan: ByteScan): AsyncGenerator<Uint8Array> {
  const hash = createHash('sha256');
  let first = true;
  for await (const chunk of chunks) {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (first && bytes.length > 0) {
      first = false;
      if (bytes[0] === 0xef) throw new NotLoadable('a byte-order mark');
    }
    hash.update(bytes);
    scan.bytes += bytes.length;
    yield chunk;
  }
  scan.digest = hash.digest('hex');
}

// A backslash (DSR's escape: cells are then split in TypeScript), a carriage return (line ends the loaders read
// differently) or a NUL send the file to the TypeScript reader, in whichever chunk they are.
function unloadable(chunk: DsrLineChunk): string | undefined {
  for (const bytes of chunk.bytes) {
    if (bytes.indexOf(92) !== -1) return 'a backslash';
    if (bytes.indexOf(13) !== -1) return 'a carriage return';
    if (bytes.indexOf(0) !== -1) return 'a NUL byte';
  }
  return undefined;
}

/** The scratch tables the loader makes for a staging report, all dropped when it ends (or, after a crash, by the next start). */
export function loaderScratchTables(reportId: bigint): string[] {
  return ['', '_records', '_keys', '_keys_ids', '_resources', '_blocks'].map((suffix) => `usage_load_${reportId}${suffix}`);
}

const base = (recordType: string): string => recordType.slice(0, 4);
/** Record types staged by their own statements; the others (summaries, releases) through the row builders. */
const directlyStaged = new Set(['HEAD', 'FOOT', 'AS01', 'AS02', 'MW01', 'SU01', 'SU02', 'SU03', 'LI01']);
const usagesCells = ['Usages', 'NumberOfStreams', 'TotalUsages', 'Downloads'];
const pageLines = 50_000;

function cellIndex(definition: DsrRecordDefinition, ...names: string[]): number {
  for (const name of names) {
    const i = definition.cells.findIndex((c) => c.name === name);
    if (i !== -1) return i;
  }
  return -1;
}

/**
 * Validates and stages a DSR file on disk through the engine's own loader, a chunk of lines at a time
 * (`dsrBlockChunks`: about `loaderChunkLines` lines, cut where a block ends, numbered as in the file): the database
 * reads each chunk into a scratch table of lines, the DSR checks run as set-based SQL over it (TypeScript decides only
 * what SQL cannot: record types against the profile, block shapes, the few lines whose cells SQL cannot pass), the
 * chunk is staged by `INSERT … SELECT` in its own committed transaction and its scratch tables dropped. What spans
 * chunks is carried in a `LoadedFileTally` (record types, summary totals, blocks, empty lines) and in the digest;
 * HEAD is read with the first chunk, FOOT and the totals checked at the end. So no statement sees more than a chunk
 * and memory stays flat whatever the file's size.
 *
 * Returns why, having removed whatever it staged, for a file it does not take — bytes the engine cannot read as
 * UTF-8 lines, escapes, or any error, found in whichever chunk: the TypeScript reader (the oracle) then reads it and
 * locates every finding. Throws a Refusal for a duplicate (the caller removes what was staged). Resuming
 * (`target.resumeFrom`, the line after a committed chunk), it checks every chunk again (validation and the digest
 * need every line) and stages those from that line on, cutting a chunk there.
 */
export async function stageLoadedFile(context: UsageContext, path: string, target: StagingTarget, options: LoaderOptions): Promise<StagedFile | string> {
  const { db, engine } = context.store;
  const { reportId } = target;
  const file = basename(path);
  const cap = options.findingCap ?? 100;
  const resumeFrom = target.resumeFrom ?? 1;
  const scratch = loaderScratchTables(reportId);
  const [lines, records, keys, keyIds, resourcesTable, blockIds] = scratch;
  const chunkScratch = [lines, records, keys, keyIds, resourcesTable];
  const scan: ByteScan = { digest: '', bytes: 0 };
  const tally = new LoadedFileTally(cap);
  const suspects = new SuspectLineChecks(file, cap);
  const versionWarnings: Finding[] = [];
  const definitions = new Map<string, DsrRecordDefinition>();
  const definitionOf = (type: string): DsrRecordDefinition => definitions.get(type)!;
  const builderContext = { resourceOf: () => null, salesTransactionId: null };
  let profile: DsrProfileDefinition | undefined;
  let head: { line: number; header: DsrHeaderRow } | undefined;
  let footCells: string[] | undefined;
  let stager: UsageStager | undefined;
  let blocksStored = false;
  let territory: string | null = null;
  let currency: string | null = null;
  // Whether this run wrote anything (the staging report, staged rows) that a refusal must remove.
  let wrote = false;

  const refuse = async (why: string): Promise<string> => {
    if (wrote) {
      await inTransaction(db, async (tx) => {
        if (resumeFrom <= 1) return removeStagedReport(tx, reportId);
        await truncateStagedReport(tx, reportId, resumeFrom);
        await setStagedLines(tx, reportId, resumeFrom - 1, resumeFrom);
      });
    }
    return why;
  };

  // Checks one chunk and stages it; returns why the loader does not take the file, if it does not.
  const takeChunk = async (chunk: DsrLineChunk): Promise<string | undefined> => {
    const lastLine = chunk.firstLine + chunk.lines - 1;
    const unreadable = unloadable(chunk);
    if (unreadable) return `it holds ${unreadable}`;
    let loaded: number;
    try {
      loaded = await engine.loadLines(db, lines, { bytes: (async function* () { yield* chunk.bytes; })(), firstLine: chunk.firstLine });
    } catch (error) {
      return `the engine could not load it (${(error as Error).message.split('\n')[0]})`;
    }
    // Line numbers are the chunk's first plus the engine's count: they must agree with the cutting's.
    if (loaded !== chunk.lines) return `the engine read ${loaded} lines where lines ${chunk.firstLine} to ${lastLine} are`;
    tally.lines = lastLine;
    const facts = await loadedLineFacts(db, lines);
    if (facts.controlLines > 0) return 'a line holds a control character';
    if (facts.emptyLines > 0) tally.addEmptyLines(facts.emptyLines, tally.emptyLineNumbers.length < cap ? await emptyLineNumbers(db, lines, cap) : []);
    await splitLoadedRecords(db, engine, lines, records);
    const types = await loadedRecordTypes(db, records);
    if (types.length === 0) return undefined;
    const added = tally.addTypes(types);
    if (!profile) {
      const first = types.reduce((a, t) => (t.firstLine < a.firstLine ? t : a));
      if (first.recordType !== 'HEAD') return 'it does not start with one HEAD';
      const [cells] = await recordCells(db, records, { lines: [first.firstLine] });
      profile = findDsrProfile(dsrCellText(cells.cells[2] ?? ''), dsrCellText(cells.cells[3] ?? ''));
      if (!profile) return 'its HEAD names no known profile version';
    }
    const resolved = resolveRecordTypes(file, profile, added);
    if (resolved.unknown.length > 0) return `unknown record types (${resolved.unknown.join(', ')})`;
    for (const [type, definition] of resolved.definitions) definitions.set(type, definition);
    versionWarnings.push(...resolved.versionWarnings);
    if (!head) {
      const [cells] = await recordCells(db, records, { lines: [types.find((t) => t.recordType === 'HEAD')!.firstLine] });
      head = { line: cells.line, header: compileDsrRowBuilder(definitionOf('HEAD'))(cells.cells, cells.line, builderContext) as DsrHeaderRow };
      // As the TypeScript reader, at HEAD: a file already in, or a resend of an unknown report, stops here.
      await openStagingReport(context, file, head.header, target, options.replaces);
      wrote = resumeFrom <= 1;
      stager = createUsageStager(reportId, head.header.fileNumber ?? 1);
    }
    if (tally.summaryAfterBlock()) return 'a summary record after a block';
    const run = tally.blockRun();
    const ids = await blockIdFacts(db, records, run.from, run.to);
    if (!tally.addBlocks(ids)) {
      if (ids.within > 0 || (await carryBlockIds(db, engine, records, blockIds, blocksStored)) > 0) return 'a block split across chunks';
      blocksStored = true;
    }
    const shapes = await blockShapes(db, records);
    if (shapes.splitBlockIds > 0 || !shapes.shapes.every((s) => isBlockShapeInOrder(s.shape))) return 'blocks out of order';

    const chunkDefinitions = types.map((t) => definitionOf(t.recordType));
    for (let after = chunk.firstLine - 1; ; ) {
      const page = await suspectRecords(db, records, chunkDefinitions, dsrAllowedValues, after, pageLines);
      for (const { line, cells } of page) suspects.check(definitionOf(cells[0]), cells, line);
      if (suspects.errorCount > 0) return 'cell errors';
      if (page.length < pageLines) break;
      after = page[page.length - 1].line;
    }
    const of = (test: (b: string) => boolean) => types.filter((t) => test(base(t.recordType))).map((t) => definitionOf(t.recordType));
    const summaryDefinitions = of((b) => b.startsWith('SY'));
    const usageDefinitions = of((b) => b.startsWith('SU'));
    if (summaryDefinitions.length > 0 || usageDefinitions.length > 0) {
      const totals = await summaryTotals(
        db, records,
        summaryDefinitions.map((d) => ({ definition: d, id: cellIndex(d, 'SummaryRecordId'), usages: cellIndex(d, ...usagesCells) })),
        usageDefinitions.map((d) => ({ definition: d, id: cellIndex(d, 'SummaryRecordId'), usages: cellIndex(d, ...usagesCells), returns: cellIndex(d, 'Returns') })),
      );
      tally.declare(totals.declared);
      if (!tally.list(totals.listed)) return 'summary totals disagree';
    }
    const foot = types.find((t) => base(t.recordType) === 'FOOT');
    if (foot) [{ cells: footCells }] = await recordCells(db, records, { lines: [foot.lastLine] });
    // The report's territory and currency are the first a summary record gives, as the TypeScript reader takes them.
    if ((territory === null || currency === null) && summaryDefinitions.length > 0) {
      for (const { line, cells } of await recordCells(db, records, { types: summaryDefinitions.map((d) => d.recordType) })) {
        const row = compileDsrRowBuilder(definitionOf(cells[0]))(cells, line, builderContext);
        if (row?.kind !== 'summary') continue;
        territory ??= row.territory;
        currency ??= row.currency;
      }
    }
    options.onProgress?.(file, lastLine);
    if (chunk.firstLine < resumeFrom) return undefined;

    const kinds: LoadedDefinitions = { resources: of((b) => b === 'AS01' || b === 'AS02'), works: of((b) => b === 'MW01'), usages: usageDefinitions, licensors: of((b) => b === 'LI01') };
    const rowTypes = types.map((t) => t.recordType).filter((t) => base(t).startsWith('SY') || !directlyStaged.has(base(t)));
    const staging: LoadedStaging = { records, resources: resourcesTable, keys, reportId, fileNumber: head!.header.fileNumber ?? 1 };
    wrote = true;
    await stageLoadedChunk(context, { staging, identifierKeys: keyIds, kinds, rowTypes, definitionOf, lastLine }, stager!);
    await options.onStaged?.(file, lastLine);
    return undefined;
  };

  const source = openDsrFile(path);
  try {
    try {
      const chunking = { lines: options.loaderChunkLines ?? defaultLoaderChunkLines, cutAt: resumeFrom > 1 ? resumeFrom : undefined, maxLineBytes: maxDsrLineBytes };
      for await (const chunk of dsrBlockChunks(scanned(source.chunks, scan), chunking)) {
        try {
          const why = await takeChunk(chunk);
          if (why) return await refuse(why);
        } finally {
          await engine.dropScratchTables(db, chunkScratch);
        }
      }
    } catch (error) {
      if (error instanceof NotLoadable || error instanceof DsrLineTooLong) return await refuse(`it holds ${error.message}`);
      throw error;
    }
    if (tally.lines === 0) return await refuse('it is empty');
    if (!head || !profile) return await refuse('it does not start with one HEAD');
    if (!tally.headAndFootInPlace()) return await refuse('HEAD or FOOT out of place');
    if (tally.exceeded()) return await refuse('summary totals disagree');
    const { header } = head;
    let footProblem: string | undefined;
    const foot = checkDsrFoot(definitionOf(footCells![0]), footCells!, { lines: tally.lines, summaryRecords: tally.summaryRecords(), blocks: tally.blocks, singleFile: header.numberOfFiles === 1 }, (_code, _warning, _cell, _value, message) => {
      footProblem ??= message;
    });
    if (footProblem) return await refuse(footProblem);
    const named = parseDsrFileName(file);
    const nameFindings = [...named.findings, ...(named.fileName ? checkDsrHeaderAgainstName(header, named.fileName, file) : [])];
    if (nameFindings.some((f) => f.severity !== 'warning')) return await refuse('file name errors');

    // The warnings in the order the TypeScript reader finds them: by line, and on a line the record version first.
    const located: { line: number; rank: number; finding: Finding }[] = [
      ...named.findings.map((finding) => ({ line: -1, rank: 0, finding })),
      ...tally.emptyLineNumbers.map((line) => ({ line, rank: 0, finding: { code: 'CLEF_DSR_EMPTY_LINE', severity: 'warning', message: 'empty line', location: { file, line, column: undefined, recordType: '', field: undefined, value: undefined } } as Finding })),
      ...versionWarnings.map((finding) => ({ line: finding.location!.line!, rank: 1, finding })),
      ...suspects.warnings.map((finding) => ({ line: finding.location!.line!, rank: 2, finding })),
      ...nameFindings.slice(named.findings.length).map((finding) => ({ line: head!.line, rank: 3, finding })),
    ];
    located.sort((a, b) => a.line - b.line || a.rank - b.rank);
    const warningCount = nameFindings.length + tally.emptyLines + versionWarnings.length + suspects.warningCount;
    const result: DsrFileResult = {
      file, fileName: named.fileName, header, profile: { profile: profile.profile, version: profile.version }, digest: scan.digest, bytes: scan.bytes,
      lines: tally.lines, summaryRecords: tally.summaryRecords(), blocks: tally.blocks, foot, accepted: true, errors: [],
      warnings: located.slice(0, cap).map((l) => l.finding), errorCount: 0, warningCount,
    };
    const twin = await findReportFileByDigest(db, result.digest);
    if (twin) throw new Refusal(outcomeOf(file, result, 'duplicate', { duplicateOf: `${twin.file_name} (report ${twin.message_id}), same content digest` }));
    return { file, stagingId: reportId, header, result, territory, currency };
  } finally {
    await engine.dropScratchTables(db, scratch).catch(() => {});
  }
}
