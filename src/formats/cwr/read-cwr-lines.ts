/** One line of a CWR file: its 1-based number and its text decoded as latin-1, so character offsets are byte offsets. */
export interface CwrLine {
  readonly lineNumber: number;
  readonly text: string;
  /** Set when the line was longer than any CWR record: `text` then holds only its start, the rest was skipped unread. */
  readonly tooLong?: true;
}

const decoder = new TextDecoder('latin1');

/** No CWR record is this long; a longer line (a binary file) is cut so memory stays bounded. */
export const maxCwrLineLength = 1 << 16;

// What is kept of a line that is too long: enough for its record type and the first fields, never the whole line.
const keptOfLongLine = 256;

/**
 * Splits a byte stream into CWR lines on LF or CRLF, decoding latin-1, in constant memory
 * (only the unfinished last line of a chunk is held over). A final line without a newline is yielded too.
 */
export async function* readCwrLines(source: AsyncIterable<Uint8Array>): AsyncGenerator<CwrLine> {
  for await (const batch of readCwrLineBatches(source)) yield* batch;
}

/**
 * Like readCwrLines but yields the lines of each chunk together, which saves an await per line on large files.
 * A line over 64 KiB is yielded once, cut and marked `tooLong`, and the rest of it is skipped up to its newline,
 * so the lines after it keep their numbers.
 */
export async function* readCwrLineBatches(source: AsyncIterable<Uint8Array>): AsyncGenerator<CwrLine[]> {
  let carry = '';
  let lineNumber = 0;
  let skipping = false;
  for await (const chunk of source) {
    let text = carry + decoder.decode(chunk);
    if (skipping) {
      const end = text.indexOf('\n');
      if (end === -1) continue;
      text = text.slice(end + 1);
      skipping = false;
    }
    const lines: CwrLine[] = [];
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      lines.push(stop - start > maxCwrLineLength ? cut(++lineNumber, text.slice(start, start + keptOfLongLine)) : { lineNumber: ++lineNumber, text: text.slice(start, stop) });
      start = end + 1;
    }
    carry = text.slice(start);
    if (carry.length > maxCwrLineLength) {
      lines.push(cut(++lineNumber, carry.slice(0, keptOfLongLine)));
      carry = '';
      skipping = true;
    }
    if (lines.length > 0) yield lines;
  }
  if (carry.length > 0) {
    const text = carry.charCodeAt(carry.length - 1) === 13 ? carry.slice(0, -1) : carry;
    yield [{ lineNumber: lineNumber + 1, text }];
  }
}

function cut(lineNumber: number, text: string): CwrLine {
  return { lineNumber, text, tooLong: true };
}
