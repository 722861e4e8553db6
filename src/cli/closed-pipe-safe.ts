import type { CliStream } from './cli-io.js';

/**
 * The process's output stream for the commands, made quiet when its reader goes away: once a write meets
 * EPIPE (`clef balances | head` after head has read its lines), the rest of the output is dropped and the
 * command finishes with its own exit status instead of dying on an unhandled 'error' event (docs/errors.md).
 */
export function closedPipeSafe(stream: NodeJS.WriteStream): CliStream {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return {
    get isTTY() {
      return stream.isTTY;
    },
    write(text: string) {
      if (closed) return false;
      try {
        return stream.write(text);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
        closed = true;
        return false;
      }
    },
  };
}
