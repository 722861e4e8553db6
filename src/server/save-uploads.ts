import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { ClefError, isClefError } from '../errors/index.js';

/** Uploaded files saved under their own names in a fresh folder, and how to remove them. */
export interface SavedUploads {
  readonly paths: string[];
  /** Each file by the form field it came in (the last one when a field carries several). */
  readonly files: Record<string, string>;
  readonly fields: Record<string, string>;
  remove(): void;
  /** The error with the server's upload folder taken out of its message and location: a user sees its own file names. */
  hideFolder(error: unknown): unknown;
}

/**
 * Streams a multipart request's files to disk one after another (never whole in memory: DSR files run to gigabytes),
 * keeping each file's own base name (a DSR file name carries its report's identity). Text fields come back too.
 * `optional` accepts a form with no file (an attribution report may be left out).
 */
export async function saveUploads(request: FastifyRequest, uploadDir: string, options: { optional?: boolean } = {}): Promise<SavedUploads> {
  if (!request.isMultipart()) throw new ClefError('CLEF_SERVER_REQUEST_INVALID', 'send the file as multipart/form-data', { field: 'file' });
  const dir = join(uploadDir, randomBytes(8).toString('hex'));
  mkdirSync(dir, { recursive: true });
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const paths: string[] = [];
  const files: Record<string, string> = {};
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (!part.filename) {
        // A browser sends a form's empty file input as a part without a name: no file chosen.
        part.file.resume();
        continue;
      }
      const name = basename(part.filename || 'upload').replace(/[^\w.\-]/g, '_') || 'upload';
      // A folder per file: two files of the same name (a manifest and a summary both called data.json) never collide.
      const fileDir = join(dir, String(paths.length + 1));
      mkdirSync(fileDir);
      const path = join(fileDir, name);
      await pipeline(part.file, createWriteStream(path));
      paths.push(path);
      files[part.fieldname] = path;
    }
  } catch (error) {
    remove();
    throw error;
  }
  if (paths.length === 0 && !options.optional) {
    remove();
    throw new ClefError('CLEF_SERVER_REQUEST_INVALID', 'no file in the upload', { field: 'file' });
  }
  const folderOf = new RegExp(`${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\${sep}\\d+\\${sep}`, 'g');
  const hideFolder = (error: unknown) => {
    if (!isClefError(error)) return error;
    const location = error.location && { ...error.location, ...(error.location.file ? { file: basename(error.location.file) } : {}) };
    return Object.assign(Object.create(ClefError.prototype) as ClefError, error, { message: error.message.replace(folderOf, ''), location });
  };
  return { paths, files, fields, remove, hideFolder };
}
