import { isCalendarDate, isIsoDate, isIsoMonth } from '../../calendar/index.js';
import type { ErrorCode } from '../../errors/error-codes.js';
import { isCompactIswc, parseIsrc, parseIswc } from '../../identifiers/index.js';
import { dsrAllowedValues } from './dsr-allowed-values.js';
import { dsrCellText, dsrCellValues } from './dsr-cells.js';
import type { DsrCellDefinition, DsrCellType, DsrRecordDefinition } from './dsr-record-definition.js';

/** Receives one problem a cell check found: the code, whether it is only a warning, the cell index and value. */
export type DsrCellProblem = (code: ErrorCode, warning: boolean, cell: number, value: string, message: string) => void;

/** Checks the cells of one line (raw cells as split, the record type first) against its definition. */
export type DsrCellCheck = (cells: readonly string[], problem: DsrCellProblem) => void;

/** An ISO 8601 calendar date at the precision a DSR may give: year, month or day, the day also in basic form (`20250131`). */
function isDsrDate(v: string): boolean {
  if (v.length === 8) return /^\d{8}$/.test(v) && isCalendarDate(Number(v.slice(0, 4)), Number(v.slice(4, 6)), Number(v.slice(6)));
  return /^\d{4}$/.test(v) || isIsoMonth(v) || isIsoDate(v);
}

const typeChecks: Readonly<Record<Exclude<DsrCellType, 'string' | 'avs'>, { test: { test(value: string): boolean }; expected: string }>> = {
  integer: { test: /^[+-]?\d+$/, expected: 'an integer' },
  decimal: { test: /^[+-]?(\d+(\.\d*)?|\.\d+)$/, expected: 'a decimal number' },
  boolean: { test: /^(true|false|1|0)$/i, expected: 'a boolean (true or false)' },
  date: { test: { test: isDsrDate }, expected: 'an ISO 8601 date' },
  dateTime: { test: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/, expected: 'an ISO 8601 date and time' },
  duration: { test: /^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/, expected: 'an ISO 8601 duration' },
};

const strictIsrc = /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/;

/** True for cells that carry a DSP's identifiers of recordings, works, releases or parties: bad values there only warn. */
function isIdentifierCell(name: string): boolean {
  return name === 'ISRC' || name === 'ISWC' || name === 'ICPN' || name.endsWith('PartyId') || name.endsWith('DPID') || /^Proprietary\w*Id$/.test(name);
}

/** The problem with one value of a cell, or undefined when it fits. */
type ValueCheck = (value: string) => { code: ErrorCode; warning: boolean; message: string } | undefined;

function valueCheckOf(cell: DsrCellDefinition): ValueCheck | undefined {
  if (cell.name === 'ISRC') {
    return (v) => {
      if (strictIsrc.test(v)) return undefined;
      const parsed = parseIsrc(v);
      return parsed.ok ? undefined : { code: 'CLEF_DSR_IDENTIFIER_INVALID', warning: true, message: `ISRC ${JSON.stringify(v)} is malformed: ${parsed.reason}` };
    };
  }
  if (cell.name === 'ISWC') {
    return (v) => {
      if (isCompactIswc(v)) return undefined;
      const parsed = parseIswc(v);
      return parsed.ok ? undefined : { code: 'CLEF_DSR_IDENTIFIER_INVALID', warning: true, message: `ISWC ${JSON.stringify(v)} is invalid: ${parsed.reason}` };
    };
  }
  if (cell.type === 'avs') {
    const name = cell.allowedValues ?? '';
    const allowed = new Set((dsrAllowedValues[name] ?? []).map((v) => v.toLowerCase()));
    return (v) => (allowed.has(v.toLowerCase()) ? undefined : { code: 'CLEF_DSR_CELL_INVALID', warning: false, message: `${JSON.stringify(v)} is not an allowed ${name} value` });
  }
  if (cell.type === 'string') {
    if (cell.pattern === undefined) return undefined;
    // Patterns match at the start of the value, as the DDEX reference library reads them: the schemas'
    // own MessageVersion pattern `dsrf/` must accept `dsrf/30`.
    const pattern = new RegExp(`^(?:${cell.pattern})`);
    const identifier = isIdentifierCell(cell.name);
    const code: ErrorCode = identifier ? 'CLEF_DSR_IDENTIFIER_INVALID' : 'CLEF_DSR_CELL_INVALID';
    return (v) => (pattern.test(v) ? undefined : { code, warning: identifier, message: `${JSON.stringify(v)} does not match the pattern ${cell.pattern}` });
  }
  const { test, expected } = typeChecks[cell.type];
  const range = cell.type === 'integer' ? integerRangeCheck : cell.type === 'decimal' ? (v: string) => decimalRangeCheck(cell.name, v) : undefined;
  return (v) => (test.test(v) ? range?.(v) : { code: 'CLEF_DSR_CELL_INVALID', warning: false, message: `${JSON.stringify(v)} is not ${expected}` });
}

const int64Max = 2n ** 63n - 1n;
// Amounts are held as micro-units in 64-bit integers: at most 9,223,372,036,854.775807.
const amountIntegerDigitsMax = int64Max / 1_000_000n;

/** True for decimal cells that carry money: a negative value there is a correction, accepted with a warning. */
function isAmountCell(name: string): boolean {
  return /Revenue|Amount|Price|Royalty/.test(name);
}

function integerRangeCheck(v: string): ReturnType<ValueCheck> {
  const n = BigInt(v);
  if (n < 0n) return { code: 'CLEF_DSR_VALUE_NEGATIVE', warning: false, message: `${v} is negative: DSR counts are never negative (returns are reported in their own cell)` };
  if (n > int64Max) return { code: 'CLEF_DSR_VALUE_OUT_OF_RANGE', warning: false, message: `${v} is beyond the largest integer the store holds exactly (${int64Max})` };
  return undefined;
}

function decimalRangeCheck(name: string, v: string): ReturnType<ValueCheck> {
  const negative = v.startsWith('-');
  const whole = v.replace(/^[+-]/, '').split('.')[0] || '0';
  if (BigInt(whole) > amountIntegerDigitsMax) return { code: 'CLEF_DSR_VALUE_OUT_OF_RANGE', warning: false, message: `${v} is beyond the largest amount the store holds exactly (${amountIntegerDigitsMax}.999999)` };
  if (!negative || /^-0*(\.0*)?$/.test(v)) return undefined;
  if (isAmountCell(name)) return { code: 'CLEF_DSR_VALUE_NEGATIVE', warning: true, message: `${v} is negative: read as a correction; distribution books a negative pool only with --allow-negative` };
  return { code: 'CLEF_DSR_VALUE_NEGATIVE', warning: false, message: `${v} is negative, which ${name} never is` };
}

/** Compiles the checks of a record definition once, so each line costs only the checks its cells need. */
export function compileDsrCellChecks(definition: DsrRecordDefinition): DsrCellCheck {
  const cells = definition.cells;
  const checks = cells.map(valueCheckOf);
  return (raw, problem) => {
    const count = cells.length;
    for (let i = 1; i < count; i++) {
      const value = i < raw.length ? raw[i] : '';
      const cell = cells[i];
      if (value === '') {
        if (cell.mandatory) problem('CLEF_DSR_CELL_MISSING', false, i, '', `${cell.name} is mandatory in ${definition.recordType}`);
        continue;
      }
      const check = checks[i];
      if (!check) continue;
      if (cell.multiple && (value.indexOf('|') !== -1 || value.indexOf('\\') !== -1)) {
        for (const one of dsrCellValues(value)) {
          const found = one === '' ? undefined : check(one);
          if (found) problem(found.code, found.warning, i, one, found.message);
        }
      } else {
        const text = cell.multiple ? value : dsrCellText(value);
        const found = check(text);
        if (found) problem(found.code, found.warning, i, text, found.message);
      }
    }
    for (let i = count; i < raw.length; i++) {
      if (raw[i] !== '') {
        problem('CLEF_DSR_CELL_EXTRA', true, i, raw[i], `${definition.recordType} defines ${count} cells; cell ${i + 1} and later are ignored`);
        break;
      }
    }
  };
}
