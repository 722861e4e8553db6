/** One line of a CWR file: its 1-based number and its text decoded as latin-1, so character offsets are byte offsets. */
export interface CwrLine {
  readonly lineNumber: number;
  readonly text: string;
}

const decoder = new TextDecoder('latin1');

/** No CWR record is this long; a longer run without a newline (a binary file) is cut so memory stays bounded. */
const maxLineLength = 1 << 16;

/**
 * Splits a byte stream into CWR lines on LF or CRLF, decoding latin-1, in constant memory
 * (only the unfinished last line of a chunk is held over). A final line without a newline is yielded too.
 */
export async function* readCwrLines(source: AsyncIterable<Uint8Array>): AsyncGenerator<CwrLine> {
  for await (const batch of readCwrLineBatches(source)) yield* batch;
}

/** Like readCwrLines but yields the lines of each chunk together, which saves an await per line on large files. */
export async function* readCwrLineBatches(source: AsyncIterable<Uint8Array>): AsyncGenerator<CwrLine[]> {
  let carry = '';
  let lineNumber = 0;
  for await (const chunk of source) {
    const text = carry + decoder.decode(chunk);
    const lines: CwrLine[] = [];
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      lines.push({ lineNumber: ++lineNumber, text: text.slice(start, stop) });
      start = end + 1;
    }
    carry = text.slice(start);
    if (carry.length > maxLineLength) {
      lines.push({ lineNumber: ++lineNumber, text: carry });
      carry = '';
    }
    if (lines.length > 0) yield lines;
  }
  if (carry.length > 0) {
    const text = carry.charCodeAt(carry.length - 1) === 13 ? carry.slice(0, -1) : carry;
    yield [{ lineNumber: lineNumber + 1, text }];
  }
}
