import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setSettings } from '../../src/registry/use-cases/settings.js';
import type { RegistryContext } from '../../src/registry/use-cases/registry-context.js';
import type { Store } from '../../src/store/index.js';
import { testContext } from '../registry/registry-fixtures.js';
import { fixturePath } from '../support/repo-paths.js';

/** The path of a shared CWR fixture. */
export const cwrFixture = (name: string): string => fixturePath('cwr', name);

/** The lines of a CWR file (CRLF or LF), without the empty tail. */
export function cwrLines(path: string): string[] {
  return readFileSync(path, 'latin1').split(/\r?\n/).filter((line) => line !== '');
}

/** Writes CWR lines as a file with CRLF endings; returns its path. */
export function writeCwrLines(dir: string, name: string, lines: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.map((line) => `${line}\r\n`).join(''), 'latin1');
  return path;
}

/** A registry context whose CMO is PRS (052), the society the fixtures' publisher is affiliated with. */
export async function cmoContext(store: Store): Promise<RegistryContext> {
  const context = testContext(store);
  await setSettings(context, { name: 'TEST CMO', societyCode: '052', currency: 'GBP' });
  return context;
}
