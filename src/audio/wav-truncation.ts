/**
 * Why a WAV file is cut short, or undefined when it is whole: its `data` chunk declares more bytes than the file
 * holds after it. Decoders read such a file silently up to where it ends, so the check runs on the header.
 * A declared size of 0 or 0xFFFFFFFF (a stream written without knowing its length) is not a truncation.
 * @example wavTruncation(header, 1000) // 'the data chunk declares 529200 bytes of audio, the file holds 956'
 */
export function wavTruncation(head: Uint8Array, fileSize: number): string | undefined {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const tag = (at: number) => String.fromCharCode(...head.subarray(at, at + 4));
  if (head.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') return undefined;
  let at = 12;
  while (at + 8 <= head.length) {
    const size = view.getUint32(at + 4, true);
    if (tag(at) === 'data') {
      if (size === 0 || size === 0xffffffff) return undefined;
      const holds = Math.max(0, fileSize - (at + 8));
      return holds < size ? `the data chunk declares ${size} bytes of audio, the file holds ${holds}: it is truncated` : undefined;
    }
    at += 8 + size + (size % 2);
  }
  return undefined;
}
