/**
 * Splits a DSR line into its raw cells on TAB, keeping `\` escapes so that `|` separators inside a
 * cell can still be told apart from escaped literal `|` characters.
 */
export function splitDsrCells(line: string): string[] {
  if (line.indexOf('\\') === -1) return line.split('\t');
  const cells: string[] = [];
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 9) {
      cells.push(line.slice(start, i));
      start = i + 1;
    }
  }
  cells.push(line.slice(start));
  return cells;
}

/** The text of a raw cell with its `\` escapes resolved (`\|` → `|`, `\\` → `\`). */
export function dsrCellText(raw: string): string {
  return raw.indexOf('\\') === -1 ? raw : raw.replace(/\\(.)/g, '$1');
}

/** The values of a raw multi-value cell: split on unescaped `|`, escapes resolved, empty values kept. */
export function dsrCellValues(raw: string): string[] {
  if (raw === '') return [];
  if (raw.indexOf('\\') === -1) return raw.split('|');
  const values: string[] = [];
  let current = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\' && i + 1 < raw.length) current += raw[++i];
    else if (c === '|') {
      values.push(current);
      current = '';
    } else current += c;
  }
  values.push(current);
  return values;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * A copy of a cell's text that does not keep alive the decoded chunk it was cut from: V8 makes a slice of a long
 * string (a line, a cell) point into that string, so one cell kept for long (a cache key, a remembered BlockId)
 * keeps its whole chunk (a MiB of text) in memory; a 3 M-line report kept ~200 chunks so.
 */
export function detachedText(text: string): string {
  return decoder.decode(encoder.encode(text));
}
