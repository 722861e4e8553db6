import { Buffer } from 'node:buffer';

/** A run of whole lines of a DSR file, its bytes as read (line ends included), numbered as in the file. */
export interface DsrLineChunk {
  /** The file's number of the chunk's first line (from 1). */
  readonly firstLine: number;
  /** How many lines the chunk holds. */
  readonly lines: number;
  readonly bytes: readonly Buffer[];
}

/** Where `dsrBlockChunks` cuts. */
export interface DsrChunking {
  /** A chunk ends at the first block boundary once it holds this many lines. */
  readonly lines: number;
  /** A chunk also starts at this line, block boundary or not (where a resumed staging goes on writing). */
  readonly cutAt?: number;
  /** A line longer than this is not a DSR line: the cutting stops there instead of holding it. */
  readonly maxLineBytes: number;
}

/** A line longer than `DsrChunking.maxLineBytes` was met. */
export class DsrLineTooLong extends Error {}

// The first four bytes of the record types that make up blocks (as the tracker's `blockRank`), as one number each.
const blockBases = new Set(['RE01', 'AS01', 'AS02', 'MW01', 'RE02', 'RU01', 'RU02', 'SU01', 'SU02', 'SU03', 'LI01'].map((base) => Buffer.from(base).readUInt32BE(0)));

/**
 * Cuts the bytes of a DSR file into chunks of about `lines` lines, each ending where a block ends: a chunk is cut
 * only before a record line (not empty, not a comment) that does not continue the block of the record before it
 * (the same BlockId), so every block, as the loader's SQL finds blocks (consecutive block records with one BlockId),
 * lies in one chunk. A file whose records break that rule (a non-block record inside a block) is refused whichever
 * way it is cut. Holds one chunk and reads each line's record type and BlockId only, in place.
 */
export async function* dsrBlockChunks(bytes: AsyncIterable<Uint8Array>, chunking: DsrChunking): AsyncGenerator<DsrLineChunk> {
  let parts: Buffer[] = [];
  let firstLine = 1;
  let lines = 0;
  // The BlockId of the last block record, where it lies (the buffers stay referenced by `parts` or `carry`).
  let last: { data: Buffer; start: number; end: number } | undefined;
  let carry: Buffer | undefined;

  // Reads the line [start, end) and tells whether a chunk may end before it; remembers its BlockId when a block record.
  const boundaryBefore = (data: Buffer, start: number, end: number): boolean => {
    if (end === start || data[start] === 35) return false;
    if (end - start < 4 || !blockBases.has(data.readUInt32BE(start))) return true;
    const tab = data.indexOf(9, start);
    const idStart = tab === -1 || tab >= end ? end : tab + 1;
    const next = idStart === end ? -1 : data.indexOf(9, idStart);
    const idEnd = next === -1 || next >= end ? end : next;
    const continues = last !== undefined && data.compare(last.data, last.start, last.end, idStart, idEnd) === 0;
    last = { data, start: idStart, end: idEnd };
    return !continues;
  };

  const take = (): DsrLineChunk => {
    const chunk = { firstLine, lines, bytes: parts };
    firstLine += lines;
    lines = 0;
    parts = [];
    return chunk;
  };

  const wantsCut = (): boolean => lines > 0 && (lines >= chunking.lines || firstLine + lines === chunking.cutAt);

  for await (const piece of bytes) {
    let data = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    if (carry) {
      data = Buffer.concat([carry, data]);
      carry = undefined;
    }
    let start = 0;
    let pos = 0;
    for (let end = data.indexOf(10); end !== -1; end = data.indexOf(10, pos)) {
      if (end - pos > chunking.maxLineBytes) throw new DsrLineTooLong(`a line longer than ${chunking.maxLineBytes} bytes (line ${firstLine + lines})`);
      const forced = firstLine + lines === chunking.cutAt;
      if (boundaryBefore(data, pos, end) || forced) {
        if (wantsCut()) {
          if (pos > start) parts.push(data.subarray(start, pos));
          start = pos;
          yield take();
        }
      }
      lines++;
      pos = end + 1;
    }
    if (pos > start) parts.push(data.subarray(start, pos));
    if (pos < data.length) {
      // Copied: a short remainder must not keep its whole read buffer alive with it.
      carry = Buffer.from(data.subarray(pos));
      if (carry.length > chunking.maxLineBytes) throw new DsrLineTooLong(`a line longer than ${chunking.maxLineBytes} bytes (line ${firstLine + lines})`);
    }
  }
  if (carry) {
    const forced = firstLine + lines === chunking.cutAt;
    if ((boundaryBefore(carry, 0, carry.length) || forced) && wantsCut()) yield take();
    parts.push(carry);
    lines++;
  }
  if (lines > 0) yield take();
}
