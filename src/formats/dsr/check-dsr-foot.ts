import type { DsrCellProblem } from './check-dsr-cells.js';
import { dsrCellText } from './dsr-cells.js';
import type { DsrRecordDefinition } from './dsr-record-definition.js';

/** The counts a FOOT record declares (null where the cell is empty or not an integer). */
export interface DsrFoot {
  readonly numberOfLinesInFile: number | null;
  readonly numberOfLinesInReport: number | null;
  readonly numberOfSummaryRecords: number | null;
  readonly numberOfBlocksInFile: number | null;
  readonly numberOfBlocksInReport: number | null;
}

/** What the file really holds, to compare with its FOOT. */
export interface DsrFileCounts {
  /** Every line, comments included. */
  readonly lines: number;
  readonly summaryRecords: number;
  readonly blocks: number;
  /** True for a 1of1 report, whose report counts are its file counts. */
  readonly singleFile: boolean;
}

/**
 * Reads a FOOT record's counts and reports each one that disagrees with the file (report-wide counts of
 * a multi-file report are checked when its files are assembled).
 */
export function checkDsrFoot(definition: DsrRecordDefinition, cells: readonly string[], actual: DsrFileCounts, problem: DsrCellProblem): DsrFoot {
  const read = (...names: string[]): { index: number; value: number | null } => {
    const index = definition.cells.findIndex((c) => names.includes(c.name));
    const text = index === -1 || index >= cells.length ? '' : dsrCellText(cells[index]);
    return { index, value: /^\+?\d+$/.test(text) ? Number(text) : null };
  };
  const linesInFile = read('NumberOfLinesInFile');
  const linesInReport = read('NumberOfLinesInReport');
  const summaries = read('NumberOfSummaryRecords');
  const blocksInFile = read('NumberOfBlocksInFile');
  const blocksInReport = read('NumberOfBlocksInReport', 'NumberOfBlocksInRecord');
  const compare = (declared: { index: number; value: number | null }, real: number, what: string): void => {
    if (declared.value !== null && declared.value !== real) {
      problem('CLEF_DSR_FOOT_COUNT_MISMATCH', false, declared.index, String(declared.value), `FOOT counts ${declared.value} ${what}, the file has ${real}`);
    }
  };
  compare(linesInFile, actual.lines, 'lines (comments included)');
  compare(summaries, actual.summaryRecords, 'summary records');
  compare(blocksInFile, actual.blocks, 'blocks');
  if (actual.singleFile) {
    compare(linesInReport, actual.lines, 'lines in the report (a single-file report)');
    compare(blocksInReport, actual.blocks, 'blocks in the report (a single-file report)');
  }
  return {
    numberOfLinesInFile: linesInFile.value,
    numberOfLinesInReport: linesInReport.value,
    numberOfSummaryRecords: summaries.value,
    numberOfBlocksInFile: blocksInFile.value,
    numberOfBlocksInReport: blocksInReport.value,
  };
}
