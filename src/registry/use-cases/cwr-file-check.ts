import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Finding } from '../../errors/index.js';
import { isAboveFieldLevel, validateCwr, type CwrVersion } from '../../formats/cwr/index.js';
import type { Lookups } from '../../lookups/index.js';

/** What an import needs to know of a CWR file before it registers anything: its digest, version and findings by line. */
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

const grh = [0x47, 0x52, 0x48];

/** Tracks the line numbers of lines starting `GRH` across chunk boundaries. */
function groupHeaderScanner() {
  const lines: number[] = [];
  let line = 1;
  let seen = 0;
  let matching = true;
  return {
    lines,
    scan(chunk: Uint8Array) {
      let i = 0;
      while (i < chunk.length) {
        if (seen === 3) {
          const next = chunk.indexOf(0x0a, i);
          if (next < 0) return;
          i = next;
        }
        const byte = chunk[i++];
        if (byte === 0x0a) {
          line++;
          seen = 0;
          matching = true;
          continue;
        }
        if (byte !== grh[seen]) matching = false;
        if (++seen === 3 && matching) lines.push(line);
      }
    },
  };
}

/**
 * Validates a CWR file on disk in one streaming pass that also takes its SHA-256 digest and the lines of its groups,
 * so the import can answer each transaction by the findings on its own lines and on its group.
 */
export async function checkCwrFile(path: string, fileName: string, lookups: Lookups, limit = 10000): Promise<CwrFileCheck> {
  const hash = createHash('sha256');
  const scanner = groupHeaderScanner();
  async function* tee(): AsyncGenerator<Uint8Array> {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>) {
      hash.update(chunk);
      scanner.scan(chunk);
      yield chunk;
    }
  }
  const findingsByLine = new Map<number, Finding[]>();
  const findings: Finding[] = [];
  const groupRejectLines: number[] = [];
  let refused = false;
  let findingCount = 0;
  const summary = await validateCwr(tee(), {
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
  return { digest: hash.digest('hex'), version: summary.version, lines: summary.lines, findingsByLine, findings, findingCount, refused, groupRejectLines, groupHeaderLines: scanner.lines };
}

/** True when a finding rejects what it is on (anything above field level). */
export const rejects = (finding: Finding): boolean => isAboveFieldLevel(finding.severity);
