import type { ErrorCode } from '../../errors/error-codes.js';
import type { Finding, Severity } from '../../errors/finding.js';
import type { CwrRecord } from './parse-cwr-record.js';

/** Builds a finding located on a record and, when given, one of its fields (its 1-based byte column and trimmed value). */
export function cwrFinding(
  code: ErrorCode,
  severity: Severity,
  message: string,
  record: CwrRecord,
  file: string | undefined,
  field?: { readonly name: string; readonly start: number },
): Finding {
  return {
    code,
    severity,
    message,
    location: {
      file,
      line: record.lineNumber,
      column: field?.start ?? 1,
      recordType: record.recordType,
      field: field?.name,
      value: field ? record.get(field.name) : undefined,
    },
  };
}
