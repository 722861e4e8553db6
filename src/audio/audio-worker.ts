// The entry of an audio worker thread (started by audio-worker-pool.ts): it receives tasks one at a time and
// answers each with its result, a ClefError or a crash.
import { parentPort, workerData } from 'node:worker_threads';
import { ClefError } from '../errors/clef-error.js';
import type { AudioIndex } from './audio-index.js';
import type { AudioWorkerReply, AudioWorkerSetup, AudioWorkerTask } from './audio-worker-pool.js';
import { hashFileForIndex } from './fingerprint-audio-file.js';
import { identifyAudioFile } from './identify-audio.js';

const setup = workerData as AudioWorkerSetup;
const index: AudioIndex | undefined = setup.index && {
  params: setup.params,
  recordings: [...setup.index.recordings],
  batches: [],
  nextFrame: setup.index.nextFrame,
  lookup: { offsets: setup.index.offsets, times: setup.index.times },
};

async function perform(task: AudioWorkerTask): Promise<{ result: unknown; transfer: ArrayBuffer[] }> {
  if (task.kind === 'index') {
    const result = await hashFileForIndex(task.file, setup.params, setup.decoder);
    return { result, transfer: 'audio' in result ? [result.audio.hashes.buffer as ArrayBuffer, result.audio.frames.buffer as ArrayBuffer] : [] };
  }
  if (!index) throw new Error('an identify task needs a worker started with the index');
  return { result: await identifyAudioFile(task.file, index, { decoder: setup.decoder, exhaustive: setup.exhaustive }), transfer: [] };
}

parentPort!.on('message', async ({ id, task }: { id: number; task: AudioWorkerTask }) => {
  let reply: AudioWorkerReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const done = await perform(task);
    reply = { id, result: done.result };
    transfer = done.transfer;
  } catch (error) {
    reply = error instanceof ClefError ? { id, clefError: { code: error.code, message: error.message } } : { id, crash: (error as Error).stack ?? String(error) };
  }
  parentPort!.postMessage(reply, transfer);
});
