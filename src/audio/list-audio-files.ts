import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { ClefError } from '../errors/clef-error.js';

/** File extensions treated as audio when a folder is walked. */
export const audioExtensions = new Set(['.wav', '.flac', '.mp3', '.ogg', '.oga', '.opus', '.m4a', '.aac', '.wma', '.aif', '.aiff']);

/** The audio files of a path: the file itself, or every audio file under a folder (recursively, sorted). */
export async function listAudioFiles(path: string): Promise<string[]> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new ClefError('CLEF_FILE_UNREADABLE', `cannot read: ${(error as Error).message}`, { file: path });
  }
  if (!info.isDirectory()) return [path];
  const found: string[] = [];
  for (const entry of (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) found.push(...(await listAudioFiles(full)));
    else if (audioExtensions.has(extname(entry.name).toLowerCase())) found.push(full);
  }
  return found;
}
