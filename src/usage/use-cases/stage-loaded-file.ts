import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Finding } from '../../errors/index.js';
import { dsrAllowedValues, findDsrProfile, openDsrFile, parseDsrFileName, type DsrFileResult, type DsrHeaderRow, type DsrRecordDefinition, type DsrRow } from '../../formats/dsr/index.js';
import { compileDsrRowBuilder } from '../../formats/dsr/build-dsr-row.js';
import { checkDsrFoot } from '../../formats/dsr/check-dsr-foot.js';
import { checkDsrHeaderAgainstName } from '../../formats/dsr/check-dsr-header-against-name.js';
import { dsrCellText } from '../../formats/dsr/dsr-cells.js';
import { isBlockShapeInOrder, resolveRecordTypes, SuspectLineChecks } from '../../formats/dsr/dsr-set-checks.js';
import { isCompactIswc, parseIsrc, parseIswc } from '../../identifiers/index.js';
import { artistKey, nameKey, titleKey } from '../../registry/match-key.js';
import { inTransaction } from '../../store/index.js';
import { blockShapes, emptyLineNumbers, loadedLineFacts, loadedRecordTypes, recordCells, splitLoadedRecords, summaryProblems, suspectRecords } from '../../store/usage/loaded-line-queries.js';
import {
  distinctResourceValues, foldLoadedResources, insertLoadedLicensors, insertLoadedResources, insertLoadedUsageLines, insertLoadedWorks,
  uncompactIdentifiers, type LoadedDefinitions, type LoadedStaging,
} from '../../store/usage/loaded-staging-queries.js';
import { findReportFileByDigest } from '../../store/usage/report-queries.js';
import { setStagedLines } from '../../store/usage/staging-queries.js';
import { createUsageStager } from '../usage-stager.js';
import { outcomeOf, Refusal } from './ingest-outcome.js';
import { openStagingReport, type StagedFile, type StageOptions, type StagingTarget } from './stage-report-file.js';
import type { UsageContext } from './usage-context.js';

/** Why the engine's loader does not take a file: the TypeScript reader takes it instead. */
class NotLoadable extends Error {}

/**
 * Files larger than this (as read, after gunzip) go to the TypeScript reader. The loader's checks and staging are
 * statements over the whole file, and some of them do not spill: a 30 M-line report (2.9 GB) ran DuckDB out of memory
 * under a 1 GB and a 2 GB limit, where the reader, which commits chunks as it reads, stays flat. 3 M lines (284 MB)
 * load within a 1 GB limit (BENCHMARKS.md, issue 13).
 */
export const defaultLoaderMaxBytes = 512 * 2 ** 20;

/** How the loader stages: as the TypeScript reader, plus the size above which it leaves a file to that reader. */
export interface LoaderOptions extends StageOptions {
  /** Files larger than this many bytes go to the TypeScript reader; `defaultLoaderMaxBytes` when not given. */
  readonly loaderMaxBytes?: number;
}

/** What the byte pass in Node saw while the engine read the file. */
interface ByteScan {
  digest: string;
  bytes: number;
}

// A backslash (DSR's escape: cells are then split in TypeScript), a carriage return (line ends the loaders read
// differently), a NUL or a byte-order mark (dropped by the TypeScript reader only) send the file to the TypeScript reader.
// A compressed file's size on disk says little of its lines: the pass also stops at the size limit.
async function* scanned(chunks: AsyncIterable<Uint8Array>, scan: ByteScan, maxBytes: number): AsyncGenerator<Uint8Array> {
  const hash = createHash('sha256');
  let first = true;
  for await (const chunk of chunks) {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (first && bytes.length > 0) {
      first = false;
      if (bytes[0] === 0xef) throw new NotLoadable('a byte-order mark');
    }
    if (bytes.indexOf(92) !== -1) throw new NotLoadable('a backslash');
    if (bytes.indexOf(13) !== -1) throw new NotLoadable('a carriage return');
    if (bytes.indexOf(0) !== -1) throw new NotLoadable('a NUL byte');
    hash.update(bytes);
    scan.bytes += bytes.length;
    if (scan.bytes > maxBytes) throw new NotLoadable(tooLarge(maxBytes));
    yield chunk;
  }
  scan.digest = hash.digest('hex');
}

function tooLarge(maxBytes: number): string {
  return `it is larger than ${maxBytes.toLocaleString('en')} bytes, the most the loader checks in one go`;
}

/** The scratch tables the loader makes for a staging report, all dropped when it ends (or, after a crash, by the next start). */
export function loaderScratchTables(reportId: bigint): string[] {
  return ['', '_records', '_keys', '_keys_ids', '_resources'].map((suffix) => `usage_load_${reportId}${suffix}`);
}

const base = (recordType: string): string => recordType.slice(0, 4);
const isBlockBase = (b: string): boolean => ['RE01', 'AS01', 'AS02', 'MW01', 'RE02', 'RU01', 'RU02', 'SU01', 'SU02', 'SU03', 'LI01'].includes(b);

function cellIndex(definition: DsrRecordDefinition, ...names: string[]): number {
  for (const name of names) {
    const i = definition.cells.findIndex((c) => c.name === name);
    if (i !== -1) return i;
  }
  return -1;
}

/** The keys and checked identifiers TypeScript computes once per distinct value. */
function keyOf(kind: string, raw: string): string | null {
  switch (kind) {
    case 'title':
      return titleKey(raw);
    case 'artist':
      return artistKey(raw);
    case 'writers':
      return raw.split('|').map(nameKey).join('|');
    case 'numbers':
      return [...new Set(raw.split('|'))].join('|');
    case 'isrc': {
      for (const v of raw.split('|').filter((x) => x !== '')) {
        const parsed = parseIsrc(v);
        if (parsed.ok) return parsed.value;
      }
      return null;
    }
    default: {
      if (isCompactIswc(raw)) return raw;
      const parsed = parseIswc(raw);
      return parsed.ok ? parsed.value : null;
    }
  }
}

/**
 * Validates and stages a DSR file on disk through the engine's own loader: the database reads the file into a
 * scratch table of lines, the DSR checks run as set-based SQL over them (TypeScript decides only what SQL cannot:
 * record types against the profile, block shapes, the few lines whose cells SQL cannot pass, HEAD and FOOT), and
 * the staged tables are filled by `INSERT … SELECT`. Returns why, having left nothing, for a file it does not take —
 * bytes the engine cannot read as UTF-8 lines, escapes, or any error: the TypeScript reader (the oracle) then reads
 * it and locates every finding — and for a file above `loaderMaxBytes`, which the reader stages in flat memory.
 * Throws a Refusal for a duplicate.
 */
export async function stageLoadedFile(context: UsageContext, path: string, target: StagingTarget, options: LoaderOptions): Promise<StagedFile | string> {
  const { db, engine } = context.store;
  const { reportId } = target;
  const file = basename(path);
  const cap = options.findingCap ?? 100;
  const scratch = loaderScratchTables(reportId);
  const [lines, records, keys, keyIds, resourcesTable] = scratch;
  const scan: ByteScan = { digest: '', bytes: 0 };
  const maxBytes = options.loaderMaxBytes ?? defaultLoaderMaxBytes;
  if ((await stat(path)).size > maxBytes) return tooLarge(maxBytes);
  try {
    let lineCount: number;
    try {
      lineCount = await engine.loadLines(db, lines, path, scanned(openDsrFile(path).chunks, scan, maxBytes));
    } catch (error) {
      return `the engine could not load it (${(error as Error).message.split('\n')[0]})`;
    }
    const facts = await loadedLineFacts(db, lines);
    if (facts.lines === 0) return 'it is empty';
    if (facts.controlLines > 0) return 'a line holds a control character';
    await splitLoadedRecords(db, engine, lines, records);
    const types = await loadedRecordTypes(db, records);
    const firstRecord = types.reduce<(typeof types)[number] | undefined>((a, t) => (!a || t.firstLine < a.firstLine ? t : a), undefined);
    if (!firstRecord || firstRecord.recordType !== 'HEAD' || firstRecord.count !== 1) return 'it does not start with one HEAD';
    const [head] = await recordCells(db, records, { lines: [firstRecord.firstLine] });
    const profile = findDsrProfile(dsrCellText(head.cells[2] ?? ''), dsrCellText(head.cells[3] ?? ''));
    if (!profile) return 'its HEAD names no known profile version';
    const resolved = resolveRecordTypes(file, profile, types);
    if (resolved.unknown.length > 0) return `unknown record types (${resolved.unknown.join(', ')})`;
    const of = (test: (b: string) => boolean) => types.filter((t) => test(base(t.recordType)));
    const heads = of((b) => b === 'HEAD');
    const feet = of((b) => b === 'FOOT');
    const summaries = of((b) => b.startsWith('SY'));
    const blockTypes = of(isBlockBase);
    const lastRecord = Math.max(...types.map((t) => t.lastLine));
    if (heads.reduce((n, t) => n + t.count, 0) !== 1 || feet.reduce((n, t) => n + t.count, 0) !== 1 || feet[0].lastLine !== lastRecord) return 'HEAD or FOOT out of place';
    if (summaries.length > 0 && blockTypes.length > 0 && Math.max(...summaries.map((t) => t.lastLine)) > Math.min(...blockTypes.map((t) => t.firstLine))) return 'a summary record after a block';
    const shapes = await blockShapes(db, records);
    if (shapes.splitBlockIds > 0 || !shapes.shapes.every((s) => isBlockShapeInOrder(s.shape))) return 'blocks out of order';
    const blocks = shapes.shapes.reduce((n, s) => n + s.blocks, 0);
    const definitionOf = (type: string): DsrRecordDefinition => resolved.definitions.get(type)!;
    const definitions = types.map((t) => definitionOf(t.recordType));

    const suspects = new SuspectLineChecks(file, cap);
    for (let after = 0; ; ) {
      const page = await suspectRecords(db, records, definitions, dsrAllowedValues, after, 50_000);
      for (const { line, cells } of page) suspects.check(definitionOf(cells[0]), cells, line);
      if (suspects.errorCount > 0) return 'cell errors';
      if (page.length < 50_000) break;
      after = page[page.length - 1].line;
    }
    const summaryDefinitions = summaries.map((t) => definitionOf(t.recordType));
    const usageDefinitions = of((b) => b.startsWith('SU')).map((t) => definitionOf(t.recordType));
    const problems = await summaryProblems(
      db, records,
      summaryDefinitions.map((d) => ({ definition: d, id: cellIndex(d, 'SummaryRecordId'), usages: cellIndex(d, 'Usages', 'NumberOfStreams', 'TotalUsages', 'Downloads') })),
      usageDefinitions.map((d) => ({ definition: d, id: cellIndex(d, 'SummaryRecordId'), usages: cellIndex(d, 'Usages', 'NumberOfStreams', 'TotalUsages', 'Downloads'), returns: cellIndex(d, 'Returns') })),
    );
    if (problems.undeclared > 0 || problems.exceeded > 0) return 'summary totals disagree';

    const builderContext = { resourceOf: () => null, salesTransactionId: null };
    const header = compileDsrRowBuilder(definitionOf('HEAD'))(head.cells, head.line, builderContext) as DsrHeaderRow;
    const [footLine] = await recordCells(db, records, { lines: [feet[0].lastLine] });
    let footProblem: string | undefined;
    const foot = checkDsrFoot(definitionOf(footLine.cells[0]), footLine.cells, { lines: facts.lines, summaryRecords: summaries.reduce((n, t) => n + t.count, 0), blocks, singleFile: header.numberOfFiles === 1 }, (_code, _warning, _cell, _value, message) => {
      footProblem ??= message;
    });
    if (footProblem) return footProblem;
    const named = parseDsrFileName(file);
    const nameFindings = [...named.findings, ...(named.fileName ? checkDsrHeaderAgainstName(header, named.fileName, file) : [])];
    if (nameFindings.some((f) => f.severity !== 'warning')) return 'file name errors';

    // The warnings in the order the TypeScript reader finds them: by line, and on a line the record version first.
    const emptyLines = await emptyLineNumbers(db, lines, cap);
    const located: { line: number; rank: number; finding: Finding }[] = [
      ...named.findings.map((finding) => ({ line: -1, rank: 0, finding })),
      ...emptyLines.map((line) => ({ line, rank: 0, finding: { code: 'CLEF_DSR_EMPTY_LINE', severity: 'warning', message: 'empty line', location: { file, line, column: undefined, recordType: '', field: undefined, value: undefined } } as Finding })),
      ...resolved.versionWarnings.map((finding) => ({ line: finding.location!.line!, rank: 1, finding })),
      ...suspects.warnings.map((finding) => ({ line: finding.location!.line!, rank: 2, finding })),
      ...nameFindings.slice(named.findings.length).map((finding) => ({ line: head.line, rank: 3, finding })),
    ];
    located.sort((a, b) => a.line - b.line || a.rank - b.rank);
    const warningCount = named.findings.length + facts.emptyLines + resolved.versionWarnings.length + suspects.warningCount + nameFindings.length - named.findings.length;
    const result: DsrFileResult = {
      file, fileName: named.fileName, header, profile: { profile: profile.profile, version: profile.version }, digest: scan.digest, bytes: scan.bytes,
      lines: lineCount, summaryRecords: summaries.reduce((n, t) => n + t.count, 0), blocks, foot, accepted: true, errors: [],
      warnings: located.slice(0, cap).map((l) => l.finding), errorCount: 0, warningCount,
    };

    await openStagingReport(context, file, header, target, options.replaces);
    const twin = await findReportFileByDigest(db, result.digest);
    if (twin) throw new Refusal(outcomeOf(file, result, 'duplicate', { duplicateOf: `${twin.file_name} (report ${twin.message_id}), same content digest` }));

    const fileNumber = header.fileNumber ?? 1;
    const kinds: LoadedDefinitions = {
      resources: of((b) => b === 'AS01' || b === 'AS02').map((t) => definitionOf(t.recordType)),
      works: of((b) => b === 'MW01').map((t) => definitionOf(t.recordType)),
      usages: usageDefinitions,
      licensors: of((b) => b === 'LI01').map((t) => definitionOf(t.recordType)),
    };
    const staging: LoadedStaging = { records, resources: resourcesTable, keys, reportId, fileNumber };
    const identifiers = await uncompactIdentifiers(db, staging, kinds);
    await engine.writeScratchTable(db, keyIds, ['kind', 'raw', 'value'], identifiers.map((r) => [r.kind, r.raw, keyOf(r.kind, r.raw)]));
    const withIds: LoadedStaging = { ...staging, keys: keyIds };
    await foldLoadedResources(db, engine, withIds, kinds);
    const values = await distinctResourceValues(db, staging);
    await engine.writeScratchTable(db, keys, ['kind', 'raw', 'value'], values.map((r) => [r.kind, r.raw, keyOf(r.kind, r.raw)]));

    // Each table is its own committed chunk: the report stays `staging`, invisible, until the file is accepted.
    const commit = async (work: (tx: typeof db) => Promise<void>): Promise<void> => {
      // PostgreSQL estimates the CTEs over scratch tables (grouped, windowed) at a row or so and then plans
      // nested loops over them: 300,000 lines took minutes in one statement instead of seconds.
      await inTransaction(db, async (tx) => {
        await engine.withWholeSetJoins(tx, () => work(tx));
        await setStagedLines(tx, reportId, lineCount);
      });
      await options.onStaged?.(file, lineCount);
    };
    await commit((tx) => insertLoadedUsageLines(tx, staging, kinds));
    await commit((tx) => insertLoadedResources(tx, staging));
    await commit((tx) => insertLoadedWorks(tx, withIds, kinds));
    await commit((tx) => insertLoadedLicensors(tx, staging, kinds));
    const stager = createUsageStager(reportId, fileNumber);
    // Summaries and releases (kept as their cells in JSON) are built by the TypeScript row builders, a page at a time.
    const rowTypes = of((b) => b.startsWith('SY') || !['HEAD', 'FOOT', 'AS01', 'AS02', 'MW01', 'SU01', 'SU02', 'SU03', 'LI01'].includes(b));
    await commit(async (tx) => {
      for (let after = 0; ; ) {
        const page = await recordCells(tx, records, { types: rowTypes.map((t) => t.recordType), after, limit: 50_000 });
        const rows = page.map(({ line, cells }) => compileDsrRowBuilder(definitionOf(cells[0]))(cells, line, builderContext)).filter((r): r is DsrRow => r !== undefined);
        const batch = stager.add(rows);
        await engine.bulkInsert(tx, 'usage_summaries', batch.summaries);
        await engine.bulkInsert(tx, 'usage_releases', batch.releases);
        if (page.length < 50_000) break;
        after = page[page.length - 1].line;
      }
    });
    const summaryRows = await recordCells(db, records, { types: summaries.map((t) => t.recordType) });
    let territory: string | null = null;
    let currency: string | null = null;
    for (const { line, cells } of summaryRows) {
      const row = compileDsrRowBuilder(definitionOf(cells[0]))(cells, line, builderContext);
      if (row?.kind !== 'summary') continue;
      territory ??= row.territory;
      currency ??= row.currency;
    }
    return { file, stagingId: reportId, header, result, territory, currency };
  } finally {
    await engine.dropScratchTables(db, scratch).catch(() => {});
  }
}
