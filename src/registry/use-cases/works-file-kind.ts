import { closeSync, openSync, readSync } from 'node:fs';

/** CWR files by their standard extensions (`.V21`, `.V22`, 3.x `.SUB`, `.ISR`) or, whatever the name, by a leading HDR record; anything else is a works CSV. */
export function isCwrFile(file: string): boolean {
  if (/\.(V2\d|SUB|ISR)$/i.test(file)) return true;
  try {
    const fd = openSync(file, 'r');
    const head = Buffer.alloc(3);
    readSync(fd, head, 0, 3, 0);
    closeSync(fd);
    return head.toString('latin1') === 'HDR';
  } catch {
    return false;
  }
}
