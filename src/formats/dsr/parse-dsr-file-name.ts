import type { Finding } from '../../errors/finding.js';

/** The elements of a DDEX DSR file name. */
export interface DsrFileName {
  readonly recipient: string;
  readonly sender: string;
  readonly serviceDescription: string;
  /** `yyyy`, `yyyy-mm`, `yyyy-mm-dd`, `yyyy-Qq`, `yyyy-Www` or `start--end`. */
  readonly period: string;
  /** An ISO territory code, `multi` or `Worldwide`. */
  readonly territory: string;
  /** x of `xofy`; 1 when the name omits it (a single-file report). */
  readonly fileNumber: number;
  /** y of `xofy`; 1 when the name omits it. */
  readonly numberOfFiles: number;
  /** `yyyymmddThhmmss` as written. */
  readonly created: string;
  readonly compressed: boolean;
}

const date = String.raw`\d{4}-\d{2}-\d{2}`;
const periodPattern = new RegExp(String.raw`^(\d{4}(-\d{2}|-\d{2}-\d{2}|-Q[1-4]|-W\d{2})?|${date}--${date})$`);
const territoryPattern = /^([A-Z]{2}|\d{1,4}|multi|worldwide)$/i;

/**
 * Reads a DSR file name `DSR_<Recipient>_<Sender>_<Service>_<Period>_<Territory>_<x>of<y>_<Created>.tsv[.gz]`
 * (`xofy` may be omitted for a single file). Problems are warnings: a badly named file can still be read.
 * @example parseDsrFileName('DSR_PADPIDA1_PADPIDA2_Premium_2024-01_FR_1of1_20240205T101500.tsv').fileName?.period // '2024-01'
 */
export function parseDsrFileName(name: string): { fileName?: DsrFileName; findings: Finding[] } {
  const findings: Finding[] = [];
  const warn = (message: string, field?: string, value?: string): void => {
    findings.push({ code: 'CLEF_DSR_FILE_NAME_INVALID', severity: 'warning', message, location: { file: name, field, value } });
  };
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const extension = /\.tsv\.gz$/i.test(base) ? '.tsv.gz' : /\.tsv$/i.test(base) ? '.tsv' : undefined;
  if (!extension) warn('a DSR file name ends with .tsv or .tsv.gz', 'extension', base);
  const parts = (extension ? base.slice(0, -extension.length) : base).split('_');
  if (parts[0] !== 'DSR' || (parts.length !== 8 && parts.length !== 7)) {
    warn('expected DSR_<Recipient>_<Sender>_<Service>_<Period>_<Territory>_<x>of<y>_<yyyymmddThhmmss>, with no "_" inside an element', 'name', base);
    return { findings };
  }
  const [, recipient, sender, serviceDescription, period, territory] = parts;
  const xofy = parts.length === 8 ? parts[6] : '1of1';
  const created = parts[parts.length - 1];
  if (!periodPattern.test(period)) warn(`period ${JSON.stringify(period)} is not yyyy, yyyy-mm, yyyy-mm-dd, yyyy-Qq, yyyy-Www or start--end`, 'period', period);
  if (!territoryPattern.test(territory)) warn(`territory ${JSON.stringify(territory)} is not an ISO code, multi or Worldwide`, 'territory', territory);
  const numbering = /^(\d+)of(\d+)$/.exec(xofy);
  if (!numbering || Number(numbering[1]) < 1 || Number(numbering[1]) > Number(numbering[2])) warn(`${JSON.stringify(xofy)} is not <x>of<y> with 1 ≤ x ≤ y`, 'xofy', xofy);
  if (!/^\d{8}T\d{6}$/.test(created)) warn(`creation time ${JSON.stringify(created)} is not yyyymmddThhmmss`, 'created', created);
  for (const [field, value] of Object.entries({ recipient, sender, serviceDescription })) if (value === '') warn(`${field} is empty`, field, value);
  const fileName: DsrFileName = {
    recipient,
    sender,
    serviceDescription,
    period,
    territory,
    fileNumber: numbering ? Number(numbering[1]) : 1,
    numberOfFiles: numbering ? Number(numbering[2]) : 1,
    created,
    compressed: extension === '.tsv.gz',
  };
  return { fileName, findings };
}
