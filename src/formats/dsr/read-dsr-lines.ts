import { Buffer, isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { ClefError } from '../../errors/index.js';

/** Consecutive lines of a DSR file, decoded, without their line terminators. */
export interface DsrLineBatch {
  /** The 1-based number of `lines[0]` in the file. */
  readonly firstLine: number;
  readonly lines: readonly string[];
  /** Numbers of lines in this batch that were not valid UTF-8 (decoded with U+FFFD). */
  readonly invalidUtf8Lines: readonly number[];
}

/** What reading the whole file found besides its lines. */
export interface DsrLineTotals {
  /** sha256 (hex) of the uncompressed bytes, so a report delivered twice is recognized. */
  readonly digest: string;
  readonly bytes: number;
  readonly lines: number;
}

const newline = 10;

/** No DSR record comes near this; a longer line (a binary file, a decompression bomb) is refused, not buffered. */
export const maxDsrLineBytes = 1 << 20;

function lineTooLong(file: string | undefined, line: number): ClefError {
  return new ClefError('CLEF_INPUT_LINE_TOO_LONG', `the line is longer than ${maxDsrLineBytes} bytes: this is not a DSR file, the report is refused`, { file, line });
}

function decodeLines(bytes: Buffer, firstLine: number): DsrLineBatch {
  if (isUtf8(bytes)) {
    const text = bytes.toString('utf8');
    const lines = text.split('\n');
    if (text.indexOf('\r') !== -1) for (let i = 0; i < lines.length; i++) if (lines[i].endsWith('\r')) lines[i] = lines[i].slice(0, -1);
    return { firstLine, lines, invalidUtf8Lines: [] };
  }
  const lines: string[] = [];
  const invalidUtf8Lines: number[] = [];
  let start = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(newline, start);
    if (end === -1) end = bytes.length;
    const line = bytes.subarray(start, end);
    if (!isUtf8(line)) invalidUtf8Lines.push(firstLine + lines.length);
    const text = line.toString('utf8');
    lines.push(text.endsWith('\r') ? text.slice(0, -1) : text);
    start = end + 1;
  }
  return { firstLine, lines, invalidUtf8Lines };
}

/**
 * Reads the lines of a DSR file from its (already decompressed) bytes in constant memory: batches of
 * whole lines, a leading BOM dropped, invalid UTF-8 located by line, and the file's digest on the way.
 * A line over 1 MiB ends the read with CLEF_INPUT_LINE_TOO_LONG (located with `file`).
 * Returns the totals when the input ends.
 */
export async function* readDsrLines(chunks: AsyncIterable<Uint8Array>, file?: string): AsyncGenerator<DsrLineBatch, DsrLineTotals> {
  const hash = createHash('sha256');
  let bytes = 0;
  let nextLine = 1;
  let carry: Buffer | undefined;
  let first = true;
  for await (const chunk of chunks) {
    hash.update(chunk);
    bytes += chunk.length;
    let buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (carry) buffer = Buffer.concat([carry, buffer]);
    if (first && buffer.length >= 3) {
      if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) buffer = buffer.subarray(3);
      first = false;
    }
    const last = buffer.lastIndexOf(newline);
    if (last === -1) {
      if (buffer.length > maxDsrLineBytes) throw lineTooLong(file, nextLine);
      carry = buffer;
      continue;
    }
    if (carry && buffer.indexOf(newline) > maxDsrLineBytes) throw lineTooLong(file, nextLine);
    carry = last + 1 < buffer.length ? Buffer.from(buffer.subarray(last + 1)) : undefined;
    const batch = decodeLines(buffer.subarray(0, last), nextLine);
    const long = batch.lines.findIndex((text) => text.length > maxDsrLineBytes);
    if (long !== -1) throw lineTooLong(file, nextLine + long);
    nextLine += batch.lines.length;
    yield batch;
    if (carry && carry.length > maxDsrLineBytes) throw lineTooLong(file, nextLine);
  }
  if (carry && carry.length > 0) {
    if (first && carry[0] === 0xef && carry[1] === 0xbb && carry[2] === 0xbf) carry = carry.subarray(3);
    const batch = decodeLines(carry, nextLine);
    nextLine += batch.lines.length;
    yield batch;
  }
  return { digest: hash.digest('hex'), bytes, lines: nextLine - 1 };
}
