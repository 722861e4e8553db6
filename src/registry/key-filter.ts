/** A fixed-size set of strings that may answer "maybe" for a string never added, and never "no" for one added. */
export interface KeyFilter {
  /** Records a key. */
  add(key: string): void;
  /** False proves the key was never added; true means it probably was. */
  mayHave(key: string): boolean;
}

const hashes = 4;

/**
 * A Bloom filter over `2 ** log2Bits` bits: memory stays fixed however many keys are added, and false positives
 * stay rare (about 0.2 % at 1 M keys with the default 16 M bits), so an import remembers what it wrote without
 * keeping the keys themselves.
 * @example const seen = createKeyFilter(); seen.add('A1'); seen.mayHave('A1') // true
 */
export function createKeyFilter(log2Bits = 24): KeyFilter {
  const mask = 2 ** log2Bits - 1;
  const words = new Int32Array(2 ** Math.max(0, log2Bits - 5));
  // Double hashing (Kirsch and Mitzenmacher): two 32-bit FNV-1a variants stand for k independent hashes.
  const positions = (key: string, visit: (bit: number) => boolean): boolean => {
    let a = 0x811c9dc5;
    let b = 0x01000193;
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      a = Math.imul(a ^ code, 0x01000193);
      b = Math.imul(b ^ code, 0x5bd1e995) ^ (b >>> 15);
    }
    b |= 1;
    for (let k = 0; k < hashes; k++) if (!visit((a + Math.imul(k, b)) & mask)) return false;
    return true;
  };
  return {
    add(key) {
      positions(key, (bit) => {
        words[bit >>> 5] |= 1 << (bit & 31);
        return true;
      });
    },
    mayHave(key) {
      return positions(key, (bit) => (words[bit >>> 5] & (1 << (bit & 31))) !== 0);
    },
  };
}
