import { spawn, spawnSync } from 'node:child_process';
import { open, type FileHandle } from 'node:fs/promises';
import { ClefError } from '../errors/clef-error.js';
import { createResampler } from './resampler.js';
import { wavTruncation } from './wav-truncation.js';
import { sniffAudioFormat, type AudioFormat } from './sniff-audio-format.js';

/** Which decoder to use: ffmpeg when installed (faster, every format), the bundled pure-JS/WASM ones, or either. */
export type DecoderChoice = 'auto' | 'ffmpeg' | 'js';

interface ChunkDecoder {
  decode(chunk: Uint8Array): { channelData: Float32Array[]; sampleRate: number };
  flush?(): { channelData: Float32Array[]; sampleRate: number };
  free(): void;
}

let ffmpegPresent: boolean | undefined;

/** True when an `ffmpeg` binary answers on the PATH (checked once per process). */
export function hasFfmpeg(): boolean {
  ffmpegPresent ??= spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status === 0;
  return ffmpegPresent;
}

/** Receives decoded mono samples chunk by chunk, in order. */
export type SampleSink = (chunk: Float32Array) => void;

/**
 * Decodes an audio file to mono at `sampleRate` Hz and hands the samples to `sink` as they are decoded, so a
 * file of any length is never held whole in memory. With `auto`, ffmpeg is used when present and the bundled MIT
 * decoders (WAV, FLAC, MP3, Ogg Vorbis, Ogg Opus) otherwise; unsupported or corrupt files throw a ClefError
 * (possibly after some chunks were delivered). Returns the number of samples delivered.
 */
export async function decodeAudioStream(path: string, sampleRate: number, choice: DecoderChoice, sink: SampleSink): Promise<number> {
  await refuseTruncatedWav(path);
  if (choice === 'ffmpeg' || (choice === 'auto' && hasFfmpeg())) return decodeWithFfmpeg(path, sampleRate, sink);
  return decodeWithJs(path, sampleRate, sink);
}

/** Decodes a whole audio file to mono at `sampleRate` Hz (see `decodeAudioStream`). */
export async function decodeAudioFile(path: string, sampleRate: number, choice: DecoderChoice = 'auto'): Promise<Float32Array> {
  const parts: Float32Array[] = [];
  const total = await decodeAudioStream(path, sampleRate, choice, (chunk) => parts.push(chunk));
  const samples = new Float32Array(total);
  let at = 0;
  for (const part of parts) {
    samples.set(part, at);
    at += part.length;
  }
  return samples;
}

async function openAudioFile(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r');
  } catch (error) {
    throw new ClefError('CLEF_FILE_UNREADABLE', `cannot open: ${(error as Error).message}`, { file: path });
  }
}

async function refuseTruncatedWav(path: string): Promise<void> {
  const handle = await openAudioFile(path);
  try {
    const head = new Uint8Array(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const truncated = wavTruncation(head.subarray(0, bytesRead), (await handle.stat()).size);
    if (truncated) throw new ClefError('CLEF_AUDIO_DECODE_FAILED', `cannot decode wav: ${truncated}`, { file: path });
  } finally {
    await handle.close();
  }
}

async function decodeWithFfmpeg(path: string, sampleRate: number, sink: SampleSink): Promise<number> {
  const child = spawn('ffmpeg', ['-v', 'error', '-nostdin', '-i', path, '-vn', '-ac', '1', '-ar', String(sampleRate), '-f', 'f32le', '-'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const closed = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  let total = 0;
  // A pipe chunk may end inside a sample: its bytes wait for the next chunk.
  const carry = new Uint8Array(4);
  let carried = 0;
  try {
    // Read with back-pressure: ffmpeg waits while the sink (the fingerprint) catches up.
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      const bytes = carried + chunk.length;
      const samples = new Float32Array(bytes >> 2);
      const view = new Uint8Array(samples.buffer);
      view.set(carry.subarray(0, carried));
      view.set(chunk.subarray(0, view.length - carried), carried);
      const rest = chunk.subarray(view.length - carried);
      carry.set(rest);
      carried = rest.length;
      if (samples.length > 0) {
        total += samples.length;
        sink(samples);
      }
    }
  } catch (error) {
    child.kill();
    await closed.catch(() => undefined);
    throw error;
  }
  const status = await closed;
  if (status !== 0 || total === 0) {
    const reason = errors.trim().split('\n').slice(-2).join(' ') || 'no audio stream';
    const code = /Invalid data found|could not find codec|does not contain any stream/i.test(reason) && total === 0
      ? 'CLEF_AUDIO_UNSUPPORTED_FORMAT'
      : 'CLEF_AUDIO_DECODE_FAILED';
    throw new ClefError(code, `cannot decode audio: ${reason}`, { file: path });
  }
  return total;
}

async function loadDecoder(format: AudioFormat): Promise<ChunkDecoder> {
  switch (format) {
    case 'wav':
      return (await import('@audio/decode-wav')).decoder();
    case 'flac':
      return (await import('@audio/decode-flac')).decoder();
    case 'mp3':
      return (await import('@audio/decode-mp3')).decoder();
    case 'vorbis':
      return (await import('@audio/decode-vorbis')).decoder();
    case 'opus':
      return (await import('@audio/decode-opus')).decoder();
  }
}

const readChunk = 1 << 18;

async function decodeWithJs(path: string, sampleRate: number, sink: SampleSink): Promise<number> {
  const handle = await openAudioFile(path);
  try {
    const head = new Uint8Array(128);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const format = sniffAudioFormat(head.subarray(0, bytesRead));
    if (!format) {
      throw new ClefError('CLEF_AUDIO_UNSUPPORTED_FORMAT', 'not WAV, FLAC, MP3, Ogg Vorbis or Ogg Opus; install ffmpeg for other formats', { file: path });
    }
    const decoder = await loadDecoder(format);
    let total = 0;
    let resampler: Awaited<ReturnType<typeof createResampler>> | undefined;
    const deliver = (out: Float32Array) => {
      if (out.length === 0) return;
      total += out.length;
      sink(out);
    };
    const take = async (data: { channelData: Float32Array[]; sampleRate: number }) => {
      const channels = data.channelData;
      if (channels.length === 0 || channels[0].length === 0) return;
      resampler ??= await createResampler(data.sampleRate, sampleRate);
      deliver(resampler.process(downmix(channels)));
    };
    try {
      const buffer = new Uint8Array(readChunk);
      let position = 0;
      for (;;) {
        const { bytesRead: n } = await handle.read(buffer, 0, readChunk, position);
        if (n === 0) break;
        position += n;
        await take(decoder.decode(buffer.slice(0, n)));
      }
      if (decoder.flush) await take(decoder.flush());
    } catch (error) {
      if (error instanceof ClefError) throw error;
      throw new ClefError('CLEF_AUDIO_DECODE_FAILED', `cannot decode ${format}: ${(error as Error).message}`, { file: path });
    } finally {
      decoder.free();
    }
    if (!resampler || total === 0) throw new ClefError('CLEF_AUDIO_DECODE_FAILED', `no audio decoded from this ${format} file`, { file: path });
    deliver(resampler.flush());
    return total;
  } finally {
    await handle.close();
  }
}

/** The mean of the channels: the fingerprint is taken from mono. */
function downmix(channels: Float32Array[]): Float32Array {
  if (channels.length === 1) return channels[0];
  const mono = new Float32Array(channels[0].length);
  for (const channel of channels) for (let i = 0; i < mono.length; i++) mono[i] += channel[i];
  const scale = 1 / channels.length;
  for (let i = 0; i < mono.length; i++) mono[i] *= scale;
  return mono;
}
