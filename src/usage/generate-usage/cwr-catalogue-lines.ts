import type { SyntheticRecording } from './synthetic-recording.js';

/** The sender and moment of a generated CWR file (passed in: no clock is read). */
export interface CwrCatalogueHeader {
  readonly publisherName: string;
  /** 11 digits, starting with `00` so it fits the 9-digit HDR Sender ID. */
  readonly publisherIpiNameNumber: string;
  /** `YYYYMMDD` */
  readonly creationDate: string;
  /** `HHMMSS` */
  readonly creationTime: string;
}

type Field = readonly [start: number, size: number, value: string | number];

/** One fixed-width record: fields at their 1-based start, numbers zero-padded, the rest space-padded. */
function record(type: string, length: number, fields: readonly Field[]): string {
  const chars = type.padEnd(length, ' ').split('');
  for (const [start, size, value] of fields) {
    const text = typeof value === 'number' ? String(value).padStart(size, '0') : value.slice(0, size).padEnd(size, ' ');
    for (let i = 0; i < size; i++) chars[start - 1 + i] = text[i];
  }
  return chars.join('');
}

const prefix = (tx: number, rec: number): Field[] => [[4, 8, tx], [12, 8, rec]];

function hhmmss(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return [h, m, seconds % 60].map((n) => String(n).padStart(2, '0')).join('');
}

/** The records of one work registration (NWR) for a recording: publisher, writers, their territories and the REC. */
function transaction(r: SyntheticRecording, tx: number, header: CwrCatalogueHeader): string[] {
  const lines: string[] = [];
  let rec = 0;
  const publisherId = 'CLEFPUB01';
  lines.push(record('NWR', 260, [...prefix(tx, rec++), [20, 60, r.title.toUpperCase()], [82, 14, `CLEF${r.index}`], [96, 11, r.iswc], [127, 3, 'POP'], [130, 6, hhmmss(r.seconds)], [136, 1, 'Y'], [143, 3, 'ORI']]));
  lines.push(record('SPU', 183, [...prefix(tx, rec++), [20, 2, 1], [22, 9, publisherId], [31, 45, header.publisherName.toUpperCase()], [77, 2, 'E '], [88, 11, header.publisherIpiNameNumber], [116, 5, 5000], [124, 5, 10000], [132, 5, 0]]));
  lines.push(record('SPT', 58, [...prefix(tx, rec++), [20, 9, publisherId], [35, 5, 5000], [40, 5, 10000], [45, 5, 0], [50, 1, 'I'], [51, 4, 2136], [56, 3, 1]]));
  const writerShare = Math.floor(5000 / r.writers.length);
  r.writers.forEach((w, i) => {
    const share = i === 0 ? 5000 - writerShare * (r.writers.length - 1) : writerShare;
    const id = `W${w.index}`;
    lines.push(record('SWR', 180, [...prefix(tx, rec++), [20, 9, id], [29, 45, w.lastName.toUpperCase()], [74, 30, w.firstName.toUpperCase()], [105, 2, 'CA'], [116, 11, w.ipiNameNumber], [130, 5, share], [138, 5, 0], [146, 5, 0]]));
    lines.push(record('SWT', 52, [...prefix(tx, rec++), [20, 9, id], [29, 5, share], [34, 5, 0], [39, 5, 0], [44, 1, 'I'], [45, 4, 2136], [50, 3, 1]]));
    lines.push(record('PWR', 112, [...prefix(tx, rec++), [20, 9, publisherId], [29, 45, header.publisherName.toUpperCase()], [102, 9, id], [111, 2, 1]]));
  });
  lines.push(record('REC', 540, [...prefix(tx, rec++), [88, 6, hhmmss(r.seconds)], [250, 12, r.isrc], [262, 1, 'A'], [267, 60, r.title], [387, 60, r.artist], [527, 14, `REC${r.index}`]]));
  return lines;
}

/**
 * The lines (CRLF-ended) of a CWR 2.2 file registering one work per recording: HDR, one NWR group with
 * NWR, SPU, SPT, SWR, SWT, PWR and REC (recording title and display artist) records, GRT, TRL. A minimal
 * writer following data/reference/cwr-2.2-layouts.txt, for generated test catalogues only.
 */
export function* cwrCatalogueLines(recordings: Iterable<SyntheticRecording>, header: CwrCatalogueHeader): Generator<string> {
  const end = '\r\n';
  yield record('HDR', 167, [[4, 2, 'PB'], [6, 9, header.publisherIpiNameNumber.slice(2)], [15, 45, header.publisherName.toUpperCase()], [60, 5, '01.10'], [65, 8, header.creationDate], [73, 6, header.creationTime], [79, 8, header.creationDate], [102, 3, '2.2'], [105, 3, 2], [108, 30, 'Clef'], [138, 30, '0.1.0']]) + end;
  yield record('GRH', 28, [[4, 3, 'NWR'], [7, 5, 1], [12, 5, '02.20'], [17, 10, 0]]) + end;
  let transactions = 0;
  let records = 0;
  for (const recording of recordings) {
    const lines = transaction(recording, transactions++, header);
    records += lines.length;
    yield lines.join(end) + end;
  }
  yield record('GRT', 24, [[4, 5, 1], [9, 8, transactions], [17, 8, records + 2]]) + end;
  yield record('TRL', 24, [[4, 5, 1], [9, 8, transactions], [17, 8, records + 4]]) + end;
}
