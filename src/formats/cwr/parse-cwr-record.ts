import type { Finding } from '../../errors/finding.js';
import type { CwrField, CwrLayoutTable } from './cwr-layout.js';
import { maxCwrLineLength, type CwrLine } from './read-cwr-lines.js';

/** One parsed CWR record: its line, its type, the raw text (for exact write-back) and its fields by spec name, trailing blanks trimmed. */
export interface CwrRecord {
  readonly lineNumber: number;
  readonly recordType: string;
  readonly text: string;
  /** The layout the record was cut with; empty for an unknown record type. */
  readonly layout: readonly CwrField[];
  /** Every field by spec name (built on first use, so a validator that reads a few fields pays only for those). */
  readonly fields: Readonly<Record<string, string>>;
  /** What the parser itself found: an unknown record type or bytes that are not text. */
  readonly findings: readonly Finding[];
  /** One field's value by spec name, trailing blanks trimmed; undefined when the layout has no such field. */
  get(name: string): string | undefined;
}

const none: readonly Finding[] = Object.freeze([]);
const noFields: readonly CwrField[] = Object.freeze([]);
// Control characters other than tab, CR and LF mean the file is not CWR text (a binary or UTF-16 file).
const controlCharacter = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;
// Bytes of a UTF-8 multi-byte character read as latin-1 ("Ã©" for "é"): no name in a latin-1 file has these pairs.
const utf8Sequence = /[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}/;
const indexes = new WeakMap<readonly CwrField[], Map<string, CwrField>>();

/** The trimmed value of one field of a line: lines cut short leave their last fields empty. */
export function cwrFieldValue(text: string, field: CwrField): string {
  const start = field.start - 1;
  return start >= text.length ? '' : text.slice(start, start + field.size).trimEnd();
}

function indexOf(layout: readonly CwrField[]): Map<string, CwrField> {
  let index = indexes.get(layout);
  if (!index) indexes.set(layout, (index = new Map(layout.map((f) => [f.name, f]))));
  return index;
}

class ParsedCwrRecord implements CwrRecord {
  private cached: Record<string, string> | undefined;

  constructor(
    readonly lineNumber: number,
    readonly recordType: string,
    readonly text: string,
    readonly layout: readonly CwrField[],
    readonly findings: readonly Finding[],
    private readonly index: Map<string, CwrField>,
  ) {}

  get fields(): Readonly<Record<string, string>> {
    if (!this.cached) {
      const fields: Record<string, string> = {};
      for (const field of this.layout) fields[field.name] = cwrFieldValue(this.text, field);
      this.cached = fields;
    }
    return this.cached;
  }

  get(name: string): string | undefined {
    const field = this.index.get(name);
    return field ? cwrFieldValue(this.text, field) : undefined;
  }
}

/** Cuts one line into the fields of its record type's layout; an unknown type or control characters become findings. */
export function parseCwrRecord(line: CwrLine, layouts: CwrLayoutTable, file?: string): CwrRecord {
  const { text, lineNumber } = line;
  const recordType = text.slice(0, 3);
  const layout = layouts[recordType];
  let findings = none;
  if (line.tooLong) {
    findings = [{
      code: 'CLEF_INPUT_LINE_TOO_LONG',
      severity: 'ER',
      message: `the line is longer than ${maxCwrLineLength} characters, which no CWR record is: this is not a CWR file`,
      location: { file, line: lineNumber, column: 1, recordType },
    }];
  } else if (controlCharacter.test(text)) {
    findings = [{
      code: 'CLEF_CWR_NOT_TEXT',
      severity: 'ER',
      message: 'the line holds control characters: this is not a latin-1 CWR text file',
      location: { file, line: lineNumber, column: text.search(controlCharacter) + 1, recordType },
    }];
  } else if (utf8Sequence.test(text)) {
    findings = [{
      code: 'CLEF_INPUT_ENCODING',
      severity: 'ER',
      message: 'the line holds UTF-8 text, but a CWR file is latin-1 (ISO 8859-1): save the file as latin-1 and send it again',
      location: { file, line: lineNumber, column: text.search(utf8Sequence) + 1, recordType },
    }];
  } else if (!layout) {
    findings = [{
      code: 'CLEF_CWR_RECORD_TYPE_UNKNOWN',
      severity: text.trim() === '' ? 'ER' : 'RR',
      message: text.trim() === '' ? 'empty line inside the file' : `unknown record type '${recordType}'`,
      location: { file, line: lineNumber, column: 1, recordType, field: 'Record Type', value: recordType },
    }];
  }
  const fields = layout ?? noFields;
  return new ParsedCwrRecord(lineNumber, recordType, text, fields, findings, indexOf(fields));
}
