import type { ErrorCode } from '../../errors/error-codes.js';
import { detachedText } from './dsr-cells.js';

/** Receives a structural problem of the current line. */
export type DsrStructureProblem = (code: ErrorCode, message: string) => void;

/** Where a record may stand inside a block, by the first four characters of its type. */
const blockRank: Readonly<Record<string, number>> = { RE01: 0, AS01: 1, AS02: 1, MW01: 1, RE02: 2, RU01: 3, RU02: 3, SU01: 4, SU02: 4, SU03: 4, LI01: 4 };

/**
 * Follows the record order of one DSR file in constant memory (block ids are remembered only when they
 * stop counting up by one): HEAD first, summaries before blocks, each block together and in its order (releases,
 * resources and works, sub-releases, UGC releases, usage and licensor lines), FOOT last; and counts
 * summary records and blocks for FOOT.
 */
export class DsrStructureTracker {
  summaryRecords = 0;
  blocks = 0;
  sawHead = false;
  footLine: number | undefined;
  private sawRecord = false;
  private sawBlock = false;
  private blockId: string | undefined;
  private rank = 0;
  private previous = '';
  private hasResource = false;
  private hasUsage = false;
  private runStart = NaN;
  private runEnd = NaN;
  private seenBlocks: Set<string> | undefined;
  private resources = new Map<string, string>();
  private firstResource: string | null = null;
  /** The SalesTransactionId of the last usage line of the current block. */
  salesTransactionId: string | null = null;

  /** Follows one record; `blockId` is the line's BlockId for block records. */
  record(base: string, blockId: string | undefined, problem: DsrStructureProblem): void {
    const first = !this.sawRecord;
    this.sawRecord = true;
    if (this.footLine !== undefined) problem('CLEF_DSR_RECORD_ORDER', `${base} after FOOT (line ${this.footLine}): FOOT must be the last record`);
    if (base === 'HEAD') {
      if (!first) problem('CLEF_DSR_RECORD_ORDER', 'HEAD must be the first record of the file');
      this.sawHead = true;
      return;
    }
    if (first) problem('CLEF_DSR_HEAD_INVALID', `the file starts with ${base}, not with a HEAD record`);
    if (base === 'FOOT') return;
    if (base.startsWith('SY')) {
      this.summaryRecords++;
      if (this.sawBlock) problem('CLEF_DSR_RECORD_ORDER', `summary record ${base} after the first block: summaries come before blocks`);
      return;
    }
    if (!(base in blockRank)) return;
    this.sawBlock = true;
    if (blockId !== this.blockId) this.startBlock(blockId ?? '', problem);
    this.checkPlace(base, problem);
    this.previous = base;
  }

  /** Marks the FOOT record's line. */
  foot(line: number, problem: DsrStructureProblem): void {
    if (this.footLine !== undefined) problem('CLEF_DSR_RECORD_ORDER', `a second FOOT (the first is on line ${this.footLine})`);
    this.footLine ??= line;
  }

  /** Remembers a resource of the current block, for the usage lines that follow. */
  addResource(resourceReference: string, dspResourceId: string): void {
    // '' marks a block with several resources: a usage line there must say which one it counts.
    this.firstResource = this.firstResource === null || this.firstResource === dspResourceId ? dspResourceId : '';
    this.resources.set(resourceReference, dspResourceId);
    this.resources.set(dspResourceId, dspResourceId);
  }

  /** The DSP resource id a usage line of the current block refers to, or null. */
  resourceOf(reference: string | null): string | null {
    if (reference !== null) return this.resources.get(reference) ?? null;
    return this.firstResource === '' ? null : this.firstResource;
  }

  private startBlock(blockId: string, problem: DsrStructureProblem): void {
    this.blocks++;
    const numeric = /^(0|[1-9]\d{0,14})$/.test(blockId) ? Number(blockId) : NaN;
    if (this.seenBlocks === undefined && this.blocks === 1 && !Number.isNaN(numeric)) {
      this.runStart = this.runEnd = numeric;
    } else if (this.seenBlocks === undefined && numeric === this.runEnd + 1) {
      this.runEnd = numeric;
    } else {
      // Block ids stopped counting up by one: from here on each id is remembered to find split blocks.
      this.seenBlocks ??= new Set();
      if ((numeric >= this.runStart && numeric <= this.runEnd) || this.seenBlocks.has(blockId)) {
        problem('CLEF_DSR_RECORD_ORDER', `block ${blockId} continues after other blocks: a block's records must be together`);
      }
      this.seenBlocks.add(detachedText(blockId));
    }
    this.blockId = blockId;
    this.rank = 0;
    this.previous = '';
    this.hasResource = false;
    this.hasUsage = false;
    this.resources.clear();
    this.firstResource = null;
    this.salesTransactionId = null;
  }

  private checkPlace(base: string, problem: DsrStructureProblem): void {
    const rank = blockRank[base];
    const lateWork = base === 'MW01' && this.hasUsage && (this.previous === 'LI01' || this.previous === 'MW01');
    if (rank < this.rank && !lateWork) problem('CLEF_DSR_RECORD_ORDER', `${base} after ${this.previous} in block ${this.blockId}`);
    else this.rank = Math.max(this.rank, rank);
    if (base === 'AS01' || base === 'AS02') this.hasResource = true;
    if (base === 'MW01' && !lateWork && this.previous !== 'AS01' && this.previous !== 'MW01') {
      problem('CLEF_DSR_RECORD_ORDER', `MW01 must follow an AS01 record in block ${this.blockId}`);
    }
    if (rank === 4 && !this.hasResource) problem('CLEF_DSR_RECORD_ORDER', `${base} in block ${this.blockId} before any resource record (AS01/AS02)`);
    if (base === 'LI01' && !this.hasUsage) problem('CLEF_DSR_RECORD_ORDER', `LI01 in block ${this.blockId} before any usage record`);
    if (base.startsWith('SU')) this.hasUsage = true;
  }
}
