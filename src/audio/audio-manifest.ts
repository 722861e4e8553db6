import { isAbsolute, join } from 'node:path';
import type { Finding } from '../errors/finding.js';
import { parseIsrc } from '../identifiers/index.js';

/** One manifest row: an audio file (resolved against the manifest's folder) and the ISRC of its recording. */
export interface ManifestEntry {
  readonly file: string;
  readonly isrc: string;
  readonly line: number;
}

/** Splits one CSV line (RFC 4180 quoting). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells.map((value) => value.trim());
}

/**
 * Parses an audio manifest (CSV with a header naming `file` and `isrc` columns, in any order, other columns
 * ignored); relative file paths are resolved against `baseDir`. Bad rows become findings and are skipped.
 */
export function parseAudioManifest(text: string, baseDir: string, manifestName: string): { entries: ManifestEntry[]; findings: Finding[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '').map((name) => name.toLowerCase());
  const fileColumn = header.indexOf('file');
  const isrcColumn = header.indexOf('isrc');
  const findings: Finding[] = [];
  const entries: ManifestEntry[] = [];
  if (fileColumn < 0 || isrcColumn < 0) {
    findings.push({
      code: 'CLEF_AUDIO_MANIFEST_INVALID',
      severity: 'error',
      message: 'the header must name the columns file and isrc',
      location: { file: manifestName, line: 1, field: fileColumn < 0 ? 'file' : 'isrc' },
    });
    return { entries, findings };
  }
  for (let n = 1; n < lines.length; n++) {
    if (lines[n].trim() === '') continue;
    const cells = splitCsvLine(lines[n]);
    const file = cells[fileColumn] ?? '';
    const isrc = parseIsrc(cells[isrcColumn] ?? '');
    const location = { file: manifestName, line: n + 1 };
    if (!file) {
      findings.push({ code: 'CLEF_AUDIO_MANIFEST_INVALID', severity: 'error', message: 'empty file', location: { ...location, field: 'file' } });
    } else if (!isrc.ok) {
      findings.push({
        code: 'CLEF_AUDIO_MANIFEST_INVALID',
        severity: 'error',
        message: `ISRC ${JSON.stringify(cells[isrcColumn] ?? '')} is invalid: ${isrc.reason}`,
        location: { ...location, field: 'isrc', value: cells[isrcColumn] },
      });
    } else {
      entries.push({ file: isAbsolute(file) ? file : join(baseDir, file), isrc: isrc.value, line: n + 1 });
    }
  }
  return { entries, findings };
}
