import decodeWav from '@audio/decode-wav';
import decodeMp3 from '@audio/decode-mp3';
import decodeFlac from '@audio/decode-flac';
import decodeVorbis from '@audio/decode-vorbis';
import decodeOpus from '@audio/decode-opus';
import { detectAudioFormat } from '../audio-format.js';

/** Decodes a file with the MIT decoders to its channels of samples, for before-and-after comparisons in tests. */
export async function decodeSamples(bytes: Uint8Array): Promise<Float32Array[]> {
  const format = detectAudioFormat(bytes);
  const copy = bytes.slice();
  if (format === 'wav') return (await decodeWav(copy)).channelData;
  if (format === 'mp3') return (await decodeMp3(copy)).channelData;
  if (format === 'flac') return (await decodeFlac(copy)).channelData;
  const isOpus = String.fromCharCode(...bytes.subarray(28, 36)) === 'OpusHead';
  return (isOpus ? await decodeOpus(copy) : await decodeVorbis(copy)).channelData;
}
