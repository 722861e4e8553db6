import { Worker } from 'node:worker_threads';
import { ClefError } from '../errors/clef-error.js';
import type { ErrorCode } from '../errors/error-codes.js';
import type { IndexedRecording } from './audio-index.js';
import type { DecoderChoice } from './decode-audio-file.js';
import type { FingerprintParams } from './fingerprint-params.js';
import { mapInOrder } from './map-in-order.js';

/** What every worker of a pool is given once: the settings and, for identification, the index (shared memory). */
export interface AudioWorkerSetup {
  readonly params: FingerprintParams;
  readonly decoder: DecoderChoice;
  /** For identification: the lookup tables in SharedArrayBuffers and the catalogue of recordings. */
  readonly index?: {
    readonly offsets: Uint32Array;
    readonly times: Uint32Array;
    readonly recordings: readonly IndexedRecording[];
    readonly nextFrame: number;
  };
  /** Search the whole grid for every file (scans). */
  readonly exhaustive?: boolean;
}

/** One job for a worker: hash a file for the index, or identify the recordings in a file. */
export type AudioWorkerTask = { readonly kind: 'index'; readonly file: string } | { readonly kind: 'identify'; readonly file: string };

/** A worker's answer: a result, a ClefError (code and message) or a crash. */
export type AudioWorkerReply = { readonly id: number; readonly result?: unknown; readonly clefError?: { code: ErrorCode; message: string }; readonly crash?: string };

/** A fixed set of worker threads running audio tasks, each task on the next free worker. */
export interface AudioWorkerPool {
  readonly size: number;
  run<R>(task: AudioWorkerTask): Promise<R>;
  close(): Promise<void>;
}

/** A worker thread running audio-worker.ts (under tsx, in development and tests) or the compiled .js beside this file. */
function spawnWorker(setup: AudioWorkerSetup): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./audio-worker.js', import.meta.url), { workerData: setup });
  // A worker thread does not inherit tsx's loader hooks: it registers them before importing the .ts entry.
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL('./audio-worker.ts', import.meta.url).href);
  return new Worker(`import(${tsx}).then((api) => { api.register(); return import(${entry}); })`, { eval: true, workerData: setup });
}

interface Job {
  readonly id: number;
  readonly task: AudioWorkerTask;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** Starts `size` audio worker threads (at least one), each given `setup` once. */
export function startAudioWorkers(size: number, setup: AudioWorkerSetup): AudioWorkerPool {
  const queue: Job[] = [];
  const busy = new Map<Worker, Job>();
  const idle: Worker[] = [];
  let nextId = 0;
  let broken: Error | undefined;
  const pump = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const job = queue.shift()!;
      busy.set(worker, job);
      worker.postMessage({ id: job.id, task: job.task });
    }
  };
  const workers = Array.from({ length: Math.max(1, size) }, () => {
    const worker = spawnWorker(setup);
    worker.on('message', (reply: AudioWorkerReply) => {
      const job = busy.get(worker);
      busy.delete(worker);
      idle.push(worker);
      if (job) {
        if (reply.clefError) job.reject(new ClefError(reply.clefError.code, reply.clefError.message));
        else if (reply.crash !== undefined) job.reject(new Error(reply.crash));
        else job.resolve(reply.result);
      }
      pump();
    });
    worker.on('error', (error) => {
      broken = error;
      busy.get(worker)?.reject(error);
      busy.delete(worker);
      for (const job of queue.splice(0)) job.reject(error);
    });
    idle.push(worker);
    return worker;
  });
  return {
    size: workers.length,
    run<R>(task: AudioWorkerTask) {
      if (broken) return Promise.reject(broken);
      return new Promise<R>((resolve, reject) => {
        queue.push({ id: nextId++, task, resolve: resolve as (value: unknown) => void, reject });
        pump();
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/**
 * Runs one task per file on a pool of `workers` threads and hands the results to `deliver` in file order
 * (so what is built from them does not depend on which thread finished first); the pool is closed afterwards.
 */
export async function runAudioTasks<R>(
  files: readonly string[],
  kind: AudioWorkerTask['kind'],
  workers: number,
  setup: AudioWorkerSetup,
  deliver: (result: R, n: number) => void | Promise<void>,
): Promise<void> {
  const pool = startAudioWorkers(Math.min(workers, files.length), setup);
  try {
    // Twice the pool's size in flight keeps every thread busy while a slow file holds back delivery.
    await mapInOrder(files, 2 * pool.size, (file) => pool.run<R>({ kind, file }), deliver);
  } finally {
    await pool.close();
  }
}
