import { createWriteStream, lstatSync, mkdirSync, renameSync, rmSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import { ClefError } from '../../errors/index.js';

function temporaryOf(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

/**
 * Makes the output's folder and refuses a path that is a symbolic link: a link planted where Clef writes would
 * otherwise have its target overwritten. The new file is created exclusively under a temporary name, so a link
 * planted there is refused too.
 */
function prepare(path: string): { target: string; direct: boolean } {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw new ClefError('CLEF_OUTPUT_UNWRITABLE', `cannot create the folder ${dirname(path)}: ${(error as Error).message}`, { file: path });
  }
  let existing: Stats | undefined;
  try {
    existing = lstatSync(path);
  } catch {
    // Nothing there yet.
  }
  if (existing?.isSymbolicLink()) throw new ClefError('CLEF_OUTPUT_SYMLINK', `${path} is a symbolic link: Clef does not write through links; remove it or choose another output`, { file: path });
  if (existing?.isDirectory()) throw new ClefError('CLEF_OUTPUT_UNWRITABLE', `${path} is a folder: name a file to write`, { file: path });
  // A device or pipe (/dev/stdout, a FIFO) is written as it is: renaming a file over it would replace the device.
  if (existing !== undefined && !existing.isFile()) return { target: path, direct: true };
  return { target: temporaryOf(path), direct: false };
}

// A full disk keeps its system error so the edge reports it as CLEF_DISK_FULL.
function unwritable(path: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return error;
  return error instanceof ClefError ? error : new ClefError('CLEF_OUTPUT_UNWRITABLE', `cannot write ${path}: ${(error as Error).message}`, { file: path });
}

/** Writes a whole output file through a temporary file renamed into place: readers never see half a file. */
export function writeOutputFile(path: string, content: string | Uint8Array, encoding: BufferEncoding = 'utf8'): void {
  const { target, direct } = prepare(path);
  const flag = direct ? 'w' : 'wx';
  try {
    writeFileSync(target, content, typeof content === 'string' ? { encoding, flag } : { flag });
    if (!direct) renameSync(target, path);
  } catch (error) {
    if (!direct) rmSync(target, { force: true });
    throw unwritable(path, error);
  }
}

/**
 * Streams an output file (a CWR export, an acknowledgement) through a temporary file: the text is renamed into
 * place only when `chunks` ends; a failure on the way removes it and leaves no partial file.
 */
export async function writeOutputStream(path: string, chunks: AsyncIterable<string>, encoding: BufferEncoding = 'utf8'): Promise<void> {
  const { target, direct } = prepare(path);
  const out = createWriteStream(target, { encoding, flags: direct ? 'w' : 'wx' });
  // Write errors reach the caller through `finished`; a write still pending when the stream is destroyed must not crash the process.
  out.on('error', () => undefined);
  try {
    for await (const chunk of chunks) {
      if (!out.write(chunk)) await new Promise<void>((resolve, reject) => { out.once('drain', resolve); out.once('error', reject); });
    }
    out.end();
    await finished(out);
    if (!direct) renameSync(target, path);
  } catch (error) {
    out.destroy();
    if (!direct) rmSync(target, { force: true });
    throw unwritable(path, error);
  }
}
