import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { ClefError } from '../errors/index.js';

/** Uploaded files saved under their own names in a fresh folder, and how to remove them. */
export interface SavedUploads {
  readonly paths: string[];
  readonly fields: Record<string, string>;
  remove(): void;
}

/**
 * Streams a multipart request's files to disk one after another (never whole in memory: DSR files run to gigabytes),
 * keeping each file's own base name (a DSR file name carries its report's identity). Text fields come back too.
 */
export async function saveUploads(request: FastifyRequest, uploadDir: string): Promise<SavedUploads> {
  if (!request.isMultipart()) throw new ClefError('CLEF_SERVER_REQUEST_INVALID', 'send the file as multipart/form-data', { field: 'file' });
  const dir = join(uploadDir, randomBytes(8).toString('hex'));
  mkdirSync(dir, { recursive: true });
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const paths: string[] = [];
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      const name = basename(part.filename || 'upload').replace(/[^\w.\-]/g, '_') || 'upload';
      const path = join(dir, name);
      await pipeline(part.file, createWriteStream(path));
      paths.push(path);
    }
  } catch (error) {
    remove();
    throw error;
  }
  if (paths.length === 0) {
    remove();
    throw new ClefError('CLEF_SERVER_REQUEST_INVALID', 'no file in the upload', { field: 'file' });
  }
  return { paths, fields, remove };
}
