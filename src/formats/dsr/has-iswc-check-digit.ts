/**
 * True when the text is an ISWC in its compact form (`T` and 10 digits) with a correct check digit:
 * the fast path taken for each of millions of DSR cells before the general parseIswc of src/identifiers.
 */
export function hasIswcCheckDigit(text: string): boolean {
  if (text.length !== 11 || text.charCodeAt(0) !== 84) return false;
  let sum = 1;
  for (let i = 1; i <= 9; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    sum += i * d;
  }
  const check = text.charCodeAt(10) - 48;
  return check === (10 - (sum % 10)) % 10;
}
