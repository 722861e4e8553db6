/**
 * Matching keys: the normalized title, artist and creator-name forms that registration and usage
 * ingestion store, computed here in TypeScript so both database engines match identically.
 */

/** Letters NFKD does not decompose into a base letter and a mark. */
const foldedLetters: Record<string, string> = {
  ß: 'ss', ẞ: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', ł: 'l', Ł: 'l',
  đ: 'd', Đ: 'd', ð: 'd', Ð: 'd', þ: 'th', Þ: 'th', ı: 'i', ħ: 'h', Ħ: 'h',
};

/** Combining diacritics of Latin, Greek and Cyrillic; the marks of other scripts (kana voicing, Indic vowel signs) carry meaning and stay. */
const diacritics = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

/** Leading articles dropped from titles and artist names (English, French, Spanish, German, Italian, Dutch). */
const articles = new Set(['the', 'a', 'an', 'le', 'la', 'les', 'el', 'los', 'las', 'der', 'die', 'das', 'il', 'lo', 'gli', 'de', 'het', 'een', 'un', 'une', 'una', 'uno', 'ein', 'eine']);

/** True for a word `titleKey` drops when it leads a title (`the`, `la`, `die` …). */
export function isArticle(word: string): boolean {
  return articles.has(word);
}

/** Words that mark a bracketed or dash-separated part of a title as version information. */
const versionWords =
  /\b(?:remaster\w*|live|en vivo|ao vivo|en directo|feat|ft|featuring|with|remix\w*|mix|edit|version|radio|mono|stereo|acoustic|acustico|demo|instrumental|explicit|clean|bonus|deluxe|single|extended|reprise|karaoke|unplugged|session|sessions|take|from|anniversary|edition|re-?recorded|\d{4})\b/;

/** Case, accents and compatibility forms folded away; punctuation kept for the later steps. */
function fold(text: string): string {
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  const decomposed = text.normalize('NFKD').replace(diacritics, '');
  return decomposed.replace(/[ßẞæÆœŒøØłŁđĐðÐþÞıħĦ]/g, (letter) => foldedLetters[letter]).toLowerCase().normalize('NFC');
}

/** Spaces, punctuation and symbols to single spaces; apostrophes vanish (`don't` → `dont`) and dotted initials join (`r.e.m.` → `rem`). */
function squash(text: string): string {
  let squashed = text;
  if (squashed.includes('.')) squashed = squashed.replace(/(?:\p{L}\.){2,}/gu, (initials) => initials.replaceAll('.', ''));
  squashed = squashed.replace(/['’ʼ`´]/g, '');
  if (squashed.includes('&')) squashed = squashed.replace(/&/g, ' and ');
  return squashed.replace(/[\p{P}\p{S}\p{Z}\p{Cc}\s]+/gu, ' ').trim();
}

/** A catalogue-style trailing article (`river, the`) dropped, since it is the moved leading article. */
function dropInvertedArticle(text: string): string {
  const match = /,\s*(\p{L}+)\s*$/u.exec(text);
  return match && articles.has(match[1]) ? text.slice(0, match.index) : text;
}

/** One leading article dropped (`the river` → `river`, `l'amour` → `amour`) when words remain after it. */
function dropLeadingArticle(folded: string): string {
  const elided = /^l['’ʼ]\s*(?=\p{L})/u.exec(folded);
  if (elided) return folded.slice(elided[0].length);
  const space = folded.search(/\s/);
  if (space < 1 || !articles.has(folded.slice(0, space))) return folded;
  const rest = folded.slice(space).trimStart();
  return rest === '' ? folded : rest;
}

interface SplitTitle {
  readonly title: string;
  readonly version: string[];
}

/** Bracketed version info, a version suffix after a dash and an unbracketed `feat.` credit taken out of a folded title. */
function splitVersion(folded: string): SplitTitle {
  const version: string[] = [];
  let title = folded.replace(/\s*[([{]([^()[\]{}]*)[)\]}]/g, (whole, inside: string, offset: number) => {
    if (offset === 0 || !versionWords.test(inside)) return whole;
    version.push(inside);
    return ' ';
  });
  const parts = title.split(/\s[-–—]\s/);
  const suffixes: string[] = [];
  while (parts.length > 1 && versionWords.test(parts[parts.length - 1])) suffixes.unshift(parts.pop()!);
  version.push(...suffixes);
  title = parts.join(' - ');
  const credit = /\s(?:feat\.?|ft\.|featuring)\s.*$/.exec(title);
  if (credit && credit.index > 0) {
    version.push(credit[0].trim());
    title = title.slice(0, credit.index);
  }
  return { title, version };
}

/**
 * The matching key of a work or recording title: case, accents, punctuation, a leading article
 * and version information (`(Remastered 2011)`, `- Live`, `feat. X`) removed, `&` read as `and`.
 * @example titleKey('The River (Remastered 2011)') === 'river'
 */
export function titleKey(text: string): string {
  const { title } = splitVersion(fold(text));
  const key = squash(dropLeadingArticle(dropInvertedArticle(title)));
  return key === '' ? squash(fold(text)) : key;
}

/**
 * The version information `titleKey` leaves out (`remastered 2011`, `live`), as a key of its own,
 * or `undefined` when the title has none; useful to tell a live recording from the studio one.
 * @example versionHint('Hey Jude - Remastered 2015') === 'remastered 2015'
 */
export function versionHint(text: string): string | undefined {
  const hint = squash(splitVersion(fold(text)).version.join(' '));
  return hint === '' ? undefined : hint;
}

/** Separators between the credited artists of a display artist name. */
const creditSeparator = /\s*(?:[,;&]|\s[/+]\s|\s(?:feat\.?|ft\.?|featuring|with|x|vs\.?|and)\s|[([{]\s*(?:feat\.?|ft\.?|featuring|with)\s)\s*/;

/**
 * The keys of every artist credited in a display artist name, main artist first:
 * `feat.`, `ft.`, `featuring`, `with`, `&`, `and`, ` x `, `vs`, commas and spaced ` / ` or ` + ` split credits
 * (`AC/DC` stays one artist).
 * @example artistKeys('Beyoncé feat. Jay-Z') // ['beyonce', 'jay z']
 */
export function artistKeys(text: string): string[] {
  const keys: string[] = [];
  for (const credit of dropInvertedArticle(fold(text)).split(creditSeparator)) {
    const key = squash(dropLeadingArticle(credit.trim()));
    if (key !== '' && !keys.includes(key)) keys.push(key);
  }
  return keys;
}

/**
 * The key of the main artist of a display artist name (featured artists split off).
 * @example artistKey('The Beatles') === 'beatles'; artistKey('Beyoncé feat. Jay-Z') === 'beyonce'
 */
export function artistKey(text: string): string {
  return artistKeys(text)[0] ?? '';
}

/**
 * The order-insensitive key of a creator's name, so `SMITH JOHN`, `Smith, John` and `John Smith`
 * match: folded tokens sorted by code unit. Articles stay (`De Niro`).
 * @example nameKey('SMITH, JOHN') === nameKey('John Smith') // 'john smith'
 */
export function nameKey(name: string): string {
  return squash(fold(name)).split(' ').filter(Boolean).sort().join(' ');
}
