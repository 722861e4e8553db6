import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIpiNameNumber } from '../../src/identifiers/index.js';

/** A generated catalogue for search recall, and degraded queries with the work each should find. */
export interface SearchQuerySet {
  readonly csvPath: string;
  readonly queries: readonly { kind: 'typo' | 'accent' | 'article' | 'surname' | 'chinese'; query: string; submitterWorkNumber: string }[];
}

const syllables = ['ka', 'lo', 'mi', 'ra', 'ven', 'sol', 'tri', 'mar', 'del', 'nor', 'bel', 'cas', 'dor', 'fen', 'gal', 'hor', 'lin', 'mon', 'pel', 'ros', 'san', 'tor', 'val', 'zen'];
const accented = ['café', 'mañana', 'château', 'über', 'corazón', 'canción', 'été', 'noël', 'señor', 'olé', 'déjà', 'àlbum'];
const han = Array.from('月亮代表我的心爱情天空海风雨花夜星光梦春秋冬夏山水云朋友时间永远回家故乡城市歌声快乐眼泪微笑明日青春');

function ipiOf(n: number): string {
  for (let c = 0; c < 100; c++) {
    const value = String(n).padStart(9, '0') + String(c).padStart(2, '0');
    if (parseIpiNameNumber(value).ok) return value;
  }
  throw new Error('no check digits');
}

/** Deterministic: the same `works` gives the same catalogue and queries. */
export function writeSearchQuerySet(dir: string, works: number): SearchQuerySet {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const word = () => pick(syllables) + pick(syllables) + (random() < 0.5 ? pick(syllables) : '');
  const vocabulary = [...new Set(Array.from({ length: 400 }, word))];
  const surnames = [...new Set(Array.from({ length: 3000 }, () => word().toUpperCase() + pick(syllables).toUpperCase()))].slice(0, Math.ceil(works / 3));
  const rows: string[] = ['submitter_work_number,title,party1_role,party1_ipi,party1_name,party1_first_name,party1_pr_share,party1_mr_share,party1_pr_society'];
  const titles: { number: string; title: string; surname: string; chinese: boolean }[] = [];
  for (let i = 0; i < works; i++) {
    const chinese = i % 10 === 9;
    const length = 2 + Math.floor(random() * 3);
    const title = chinese
      ? Array.from({ length: 4 + Math.floor(random() * 4) }, () => pick(han)).join('')
      : (i % 5 === 0 ? 'The ' : '') + Array.from({ length }, (_, w) => (w === 0 && i % 4 === 1 ? pick(accented) : pick(vocabulary))).join(' ').replace(/(^|\s)\p{L}/gu, (c) => c.toUpperCase());
    const writer = i % surnames.length;
    const number = `S${i}`;
    titles.push({ number, title, surname: surnames[writer], chinese });
    rows.push(`${number},${title},CA,${ipiOf(200000 + writer)},${surnames[writer]},${['Ana', 'Li', 'Jean', 'Mika'][writer % 4]},100,100,119`);
  }
  titles.push({ number: 'MOON', title: '月亮代表我的心', surname: 'WENG', chinese: true });
  rows.push(`MOON,月亮代表我的心,CA,${ipiOf(199999)},WENG,Ching-hsiang,100,100,119`);
  const csvPath = join(dir, 'search-set.csv');
  writeFileSync(csvPath, rows.join('\n') + '\n');

  const latin = titles.filter((t) => !t.chinese);
  const queries: SearchQuerySet['queries'][number][] = [];
  const typo = (title: string) => {
    const words = title.toLowerCase().split(' ');
    const long = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 4);
    const [target, at] = pick(long.length > 0 ? long : words.map((w, i) => [w, i] as const));
    const chars = Array.from(target);
    const p = 1 + Math.floor(random() * (chars.length - 2));
    const r = random();
    if (r < 0.34) chars.splice(p, 1);
    else if (r < 0.67) [chars[p], chars[p + 1]] = [chars[p + 1], chars[p]];
    else chars[p] = chars[p] === 'x' ? 'q' : 'x';
    words[at] = chars.join('');
    return words.join(' ');
  };
  for (let q = 0; q < 30; q++) {
    const t = pick(latin);
    queries.push({ kind: 'typo', query: typo(t.title), submitterWorkNumber: t.number });
  }
  const withAccents = latin.filter((t) => /[^\x00-\x7f]/.test(t.title));
  for (let q = 0; q < 30; q++) {
    const t = pick(withAccents);
    queries.push({ kind: 'accent', query: t.title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase(), submitterWorkNumber: t.number });
  }
  for (let q = 0; q < 30; q++) {
    const t = pick(latin);
    queries.push({ kind: 'article', query: t.title.startsWith('The ') ? t.title.slice(4) : `the ${t.title}`, submitterWorkNumber: t.number });
  }
  for (let q = 0; q < 30; q++) {
    const t = pick(titles.slice(0, works));
    queries.push({ kind: 'surname', query: t.surname.toLowerCase(), submitterWorkNumber: t.number });
  }
  const chinese = titles.filter((t) => t.chinese);
  for (let q = 0; q < 29; q++) {
    const t = pick(chinese);
    const chars = Array.from(t.title);
    const from = Math.floor(random() * (chars.length - 2));
    queries.push({ kind: 'chinese', query: chars.slice(from, from + 3).join(''), submitterWorkNumber: t.number });
  }
  queries.push({ kind: 'chinese', query: '月亮', submitterWorkNumber: 'MOON' });
  return { csvPath, queries };
}
