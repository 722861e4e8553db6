import type { ErrorCode } from '../../errors/error-codes.js';
import type { DsrRecordDefinition } from './dsr-record-definition.js';
import { dsrCellText } from './dsr-cells.js';

/** Where a problem found after its line was read is: the summary record's line, record type and field. */
export interface DsrSummaryPlace {
  readonly line: number;
  readonly recordType: string;
  readonly field: string;
}

/** Reports a problem on the line being read, or at `place` for one found at the end of the file. */
export type DsrSummaryProblem = (code: ErrorCode, message: string, cell: number, value: string, place?: DsrSummaryPlace) => void;

interface Declared {
  readonly place: DsrSummaryPlace;
  readonly usagesCell: number;
  /** The largest Usages of the summary's records (UGC repeats a SummaryRecordId per rights controller and type). */
  usages: bigint | null;
  listed: bigint;
}

const integer = /^[+-]?\d+$/;

function cellIndex(definition: DsrRecordDefinition, ...names: string[]): number {
  for (const name of names) {
    const i = definition.cells.findIndex((c) => c.name === name);
    if (i !== -1) return i;
  }
  return -1;
}

function countOf(cells: readonly string[], i: number): bigint {
  if (i === -1 || i >= cells.length) return 0n;
  const text = dsrCellText(cells[i]);
  return integer.test(text) ? BigInt(text) : 0n;
}

/**
 * Checks a DSR file's usage lines against its own summary records before any money is computed from them: every
 * usage line names a declared SummaryRecordId, and the lines under a summary list no more usages (net of returns)
 * than its Usages — otherwise the lines would be paid out of usage the DSP did not report. Summaries come before
 * the blocks (a record-order rule), so a line's summary is known when the line is read.
 */
export class DsrSummaryTotals {
  readonly #declared = new Map<string, Declared>();
  readonly #cells = new Map<DsrRecordDefinition, { id: number; usages: number; returns: number }>();

  #indexes(definition: DsrRecordDefinition) {
    let found = this.#cells.get(definition);
    if (!found) {
      found = { id: cellIndex(definition, 'SummaryRecordId'), usages: cellIndex(definition, 'Usages', 'NumberOfStreams', 'TotalUsages', 'Downloads'), returns: cellIndex(definition, 'Returns') };
      this.#cells.set(definition, found);
    }
    return found;
  }

  /** A summary record (SY…) was read. */
  summary(definition: DsrRecordDefinition, cells: readonly string[], line: number): void {
    const at = this.#indexes(definition);
    const id = at.id === -1 ? '' : dsrCellText(cells[at.id] ?? '');
    const usages = at.usages === -1 || (cells[at.usages] ?? '') === '' ? null : countOf(cells, at.usages);
    const known = this.#declared.get(id);
    const place = { line, recordType: definition.recordType, field: definition.cells[at.usages]?.name ?? 'Usages' };
    if (!known) this.#declared.set(id, { place, usagesCell: at.usages, usages, listed: 0n });
    else if (usages !== null && (known.usages === null || usages > known.usages)) known.usages = usages;
  }

  /** A usage line (SU…) was read. */
  usage(definition: DsrRecordDefinition, cells: readonly string[], problem: DsrSummaryProblem): void {
    const at = this.#indexes(definition);
    if (at.id === -1) return;
    const id = dsrCellText(cells[at.id] ?? '');
    const summary = this.#declared.get(id);
    if (!summary) {
      const known = [...this.#declared.keys()].join(', ') || 'none';
      problem('CLEF_DSR_SUMMARY_UNDECLARED', `SummaryRecordId ${JSON.stringify(id)} is not declared by a summary record of this file (declared: ${known})`, at.id, id);
      return;
    }
    summary.listed += countOf(cells, at.usages) - countOf(cells, at.returns);
  }

  /** At the end of the file: each summary whose lines list more usages than it reports. */
  finish(problem: DsrSummaryProblem): void {
    for (const [id, summary] of this.#declared) {
      if (summary.usages === null || summary.listed <= summary.usages) continue;
      problem(
        'CLEF_DSR_SUMMARY_USAGES_EXCEEDED',
        `the usage lines of summary ${JSON.stringify(id)} list ${summary.listed} usages (net of returns), more than its Usages ${summary.usages}`,
        summary.usagesCell, String(summary.usages), summary.place,
      );
    }
  }
}
