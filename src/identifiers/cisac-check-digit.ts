/**
 * The CISAC weighted mod-10 check digit shared by ISWC (constant 1) and IPI base numbers
 * (constant 2): s = constant + Σ i·dᵢ over the 9 digits, check = (10 − s mod 10) mod 10.
 */
export function cisacCheckDigit(nineDigits: string, constant: number): number {
  let sum = constant;
  for (let i = 0; i < 9; i++) sum += (i + 1) * Number(nineDigits[i]);
  return (10 - (sum % 10)) % 10;
}
