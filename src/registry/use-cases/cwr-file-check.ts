import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { ClefError, type Finding } from '../../errors/index.js';
import { isAboveFieldLevel, readValidatedCwr, type CwrCheckedItem, type CwrVersion } from '../../formats/cwr/index.js';
import type { Lookups } from '../../lookups/index.js';

/** What an import knows of a CWR file once it has read it: its digest, version and findings by line. */
export interface CwrFileCheck {
  readonly digest: string;
  readonly version: CwrVersion;
  readonly lines: number;
  /** Validator findings keyed by the line they are on. */
  readonly findingsByLine: ReadonlyMap<number, readonly Finding[]>;
  /** Every finding in file order (the first `limit`) and how many there were. */
  readonly findings: readonly Finding[];
  readonly findingCount: number;
  /** True when an ER finding refuses the entire file. */
  readonly refused: boolean;
  /** The line numbers of GR findings: each rejects the group it falls in. */
  readonly groupRejectLines: readonly number[];
  /** The line numbers of the GRH records, in order. */
  readonly groupHeaderLines: readonly number[];
}

/**
 * Reads a CWR file on disk once, validating it as it goes: yields each control record and transaction with its own
 * findings, and when the file is read returns its check (SHA-256 digest, version, every finding by line, the lines of
 * its groups), so an import can register transactions while it reads and still answer each by the findings on its
 * own lines and on its group.
 */
export async function* readCheckedCwrFile(path: string, fileName: string, lookups: Lookups, limit = 10000): AsyncGenerator<CwrCheckedItem, CwrFileCheck> {
  const hash = createHash('sha256');
  async function* tee(): AsyncGenerator<Uint8Array> {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>) {
      hash.update(chunk);
      yield chunk;
    }
  }
  const findingsByLine = new Map<number, Finding[]>();
  const findings: Finding[] = [];
  const groupRejectLines: number[] = [];
  const groupHeaderLines: number[] = [];
  let refused = false;
  let findingCount = 0;
  const items = readValidatedCwr(tee(), {
    lookups,
    fileName,
    onFinding: (finding) => {
      findingCount++;
      if (findings.length < limit) findings.push(finding);
      if (finding.severity === 'ER') refused = true;
      const line = finding.location.line ?? 0;
      if (finding.severity === 'GR') groupRejectLines.push(line);
      const list = findingsByLine.get(line);
      if (list) list.push(finding);
      else findingsByLine.set(line, [finding]);
    },
  });
  for (;;) {
    const next = await items.next();
    if (next.done) {
      const summary = next.value;
      return { digest: hash.digest('hex'), version: summary.version, lines: summary.lines, findingsByLine, findings, findingCount, refused, groupRejectLines, groupHeaderLines };
    }
    const { item } = next.value;
    if (item.kind === 'record' && item.record.recordType === 'GRH') groupHeaderLines.push(item.record.lineNumber);
    yield next.value;
  }
}

/** Validates a file without registering anything: its whole check. */
export async function checkCwrFile(path: string, lookups: Lookups): Promise<CwrFileCheck> {
  const items = readCheckedCwrFile(path, basename(path), lookups);
  try {
    for (;;) {
      const next = await items.next();
      if (next.done) return next.value;
    }
  } catch (error) {
    throw unreadable(error, path, basename(path));
  }
}

/** The error a file the import cannot read is. */
export function unreadable(error: unknown, path: string, file: string): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') return new ClefError('CLEF_FILE_UNREADABLE', `cannot read ${path}: ${(error as Error).message}`, { file });
  return error;
}

/** True when a finding rejects what it is on (anything above field level). */
export const rejects = (finding: Finding): boolean => isAboveFieldLevel(finding.severity);
