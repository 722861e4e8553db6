import { ipiNameNumberWithCheckDigits, iswcWithCheckDigit } from '../../identifiers/index.js';
import { createSeededRandom, mixSeed } from '../../random/index.js';

/** A writer of the synthetic catalogue, with a valid IPI name number. */
export interface SyntheticWriter {
  readonly index: number;
  readonly ipiNameNumber: string;
  readonly lastName: string;
  readonly firstName: string;
}

/** One recording of the synthetic catalogue and the work it records. */
export interface SyntheticRecording {
  readonly index: number;
  readonly isrc: string;
  readonly iswc: string;
  readonly title: string;
  readonly artist: string;
  readonly writers: readonly SyntheticWriter[];
  /** Duration in seconds. */
  readonly seconds: number;
}

const words = [
  'Love', 'Night', 'Heart', 'River', 'Golden', 'Summer', 'Fire', 'Rain', 'Dream', 'Blue', 'Shadow', 'Light', 'Wild', 'Silver',
  'Ocean', 'Storm', 'Echo', 'Paper', 'Velvet', 'Midnight', 'Neon', 'Crystal', 'Winter', 'Honey', 'Ghost', 'Diamond', 'Thunder',
  'Café', 'Été', 'Théâtre', 'Señor', 'Garçon', 'Sunday', 'Road', 'Home', 'Island', 'Machine', 'Garden', 'Mirror', 'Satellite',
];
const firstNames = ['Ana', 'Léa', 'Marco', 'Chloé', 'Jonas', 'Inès', 'Tomás', 'Yuki', 'Amara', 'Noah', 'Zoë', 'Björn', 'Priya', 'Omar', 'Elif'];
const lastNames = ['Martin', 'Dubois', 'García', 'Müller', 'Rossi', 'Nakamura', 'Okafor', 'Silva', 'Novak', 'Larsen', 'Kowalski', 'Haddad', 'Moreau', 'Ibáñez'];
const artistSuffixes = ['', '', '', ' & The Band', ' Trio', ' Collective', ' Orchestra'];

function pick<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(random() * list.length)];
}

/** An 11-digit IPI name number with its mod-101 check digits, from a 9-digit base. */
export function ipiNameNumberOf(base: number): string {
  return ipiNameNumberWithCheckDigits(String(base).padStart(9, '0'));
}

/** The ISWC of work number `n`, with its check digit. */
export function iswcOf(n: number): string {
  return iswcWithCheckDigit(String(n).padStart(9, '0'));
}

/** The ISRC of recording `i` (registrant `QZ…`): unique for up to 10^9 recordings. */
export function isrcOf(i: number, country = 'QZ'): string {
  const designation = i % 100000;
  const block = Math.floor(i / 100000);
  const year = block % 100;
  const registrant = `C${Math.floor(block / 100).toString(36).toUpperCase().padStart(2, '0')}`;
  return `${country}${registrant}${String(year).padStart(2, '0')}${String(designation).padStart(5, '0')}`;
}

/** Writer `w` of the catalogue's writer pool. */
export function syntheticWriter(seed: number, w: number): SyntheticWriter {
  const random = createSeededRandom(mixSeed(seed ^ 0x5eed, w));
  return { index: w, ipiNameNumber: ipiNameNumberOf(100000000 + w * 7), lastName: `${pick(lastNames, random)} ${w}`, firstName: pick(firstNames, random) };
}

/** Recording `i` of a catalogue of the given seed and writer pool size: made alone, the same every time. */
export function syntheticRecording(seed: number, i: number, writerPool: number): SyntheticRecording {
  const random = createSeededRandom(mixSeed(seed, i));
  const titleWords = 1 + Math.floor(random() * 3);
  const title = [...Array(titleWords)].map(() => pick(words, random)).join(' ') + (random() < 0.5 ? ` ${i}` : '');
  const artist = `${pick(firstNames, random)} ${pick(lastNames, random)}${pick(artistSuffixes, random)}`;
  const writerCount = random() < 0.6 ? 1 : 2;
  const writers = [...Array(writerCount)].map(() => syntheticWriter(seed, Math.floor(random() * writerPool)));
  if (writers.length === 2 && writers[0].index === writers[1].index) writers.pop();
  return { index: i, isrc: isrcOf(i), iswc: iswcOf(200000000 + i), title, artist, writers, seconds: 120 + Math.floor(random() * 240) };
}
