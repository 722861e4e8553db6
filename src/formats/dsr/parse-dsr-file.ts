import type { ErrorCode } from '../../errors/error-codes.js';
import type { Finding } from '../../errors/finding.js';
import { compileDsrRowBuilder, type DsrRowBuilder, type DsrRowContext } from './build-dsr-row.js';
import { compileDsrCellChecks, type DsrCellCheck } from './check-dsr-cells.js';
import { dsrCellText, splitDsrCells } from './dsr-cells.js';
import { DsrFindingList } from './dsr-finding-list.js';
import type { DsrProfileDefinition, DsrRecordDefinition } from './dsr-record-definition.js';
import type { DsrHeaderRow, DsrRow } from './dsr-rows.js';
import { DsrStructureTracker } from './dsr-structure-tracker.js';
import { DsrSummaryTotals, type DsrSummaryProblem } from './dsr-summary-totals.js';
import { checkDsrFoot, type DsrFoot } from './check-dsr-foot.js';
import { checkDsrHeaderAgainstName } from './check-dsr-header-against-name.js';
import { findDsrProfile } from './find-dsr-profile.js';
import { parseDsrFileName, type DsrFileName } from './parse-dsr-file-name.js';
import { readDsrLines } from './read-dsr-lines.js';
import { resolveDsrRecordType } from './resolve-dsr-record-type.js';

/** A DSR file to read: its name (for the file-name rules and locations) and its uncompressed bytes. */
export interface DsrSource {
  readonly name: string;
  readonly chunks: AsyncIterable<Uint8Array>;
}

/** How to read a DSR file. */
export interface DsrParseOptions {
  /** How many errors and how many warnings are listed (all are counted); 100 by default. */
  readonly findingCap?: number;
  /** False to only validate, without building rows (faster). */
  readonly rows?: boolean;
}

/** What one pass over a DSR file found: identity, counts, digest and the located findings. */
export interface DsrFileResult {
  readonly file: string;
  readonly fileName?: DsrFileName;
  readonly header?: DsrHeaderRow;
  /** The profile version the HEAD declares, as Clef knows it (`UGCProfile` `1.1.1` for a declared `1.1`). */
  readonly profile?: { readonly profile: string; readonly version: string };
  readonly digest: string;
  readonly bytes: number;
  /** Every line, comments and empty lines included, as FOOT counts them. */
  readonly lines: number;
  readonly summaryRecords: number;
  readonly blocks: number;
  readonly foot?: DsrFoot;
  /** True when the file has no error (warnings allowed): its rows may be staged. */
  readonly accepted: boolean;
  readonly errors: readonly Finding[];
  readonly warnings: readonly Finding[];
  readonly errorCount: number;
  readonly warningCount: number;
}

interface Compiled {
  readonly definition: DsrRecordDefinition;
  readonly declared: boolean;
  readonly check: DsrCellCheck | undefined;
  readonly build: DsrRowBuilder;
}

// Tab separates cells and CR may end a line; other control characters (ANSI escapes, BEL, NUL) are refused.
const controlCharacter = /[\x00-\x08\x0a-\x0c\x0e-\x1f\x7f]/;

/**
 * Reads, validates and types a DSR flat file in one streaming pass and constant memory. Yields the rows
 * of each batch of lines as they are read and returns the result at the end: when it has errors the
 * report is refused and nothing of it may be kept, so stage the rows in a transaction and roll back then.
 */
export async function* parseDsrFile(source: DsrSource, options: DsrParseOptions = {}): AsyncGenerator<DsrRow[], DsrFileResult> {
  const file = source.name.slice(Math.max(source.name.lastIndexOf('/'), source.name.lastIndexOf('\\')) + 1);
  const findings = new DsrFindingList(options.findingCap ?? 100);
  const named = parseDsrFileName(file);
  for (const f of named.findings) findings.add(f);
  const buildRows = options.rows !== false;
  const structure = new DsrStructureTracker();
  const compiled = new Map<string, Compiled | null>();
  const versionWarned = new Set<string>();
  let profile: DsrProfileDefinition | undefined;
  let header: DsrHeaderRow | undefined;
  let footCells: { line: number; definition: DsrRecordDefinition; cells: string[] } | undefined;
  let line = 0;
  let recordType = '';
  let definitionNow: DsrRecordDefinition | undefined;

  const add = (code: ErrorCode, warning: boolean, message: string, column?: number, value?: string): void => {
    const field = column === undefined ? undefined : (definitionNow?.cells[column]?.name ?? (column === 0 ? 'RecordType' : `cell ${column + 1}`));
    findings.add({ code, severity: warning ? 'warning' : 'error', message, location: { file, line, column: column === undefined ? undefined : column + 1, recordType, field, value } });
  };
  const cellProblem = (code: ErrorCode, warning: boolean, cell: number, value: string, message: string): void => add(code, warning, message, cell, value);
  const structureProblem = (code: ErrorCode, message: string): void => add(code, false, message);
  const summaries = new DsrSummaryTotals();
  const summaryProblem: DsrSummaryProblem = (code, message, cell, value, place) => {
    if (!place) return add(code, false, message, cell, value);
    findings.add({ code, severity: 'error', message, location: { file, line: place.line, column: cell + 1, recordType: place.recordType, field: place.field, value } });
  };
  const context: DsrRowContext = {
    resourceOf: (_blockId, reference) => structure.resourceOf(reference),
    get salesTransactionId() {
      return structure.salesTransactionId;
    },
  };

  const compile = (type: string): Compiled | null => {
    const resolved = resolveDsrRecordType(profile, type);
    const entry = resolved
      ? { definition: resolved.definition, declared: resolved.declared, check: profile ? compileDsrCellChecks(resolved.definition) : undefined, build: compileDsrRowBuilder(resolved.definition) }
      : null;
    compiled.set(type, entry);
    return entry;
  };

  const readHead = (cells: readonly string[]): void => {
    const declared = { profile: dsrCellText(cells[2] ?? ''), version: dsrCellText(cells[3] ?? '') };
    profile = findDsrProfile(declared.profile, declared.version);
    compiled.clear();
    if (!profile) add('CLEF_DSR_HEAD_INVALID', false, `HEAD declares profile ${JSON.stringify(declared.profile)} version ${JSON.stringify(declared.version)}, which is not a known DSR profile version (Basic Audio 1.0–1.2, UGC 1.0–1.2): cells are not checked`, 2, declared.profile);
  };

  const lines = readDsrLines(source.chunks, file);
  let next = await lines.next();
  while (!next.done) {
    const batch = next.value;
    const rows: DsrRow[] = [];
    const invalid = new Set(batch.invalidUtf8Lines);
    for (let i = 0; i < batch.lines.length; i++) {
      const text = batch.lines[i];
      line = batch.firstLine + i;
      recordType = '';
      definitionNow = undefined;
      if (invalid.size > 0 && invalid.has(line)) add('CLEF_DSR_ENCODING_INVALID', false, 'the line is not valid UTF-8');
      const control = text.search(controlCharacter);
      if (control !== -1) add('CLEF_INPUT_CONTROL_CHARACTER', false, `the line holds the control character U+${text.charCodeAt(control).toString(16).padStart(4, '0').toUpperCase()}, at character ${control + 1}, which no cell may hold`);
      if (text === '') {
        add('CLEF_DSR_EMPTY_LINE', true, 'empty line');
        continue;
      }
      if (text.charCodeAt(0) === 35) continue;
      const cells = splitDsrCells(text);
      recordType = cells[0];
      const base = recordType.slice(0, 4);
      if (recordType === 'HEAD' && !structure.sawHead) readHead(cells);
      const entry = compiled.has(recordType) ? compiled.get(recordType)! : compile(recordType);
      definitionNow = entry?.definition;
      structure.record(entry ? base : recordType, entry && base !== 'HEAD' && base !== 'FOOT' && !base.startsWith('SY') ? dsrCellText(cells[1] ?? '') : undefined, structureProblem);
      if (!entry) {
        add('CLEF_DSR_RECORD_TYPE_UNKNOWN', false, profile ? `${profile.profile} ${profile.version} defines no record type ${recordType}` : `no DSR profile defines a record type ${recordType}`, 0, recordType);
        continue;
      }
      if (!entry.declared && !versionWarned.has(recordType)) {
        versionWarned.add(recordType);
        add('CLEF_DSR_RECORD_VERSION_MISMATCH', true, `${recordType} is not a record type of ${profile?.profile} ${profile?.version} as the HEAD declares; read with its own definition (reported once per record type)`, 0, recordType);
      }
      entry.check?.(cells, cellProblem);
      if (base === 'FOOT') {
        structure.foot(line, structureProblem);
        footCells ??= { line, definition: entry.definition, cells };
        continue;
      }
      if (profile && base.startsWith('SY')) summaries.summary(entry.definition, cells, line);
      if (profile && base.startsWith('SU')) summaries.usage(entry.definition, cells, summaryProblem);
      if (base === 'AS01' || base === 'AS02') {
        const reference = dsrCellText(cells[2] ?? '');
        structure.addResource(reference, dsrCellText(cells[3] ?? ''));
      }
      if (buildRows || base === 'HEAD') {
        const row = entry.build(cells, line, context);
        if (row?.kind === 'header' && !header) {
          header = row;
          if (named.fileName) for (const f of checkDsrHeaderAgainstName(row, named.fileName, file)) findings.add(f);
        }
        if (row?.kind === 'usage') structure.salesTransactionId = row.salesTransactionId;
        if (row && buildRows) rows.push(row);
      }
    }
    if (rows.length > 0) yield rows;
    next = await lines.next();
  }
  const totals = next.value;
  line = totals.lines;
  recordType = '';
  if (!structure.sawHead && totals.lines > 0 && !findings.errors.some((f) => f.code === 'CLEF_DSR_HEAD_INVALID')) add('CLEF_DSR_HEAD_INVALID', false, 'the file has no HEAD record');
  if (totals.lines === 0) add('CLEF_DSR_HEAD_INVALID', false, 'the file is empty');
  summaries.finish(summaryProblem);
  let foot: DsrFoot | undefined;
  if (!footCells) add('CLEF_DSR_FOOT_MISSING', false, 'the file has no FOOT record');
  else {
    line = footCells.line;
    recordType = 'FOOT';
    definitionNow = footCells.definition;
    const singleFile = header?.numberOfFiles === 1;
    foot = checkDsrFoot(footCells.definition, footCells.cells, { lines: totals.lines, summaryRecords: structure.summaryRecords, blocks: structure.blocks, singleFile }, cellProblem);
  }
  return {
    file,
    fileName: named.fileName,
    header,
    profile: profile ? { profile: profile.profile, version: profile.version } : undefined,
    digest: totals.digest,
    bytes: totals.bytes,
    lines: totals.lines,
    summaryRecords: structure.summaryRecords,
    blocks: structure.blocks,
    foot,
    accepted: findings.errorCount === 0,
    errors: findings.errors,
    warnings: findings.warnings,
    errorCount: findings.errorCount,
    warningCount: findings.warningCount,
  };
}

/** Reads a whole DSR file only to validate it (no rows built) and returns what it found. */
export async function validateDsrFile(source: DsrSource, options: Omit<DsrParseOptions, 'rows'> = {}): Promise<DsrFileResult> {
  const parse = parseDsrFile(source, { ...options, rows: false });
  for (;;) {
    const next = await parse.next();
    if (next.done) return next.value;
  }
}
