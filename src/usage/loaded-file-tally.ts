/** A record type's lines in a file: the first and last, and how many. */
export interface RecordTypeSpan {
  readonly recordType: string;
  readonly firstLine: number;
  readonly lastLine: number;
  readonly count: number;
}

/** What the loader's SQL found of a chunk's BlockIds (a block: consecutive block records with one BlockId). */
export interface ChunkBlockIds {
  readonly blocks: number;
  /** Distinct BlockIds. */
  readonly ids: number;
  /** Blocks whose BlockId is a plain number (no sign, no leading zero, at most 15 digits). */
  readonly numeric: number;
  readonly low: number | null;
  readonly high: number | null;
}

const base = (recordType: string): string => recordType.slice(0, 4);
const blockBases = new Set(['RE01', 'AS01', 'AS02', 'MW01', 'RE02', 'RU01', 'RU02', 'SU01', 'SU02', 'SU03', 'LI01']);

/**
 * What the engine's loader carries from one chunk of a file to the next, so that no statement sees more than a
 * chunk: the record types seen (for the profile's definitions and HEAD, FOOT and summary placement), the summary
 * totals by SummaryRecordId, the blocks and whether their BlockIds are still one run of numbers counting up by one
 * (then no BlockId can come back; once they are not, the store keeps them), the empty lines.
 */
export class LoadedFileTally {
  lines = 0;
  blocks = 0;
  emptyLines = 0;
  readonly emptyLineNumbers: number[] = [];
  readonly #types = new Map<string, RecordTypeSpan>();
  readonly #declared = new Map<string, bigint | null>();
  readonly #listed = new Map<string, bigint>();
  // The numbers the BlockIds covered while they counted up by one; `stored` once they stopped (the store holds the rest).
  #run: { from: number; to: number } | undefined;
  #stored = false;

  constructor(readonly cap: number) {}

  /** Adds a chunk's record types and returns those not seen before (their first line is in this chunk). */
  addTypes(spans: readonly RecordTypeSpan[]): RecordTypeSpan[] {
    const added: RecordTypeSpan[] = [];
    for (const span of spans) {
      const seen = this.#types.get(span.recordType);
      if (!seen) added.push(span);
      this.#types.set(span.recordType, seen ? { ...seen, lastLine: Math.max(seen.lastLine, span.lastLine), count: seen.count + span.count } : span);
    }
    return added;
  }

  /** Counts a chunk's empty lines, keeping the first numbers up to the cap. */
  addEmptyLines(count: number, numbers: readonly number[]): void {
    this.emptyLines += count;
    this.emptyLineNumbers.push(...numbers.slice(0, this.cap - this.emptyLineNumbers.length));
  }

  /** Every record type seen so far. */
  types(): RecordTypeSpan[] {
    return [...this.#types.values()];
  }

  /** The record types seen so far whose base passes `test`. */
  typesOf(test: (base: string) => boolean): RecordTypeSpan[] {
    return this.types().filter((t) => test(base(t.recordType)));
  }

  /** True when a summary record stands after the first block record seen so far (summaries come before blocks). */
  summaryAfterBlock(): boolean {
    const summaries = this.typesOf((b) => b.startsWith('SY'));
    const blocks = this.typesOf((b) => blockBases.has(b));
    return summaries.length > 0 && blocks.length > 0 && Math.max(...summaries.map((t) => t.lastLine)) > Math.min(...blocks.map((t) => t.firstLine));
  }

  /** True when the file has one HEAD, one FOOT, and the FOOT is its last record. */
  headAndFootInPlace(): boolean {
    const count = (b: string) => this.typesOf((x) => x === b).reduce((n, t) => n + t.count, 0);
    const feet = this.typesOf((b) => b === 'FOOT');
    return count('HEAD') === 1 && count('FOOT') === 1 && feet[0].lastLine === Math.max(...this.types().map((t) => t.lastLine));
  }

  /** How many summary records the file has. */
  summaryRecords(): number {
    return this.typesOf((b) => b.startsWith('SY')).reduce((n, t) => n + t.count, 0);
  }

  /** Adds the Usages a chunk's summary records declare per SummaryRecordId (the greatest, when an id comes twice). */
  declare(rows: readonly { id: string; usages: bigint | null }[]): void {
    for (const { id, usages } of rows) {
      const known = this.#declared.get(id);
      this.#declared.set(id, known === undefined || known === null ? usages : usages === null || usages < known ? known : usages);
    }
  }

  /**
   * Adds the usages (net of returns) a chunk's usage lines list per SummaryRecordId; false when one names an id no
   * summary record declared. Summaries come before blocks (else the file is refused anyway), so every id is
   * declared by the time a usage line names it.
   */
  list(rows: readonly { id: string; net: bigint }[]): boolean {
    for (const { id, net } of rows) {
      if (!this.#declared.has(id)) return false;
      this.#listed.set(id, (this.#listed.get(id) ?? 0n) + net);
    }
    return true;
  }

  /** True when some summary's usage lines list more usages than it declares. */
  exceeded(): boolean {
    for (const [id, net] of this.#listed) {
      const usages = this.#declared.get(id);
      if (usages !== undefined && usages !== null && net > usages) return true;
    }
    return false;
  }

  /** The numbers the BlockIds have covered while they counted up by one (none yet: an empty range). */
  blockRun(): { from: number; to: number } {
    return this.#run ?? { from: 1, to: 0 };
  }

  /**
   * Adds a chunk's blocks. True while every BlockId so far is a number one above the last (a chunk's ids may come in
   * any order, as long as together they fill the numbers after the previous chunk's): no block can then be split
   * across chunks. False once they are not: the caller checks this chunk's ids and every later chunk's against
   * `blockRun()` and the ids the store keeps.
   */
  addBlocks(facts: ChunkBlockIds): boolean {
    this.blocks += facts.blocks;
    if (this.#stored) return false;
    if (facts.blocks === 0) return true;
    const { low, high } = facts;
    const fits = low !== null && high !== null && facts.numeric === facts.blocks && facts.ids === facts.blocks && high - low + 1 === facts.blocks && (this.#run === undefined || low === this.#run.to + 1);
    if (!fits) {
      this.#stored = true;
      return false;
    }
    this.#run = { from: this.#run?.from ?? low, to: high };
    return true;
  }
}
