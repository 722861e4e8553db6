/** The containers and codecs Clef decodes without system binaries. */
export type AudioFormat = 'wav' | 'flac' | 'mp3' | 'vorbis' | 'opus';

/**
 * Recognizes an audio format from the first bytes of a file (at least 64 are needed for Ogg):
 * RIFF/WAVE, fLaC, an Ogg page carrying OpusHead or a Vorbis header, ID3 or an MPEG audio frame sync.
 * Returns undefined for anything else.
 */
export function sniffAudioFormat(head: Uint8Array): AudioFormat | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'wav';
  if (ascii(0, 4) === 'fLaC') return 'flac';
  if (ascii(0, 4) === 'OggS') {
    const page = ascii(0, Math.min(head.length, 128));
    if (page.includes('OpusHead')) return 'opus';
    if (page.includes('vorbis')) return 'vorbis';
    return undefined;
  }
  if (ascii(0, 3) === 'ID3') return 'mp3';
  // MPEG-1/2 layer III frame sync: 11 set bits, then a layer field of 01.
  if (head.length >= 2 && head[0] === 0xff && (head[1] & 0xe0) === 0xe0 && (head[1] & 0x06) === 0x02) return 'mp3';
  return undefined;
}
