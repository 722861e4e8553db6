import { Buffer, isUtf8 } from 'node:buffer';
import { CsvError, parse } from 'csv-parse';
import { ClefError } from '../../errors/index.js';

/** One data row of a CSV file by column name, with the physical line it starts on. */
export interface CsvRecord {
  readonly record: Readonly<Record<string, string>>;
  readonly line: number;
}

/** What a CSV reader checks the file against. */
export interface CsvReadOptions {
  /** The file name that locates every error. */
  readonly file: string;
  /** True for a column name the format knows (names arrive trimmed and lower-cased). */
  readonly knownColumn: (name: string) => boolean;
}

/** No row of Clef's CSV formats comes near this; a longer line (a binary file, a hostile one) is refused unread. */
export const maxCsvLineBytes = 1 << 20;

// Tab, LF and CR are the only control characters a CSV file holds; ANSI escapes, BEL or NUL are refused.
const controlCharacter = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/;
const newline = 10;

/**
 * Reads a UTF-8 CSV file's rows by header name, streaming, and refuses with located, coded errors what would
 * otherwise be stored garbled or silently dropped: a line that is not UTF-8 (a latin-1 or binary file;
 * CLEF_INPUT_ENCODING), control characters (CLEF_INPUT_CONTROL_CHARACTER), a line over 1 MiB
 * (CLEF_INPUT_LINE_TOO_LONG), unknown or repeated columns (CLEF_INPUT_COLUMNS_INVALID), malformed CSV
 * (CLEF_REGISTRY_ROW_INVALID). A leading BOM is dropped.
 */
export async function* readCsvRecords(source: AsyncIterable<Uint8Array>, options: CsvReadOptions): AsyncGenerator<CsvRecord> {
  const { file } = options;
  const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: false, info: true });
  const feeding = feed(checkedText(source, file), parser);
  let header: string[] | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!header) {
        header = checkHeader(record, options, info.lines);
        continue;
      }
      const byName: Record<string, string> = {};
      header.forEach((name, i) => (byName[name] = record[i] ?? ''));
      yield { record: byName, line: info.lines };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      throw new ClefError('CLEF_REGISTRY_ROW_INVALID', `not a valid CSV file: ${(error as Error).message}`, { file, line: (error as { lines?: number }).lines });
    }
    throw error;
  } finally {
    parser.destroy();
    await feeding;
  }
}

async function feed(text: AsyncIterable<string>, parser: ReturnType<typeof parse>): Promise<void> {
  try {
    for await (const chunk of text) {
      if (parser.destroyed) return;
      if (!parser.write(chunk)) await drainedOrClosed(parser);
    }
    if (!parser.destroyed) parser.end();
  } catch (error) {
    parser.destroy(error as Error);
  }
}

function drainedOrClosed(parser: ReturnType<typeof parse>): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      parser.off('drain', done);
      parser.off('close', done);
      resolve();
    };
    parser.on('drain', done);
    parser.on('close', done);
  });
}

function checkHeader(names: readonly string[], options: CsvReadOptions, line: number): string[] {
  const header = names.map((name) => name.trim().toLowerCase());
  const seen = new Set<string>();
  for (const [i, name] of header.entries()) {
    const at = { file: options.file, line, column: i + 1, field: name };
    if (seen.has(name)) throw new ClefError('CLEF_INPUT_COLUMNS_INVALID', `the column ${JSON.stringify(name)} is named twice`, at);
    if (!options.knownColumn(name)) throw new ClefError('CLEF_INPUT_COLUMNS_INVALID', `unknown column ${JSON.stringify(name)}: see the format's documented columns`, at);
    seen.add(name);
  }
  return header;
}

// Splits the bytes into physical lines only to check them; the text goes on to the CSV parser unchanged.
async function* checkedText(source: AsyncIterable<Uint8Array>, file: string): AsyncGenerator<string> {
  let carry = Buffer.alloc(0);
  let line = 1;
  const check = (bytes: Buffer): void => {
    if (bytes.length > maxCsvLineBytes) {
      throw new ClefError('CLEF_INPUT_LINE_TOO_LONG', `the line is longer than ${maxCsvLineBytes} bytes: this is not a CSV file of Clef's`, { file, line });
    }
    if (!isUtf8(bytes)) {
      throw new ClefError('CLEF_INPUT_ENCODING', 'the line is not UTF-8 (the file looks latin-1 or binary): save it as UTF-8 and import it again', { file, line });
    }
    const text = bytes.toString('utf8');
    const at = text.search(controlCharacter);
    if (at !== -1) {
      const code = text.charCodeAt(at).toString(16).padStart(2, '0');
      throw new ClefError('CLEF_INPUT_CONTROL_CHARACTER', `the line holds the control character U+00${code.toUpperCase()}, which no value may hold`, { file, line, column: at + 1 });
    }
  };
  for await (const chunk of source) {
    let bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const last = bytes.lastIndexOf(newline);
    if (last === -1) {
      if (bytes.length > maxCsvLineBytes) check(bytes);
      carry = Buffer.from(bytes);
      continue;
    }
    let start = 0;
    for (let end = bytes.indexOf(newline); end !== -1 && end <= last; end = bytes.indexOf(newline, start)) {
      check(bytes.subarray(start, end));
      start = end + 1;
      line++;
    }
    carry = Buffer.from(bytes.subarray(last + 1));
    bytes = bytes.subarray(0, last + 1);
    yield bytes.toString('utf8');
  }
  if (carry.length > 0) {
    check(carry);
    yield carry.toString('utf8');
  }
}
