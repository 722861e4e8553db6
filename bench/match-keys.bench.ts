// Benchmark: the matching keys computed for every usage line at DSR ingestion (titleKey, artistKey, trigrams)
// and the scoring of candidates (titleSimilarity), on N generated DSR-style titles and display artists (default 1 M)
// with accents, articles, bracketed versions and feat. credits. Usage: npm run bench:match-keys -- [--lines N]
import { artistKey, titleKey } from '../src/registry/match-key.js';
import { titleSimilarity } from '../src/registry/title-similarity.js';
import { trigrams } from '../src/registry/trigrams.js';

const linesArg = process.argv.indexOf('--lines');
const lines = linesArg > 0 ? Number(process.argv[linesArg + 1]) : 1_000_000;

const words = ['River', 'of', 'Stars', 'Amour', 'Noche', 'Straße', 'Beyoncé', 'Heart', 'Café', 'Don\'t', 'Stop', 'Love', 'Mañana', 'Øresund', 'Light', 'Rock', '&', 'Roll', 'Sky', 'Ça'];
const versions = ['', '', '', ' (Remastered 2011)', ' - Live', ' [Radio Edit]', ' (feat. Jay-Z)'];
const articles = ['', '', 'The ', 'La ', 'Der '];
let seed = 42;
function next(n: number): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
}
function phrase(count: number): string {
  return Array.from({ length: count }, () => words[next(words.length)]).join(' ');
}
const titles = Array.from({ length: lines }, () => articles[next(articles.length)] + phrase(1 + next(4)) + versions[next(versions.length)]);
const artists = Array.from({ length: lines }, () => `${phrase(1 + next(2))}${next(4) === 0 ? ` feat. ${phrase(2)}` : ''}`);

function time(label: string, count: number, run: () => void): void {
  const start = process.hrtime.bigint();
  run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`${label}: ${count.toLocaleString('en')} in ${seconds.toFixed(2)} s = ${Math.round(count / seconds).toLocaleString('en')}/s`);
}

const keys: string[] = new Array(lines);
time('titleKey', lines, () => {
  for (let i = 0; i < lines; i++) keys[i] = titleKey(titles[i]);
});
let artistChars = 0;
time('artistKey', lines, () => {
  for (let i = 0; i < lines; i++) artistChars += artistKey(artists[i]).length;
});
let trigramCount = 0;
time('trigrams', lines, () => {
  for (let i = 0; i < lines; i++) trigramCount += trigrams(keys[i]).length;
});
const pairs = Math.min(lines, 200_000);
let scoreSum = 0;
time('titleSimilarity', pairs, () => {
  for (let i = 1; i < pairs; i++) scoreSum += titleSimilarity(keys[i - 1], keys[i]);
});
console.log(`(checksums: ${artistChars} artist key characters, ${trigramCount} trigrams, mean similarity ${(scoreSum / pairs).toFixed(3)})`);
