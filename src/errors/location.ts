/** Where in an input something was found: the file, line (1-based), byte column, record type and field. */
export interface Location {
  readonly file?: string;
  readonly line?: number;
  /** 1-based byte column (CWR) or cell number (DSR). */
  readonly column?: number;
  readonly recordType?: string;
  readonly field?: string;
  readonly value?: string;
}

/** Formats a location as `file:line:column (RECORD field)` for messages. */
export function formatLocation(location: Location | undefined): string {
  if (!location) return '';
  const parts: string[] = [];
  let place = location.file ?? '';
  if (location.line !== undefined) place += `${place ? ':' : 'line '}${location.line}`;
  if (location.column !== undefined) place += `:${location.column}`;
  if (place) parts.push(place);
  const what = [location.recordType, location.field].filter(Boolean).join(' ');
  if (what) parts.push(`(${what})`);
  return parts.join(' ');
}
