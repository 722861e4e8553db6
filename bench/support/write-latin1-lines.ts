import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** Writes generated CWR lines to a latin-1 file in 1 MB writes, honouring back-pressure (for the CWR benchmarks). */
export async function writeLatin1Lines(path: string, lines: AsyncIterable<string> | Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  let buffer = '';
  for await (const line of lines) {
    buffer += line;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer, 'latin1')) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer, 'latin1');
  await once(out, 'finish');
}
