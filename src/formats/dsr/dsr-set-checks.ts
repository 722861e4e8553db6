import type { ErrorCode } from '../../errors/error-codes.js';
import type { Finding } from '../../errors/finding.js';
import { compileDsrCellChecks, type DsrCellCheck } from './check-dsr-cells.js';
import type { DsrProfileDefinition, DsrRecordDefinition } from './dsr-record-definition.js';
import { DsrStructureTracker } from './dsr-structure-tracker.js';
import { resolveDsrRecordType } from './resolve-dsr-record-type.js';

/**
 * The TypeScript side of the set-based DSR checks (the database checks the loaded lines as sets; these decide what
 * a set cannot): which record types a file's profile version defines, whether a block's shape is in order, and the
 * exact cell checks of the few lines the database could not pass. Every finding is located as `parseDsrFile` locates it.
 */

/** The record types of a file resolved against its declared profile version. */
export interface ResolvedRecordTypes {
  readonly definitions: ReadonlyMap<string, DsrRecordDefinition>;
  /** Record types no profile version defines (an error: the file goes to the TypeScript reader). */
  readonly unknown: readonly string[];
  /** `CLEF_DSR_RECORD_VERSION_MISMATCH` warnings, one per record type at its first line. */
  readonly versionWarnings: readonly Finding[];
}

/** Resolves each record type of a file (with its first line) against the profile version its HEAD declares. */
export function resolveRecordTypes(file: string, profile: DsrProfileDefinition, types: readonly { recordType: string; firstLine: number }[]): ResolvedRecordTypes {
  const definitions = new Map<string, DsrRecordDefinition>();
  const unknown: string[] = [];
  const versionWarnings: Finding[] = [];
  for (const { recordType, firstLine } of types) {
    const resolved = resolveDsrRecordType(profile, recordType);
    if (!resolved) {
      unknown.push(recordType);
      continue;
    }
    definitions.set(recordType, resolved.definition);
    if (!resolved.declared) {
      versionWarnings.push({
        code: 'CLEF_DSR_RECORD_VERSION_MISMATCH',
        severity: 'warning',
        message: `${recordType} is not a record type of ${profile.profile} ${profile.version} as the HEAD declares; read with its own definition (reported once per record type)`,
        location: { file, line: firstLine, column: 1, recordType, field: resolved.definition.cells[0]?.name ?? 'RecordType', value: recordType },
      });
    }
  }
  return { definitions, unknown, versionWarnings };
}

/** True when a block whose records have these bases, in order, breaks none of the order rules within a block. */
export function isBlockShapeInOrder(bases: readonly string[]): boolean {
  let fine = true;
  const tracker = new DsrStructureTracker();
  const problem = (): void => {
    fine = false;
  };
  tracker.record('HEAD', undefined, problem);
  for (const base of bases) tracker.record(base, 'block', problem);
  return fine;
}

/** Runs the exact cell checks of lines the set-based checks could not pass, counting and keeping their findings. */
export class SuspectLineChecks {
  readonly #checks = new Map<DsrRecordDefinition, DsrCellCheck>();
  errorCount = 0;
  warningCount = 0;
  readonly warnings: Finding[] = [];

  constructor(
    readonly file: string,
    readonly cap: number,
  ) {}

  /** Checks one line's raw cells (record type first) against its definition. */
  check(definition: DsrRecordDefinition, cells: readonly string[], line: number): void {
    let check = this.#checks.get(definition);
    if (!check) {
      check = compileDsrCellChecks(definition);
      this.#checks.set(definition, check);
    }
    const recordType = cells[0];
    check(cells, (code: ErrorCode, warning: boolean, column: number, value: string, message: string) => {
      if (!warning) {
        this.errorCount++;
        return;
      }
      this.warningCount++;
      if (this.warnings.length >= this.cap) return;
      const field = definition.cells[column]?.name ?? (column === 0 ? 'RecordType' : `cell ${column + 1}`);
      this.warnings.push({ code, severity: 'warning', message, location: { file: this.file, line, column: column + 1, recordType, field, value } });
    });
  }
}
