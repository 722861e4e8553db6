/**
 * The text of an identifier without separators (spaces, hyphens, dots, slashes), uppercased,
 * and without a leading label such as `ISWC:`, `ISNI ` or the DSR namespace form `ISNI::`.
 * @example compactIdentifier('iswc: t-034.524.680-1', 'ISWC') === 'T0345246801'
 */
export function compactIdentifier(text: string, label?: string): string {
  let upper = text.trim().toUpperCase();
  if (label) {
    const labelled = new RegExp(`^${label}(?:\\s*:+\\s*|\\s+)`);
    upper = upper.replace(labelled, '');
  }
  return upper.replace(/[\s\-\u2010-\u2015./_]/g, '');
}
