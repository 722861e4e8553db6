import { basename } from 'node:path';
import { exportWorksCwr, type CwrExportSummary } from './export-works-cwr.js';
import type { CwrImportSummary } from './cwr-import-summary.js';
import { importWorksCwr } from './import-works-cwr.js';
import type { RegistryContext } from './registry-context.js';

/**
 * The CWR exchange in one call, for demos: imports a member's registration file, writes its ACK beside `outDir`, and
 * sends the works it created on as the CMO's own CWR file in the same version (2.1 or 2.2). Needs the CMO's settings.
 */
export async function runCwrRoundTripDemo(context: RegistryContext, cwrPath: string, outDir: string): Promise<{ imported: CwrImportSummary; exported: CwrExportSummary }> {
  const ackPath = `${outDir}/${basename(cwrPath)}.ACK`;
  const imported = await importWorksCwr(context, cwrPath, { ackPath });
  const version = imported.version === '2.2' ? '2.2' : '2.1';
  const exported = await exportWorksCwr(context, { version, out: outDir });
  return { imported, exported };
}
