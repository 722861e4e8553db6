/** How a DSP may have written a title or an artist differently from the catalogue. */
export type VariantKind = 'case' | 'accents' | 'featuring' | 'typo';

function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/œ/g, 'oe').replace(/Œ/g, 'OE');
}

function typo(text: string, random: () => number): string {
  if (text.length < 4) return text;
  const at = 1 + Math.floor(random() * (text.length - 2));
  return random() < 0.5 ? text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2) : text.slice(0, at) + text.slice(at + 1);
}

/**
 * A title and artist as a DSP without the ISRC might report them: changed case, accents dropped, a
 * "feat." credit added, or a typo; the kind is returned so tests can check that matching survives each.
 */
export function varyTitleArtist(title: string, artist: string, random: () => number): { title: string; artist: string; kind: VariantKind } {
  const r = random();
  if (r < 0.25) return { title: title.toUpperCase(), artist: artist.toLowerCase(), kind: 'case' };
  if (r < 0.5) return { title: stripAccents(title), artist: stripAccents(artist), kind: 'accents' };
  if (r < 0.75) return { title: `${title} (feat. Guest ${Math.floor(random() * 100)})`, artist, kind: 'featuring' };
  return { title: typo(title, random), artist, kind: 'typo' };
}
