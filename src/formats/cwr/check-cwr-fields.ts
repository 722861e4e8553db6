import { isCalendarDate } from '../../calendar/index.js';
import type { Finding, Severity } from '../../errors/finding.js';
import { parseIpiBaseNumber, parseIpiNameNumber, parseIswc } from '../../identifiers/index.js';
import { normalizeSocietyCode, type CwrCodeList, type Lookups } from '../../lookups/index.js';
import type { CwrField } from './cwr-layout.js';
import { cwrFinding } from './cwr-finding.js';
import { cwrFieldValue, type CwrRecord } from './parse-cwr-record.js';

/** Where a record sits, which decides how severe a broken field is: the file (HDR, TRL), a group (GRH, GRT), a transaction header, or a detail record. */
export type CwrRecordRole = 'file' | 'group' | 'transaction' | 'detail';

type Check = (value: string, record: CwrRecord, out: Finding[]) => void;

const codeListOf: Readonly<Record<string, CwrCodeList>> = {
  'Writer Designation Code': 'writerDesignations',
  'Writer Role': 'writerDesignations',
  'Publisher Type': 'publisherTypes',
  'Publisher Role': 'publisherTypes',
  'Title Type': 'titleTypes',
  'Version Type': 'versionTypes',
  'Musical Work Distribution Category': 'distributionCategories',
  'Transaction Status': 'transactionStatuses',
  'Message Type': 'messageTypes',
};
const societyField = /^(PR|MR|SR) (Affiliation )?Society( #| Number)?$|^Society #$/;
const iswcField = /^ISWC( of .*)?$/;
const ipiNameField = /IPI Name (#|Number)$/;
const ipiBaseField = /IPI Base Number$/;
const digits = /^\d+$/;
const blankOrZeros = /^0*$/;

/**
 * Remembers values already found valid (the same publisher IPI recurs on every work), so large files check each once;
 * bounded so memory stays flat.
 */
function validCache(isValid: (value: string) => boolean): (value: string) => boolean {
  const known = new Set<string>();
  return (value) => {
    if (known.has(value)) return true;
    if (!isValid(value)) return false;
    if (known.size >= 4096) known.clear();
    known.add(value);
    return true;
  };
}

function isDate(value: string): boolean {
  if (!/^\d{8}$/.test(value)) return false;
  return isCalendarDate(Number(value.slice(0, 4)), Number(value.slice(4, 6)), Number(value.slice(6, 8)));
}

function isTime(value: string): boolean {
  return /^\d{6}$/.test(value) && Number(value.slice(2, 4)) < 60 && Number(value.slice(4, 6)) < 60;
}

/** The checks one field gets, or none; compiled once per layout so a large file pays only for the fields that need checking. */
function compileField(field: CwrField, role: CwrRecordRole, lookups: Lookups, file: string | undefined): Check[] {
  const checks: Check[] = [];
  const hard: Severity = role === 'file' ? 'ER' : role === 'group' ? 'GR' : role === 'transaction' ? 'TR' : 'RR';
  const severity: Severity = field.requirement === 'M' ? hard : role === 'file' || role === 'group' ? hard : 'FR';
  const fail = (code: Parameters<typeof cwrFinding>[0], sev: Severity, message: string): Check => (value, record, out) => {
    out.push(cwrFinding(code, sev, message.replace('%v', value), record, file, field));
  };
  // A 'Constant' is blank by definition, whatever its requirement column says.
  if (field.requirement === 'M' && !/^(Constant|Filler)/.test(field.name)) {
    const missing = fail('CLEF_CWR_FIELD_MISSING', hard, `mandatory field '${field.name}' is empty`);
    checks.push((value, record, out) => { if (value === '') missing(value, record, out); });
  }
  const share = /Share$/.test(field.name) && field.format === 'N';
  if (field.format === 'N') {
    const bad = share
      ? fail('CLEF_CWR_SHARE_NOT_NUMERIC', 'TR', `share '${field.name}' is not numeric: '%v'`)
      : fail('CLEF_CWR_FIELD_NOT_NUMERIC', field.requirement === 'O' ? severity : hard, `numeric field '${field.name}' holds '%v'`);
    checks.push((value, record, out) => { if (value !== '' && !digits.test(value)) bad(value, record, out); });
  } else if (field.format === 'D') {
    const bad = fail('CLEF_CWR_DATE_INVALID', severity, `'${field.name}' is not a valid YYYYMMDD date: '%v'`);
    checks.push((value, record, out) => { if (!blankOrZeros.test(value) && !isDate(value)) bad(value, record, out); });
  } else if (field.format === 'T') {
    const bad = fail('CLEF_CWR_TIME_INVALID', severity, `'${field.name}' is not a valid HHMMSS time: '%v'`);
    checks.push((value, record, out) => { if (value !== '' && !isTime(value)) bad(value, record, out); });
  } else if (field.format === 'F' || field.format === 'B') {
    const allowed = field.format === 'F' ? /^[YNU]?$/ : /^[YN]?$/;
    const bad = fail('CLEF_CWR_LOOKUP_UNKNOWN', severity, `'${field.name}' must be ${field.format === 'F' ? 'Y, N or U' : 'Y or N'}, found '%v'`);
    checks.push((value, record, out) => { if (!allowed.test(value)) bad(value, record, out); });
  }
  const list = codeListOf[field.name];
  if (list) {
    const codes = lookups[list];
    const bad = fail('CLEF_CWR_LOOKUP_UNKNOWN', severity, `'%v' is not a known ${list.replace(/s$/, '').replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)} for '${field.name}'`);
    checks.push((value, record, out) => { if (value !== '' && !codes.has(value.trim())) bad(value, record, out); });
  } else if (societyField.test(field.name)) {
    const bad = fail('CLEF_CWR_LOOKUP_UNKNOWN', 'FR', `'%v' is not a CISAC society code ('${field.name}')`);
    checks.push((value, record, out) => {
      const code = value.trim();
      if (code !== '' && !(digits.test(code) && lookups.societies.has(normalizeSocietyCode(code)))) bad(value, record, out);
    });
  } else if (field.name === 'TIS Numeric Code' || field.name === 'Territory Code') {
    const bad = fail('CLEF_CWR_LOOKUP_UNKNOWN', hard, `'%v' is not a TIS territory code`);
    checks.push((value, record, out) => { if (value !== '' && !lookups.territories.members.has(Number(value))) bad(value, record, out); });
  } else if (field.name === 'Inclusion/Exclusion Indicator') {
    const bad = fail('CLEF_CWR_LOOKUP_UNKNOWN', hard, `'${field.name}' must be I or E, found '%v'`);
    checks.push((value, record, out) => { if (value !== 'I' && value !== 'E') bad(value, record, out); });
  } else if (iswcField.test(field.name)) {
    const valid = validCache((value) => parseIswc(value).ok);
    checks.push((value, record, out) => {
      if (value === '' || valid(value)) return;
      const parsed = parseIswc(value);
      if (!parsed.ok) out.push(cwrFinding('CLEF_CWR_ISWC_INVALID', 'FR', `'${field.name}' ${value} is not a valid ISWC: ${parsed.reason}`, record, file, field));
    });
  } else if (ipiNameField.test(field.name)) {
    const valid = validCache((value) => parseIpiNameNumber(value).ok);
    checks.push((value, record, out) => {
      if (blankOrZeros.test(value) || valid(value)) return;
      const parsed = parseIpiNameNumber(value);
      if (!parsed.ok) out.push(cwrFinding('CLEF_CWR_IPI_INVALID', 'FR', `'${field.name}' ${value} is not a valid IPI name number: ${parsed.reason}`, record, file, field));
    });
  } else if (ipiBaseField.test(field.name)) {
    const valid = validCache((value) => parseIpiBaseNumber(value).ok);
    checks.push((value, record, out) => {
      if (value === '' || valid(value)) return;
      const parsed = parseIpiBaseNumber(value);
      if (!parsed.ok) out.push(cwrFinding('CLEF_CWR_IPI_INVALID', 'FR', `'${field.name}' ${value} is not a valid IPI base number: ${parsed.reason}`, record, file, field));
    });
  }
  return checks;
}

/** A checker for the fields of records laid out by one layout in one role. */
export type CwrFieldChecker = (record: CwrRecord, out: Finding[]) => void;

/** Compiles the field checks of a layout (format, mandatory, lookups, identifiers, dates) for records in the given role. */
export function compileCwrFieldChecks(layout: readonly CwrField[], role: CwrRecordRole, lookups: Lookups, file?: string): CwrFieldChecker {
  const compiled = layout
    .filter((field) => field.start > 19 || role === 'file' || role === 'group')
    .map((field) => ({ field, checks: compileField(field, role, lookups, file) }))
    .filter((entry) => entry.checks.length > 0);
  return (record, out) => {
    for (const { field, checks } of compiled) {
      const value = cwrFieldValue(record.text, field);
      for (const check of checks) check(value, record, out);
    }
  };
}
