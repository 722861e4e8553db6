import { AsyncLocalStorage } from 'node:async_hooks';

/** Where one run of the program writes, what environment it sees, and what it leaves to do when it ends. */
export interface CliIo {
  readonly stdout: CliStream;
  readonly stderr: CliStream;
  readonly env: NodeJS.ProcessEnv;
}

/** The part of a writable stream the commands use. */
export interface CliStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

interface CliRun {
  readonly io: CliIo;
  exitCode: number;
  readonly cleanups: Array<() => Promise<void> | void>;
}

const processIo: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env };

// One run per async context, so tests can run the program in-process (as Fastify's inject() does) while the
// real binary keeps writing to the process streams; commands never touch `process.stdout` or `process.env`.
const runs = new AsyncLocalStorage<CliRun>();

/** The io of the run in progress (the process's own streams outside a run). */
export function currentIo(): CliIo {
  return runs.getStore()?.io ?? processIo;
}

/** Sets the exit status the run ends with (e.g. 1 when a file was refused). */
export function setExitCode(code: number): void {
  const run = runs.getStore();
  if (run) run.exitCode = code;
  else process.exitCode = code;
}

/** Registers work to do when the run ends, whatever its outcome (closing a store opened for reading). */
export function atRunEnd(cleanup: () => Promise<void> | void): void {
  const run = runs.getStore();
  if (run) run.cleanups.push(cleanup);
  else process.once('beforeExit', () => void cleanup());
}

/** Runs `work` as one program run with its own io; returns the exit status it set, after its cleanups. */
export async function withCliRun(io: CliIo, work: () => Promise<number | undefined>): Promise<number> {
  const run: CliRun = { io, exitCode: 0, cleanups: [] };
  return runs.run(run, async () => {
    let status: number | undefined;
    try {
      status = await work();
    } finally {
      for (const cleanup of run.cleanups.reverse()) await cleanup();
    }
    return status ?? run.exitCode;
  });
}
