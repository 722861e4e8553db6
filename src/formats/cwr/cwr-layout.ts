/** A CWR version Clef reads: 2.1 and 2.2 (fixed-width, NWR/REV) and 3.0 and 3.1 (WRK). */
export type CwrVersion = '2.1' | '2.2' | '3.0' | '3.1';

/**
 * A field format code as the CWR specification writes it: A alphanumeric, N numeric, D date YYYYMMDD,
 * T time HHMMSS, L lookup, F flag Y/N/U, B boolean Y/N, S standard code, O non-roman text.
 */
export type CwrFieldFormat = 'A' | 'N' | 'D' | 'T' | 'L' | 'F' | 'B' | 'S' | 'O';

/** Whether a field must be filled: M mandatory, O optional, C conditional. */
export type CwrFieldRequirement = 'M' | 'O' | 'C';

/** One field of a record layout; `start` is the 1-based byte offset and `name` is written as the spec writes it. */
export interface CwrField {
  readonly name: string;
  readonly start: number;
  readonly size: number;
  readonly format: CwrFieldFormat;
  readonly requirement: CwrFieldRequirement;
}

/** Record type (`SPU`, `NWR`, ...) to its ordered fields. */
export type CwrLayoutTable = Readonly<Record<string, readonly CwrField[]>>;
