import type { Finding } from '../../errors/finding.js';
import type { CwrLayoutTable } from './cwr-layout.js';
import type { CwrLine } from './read-cwr-lines.js';

/** One parsed CWR record: its line, its type, the raw text (for exact write-back) and its fields by spec name, trailing blanks trimmed. */
export interface CwrRecord {
  readonly lineNumber: number;
  readonly recordType: string;
  readonly text: string;
  readonly fields: Readonly<Record<string, string>>;
  /** What the parser itself found: an unknown record type or bytes that are not text. */
  readonly findings: readonly Finding[];
}

const none: readonly Finding[] = Object.freeze([]);
// Control characters other than tab, CR and LF mean the file is not CWR text (a binary or UTF-16 file).
const controlCharacter = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;

/** Cuts one line into the fields of its record type's layout; lines cut short simply leave their last fields empty. */
export function parseCwrRecord(line: CwrLine, layouts: CwrLayoutTable, file?: string): CwrRecord {
  const { text, lineNumber } = line;
  const recordType = text.slice(0, 3);
  const layout = layouts[recordType];
  const fields: Record<string, string> = {};
  let findings = none;
  if (controlCharacter.test(text)) {
    findings = [{
      code: 'CLEF_CWR_NOT_TEXT',
      severity: 'ER',
      message: 'the line holds control characters: this is not a latin-1 CWR text file',
      location: { file, line: lineNumber, column: text.search(controlCharacter) + 1, recordType },
    }];
  } else if (!layout) {
    findings = [{
      code: 'CLEF_CWR_RECORD_TYPE_UNKNOWN',
      severity: text.trim() === '' ? 'ER' : 'RR',
      message: text.trim() === '' ? 'empty line inside the file' : `unknown record type '${recordType}'`,
      location: { file, line: lineNumber, column: 1, recordType, field: 'Record Type', value: recordType },
    }];
  }
  if (layout) {
    for (const field of layout) {
      const start = field.start - 1;
      fields[field.name] = start >= text.length ? '' : text.slice(start, start + field.size).trimEnd();
    }
  }
  return { lineNumber, recordType, text, fields, findings };
}
