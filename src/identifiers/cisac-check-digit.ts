/**
 * The CISAC weighted mod-10 check digit shared by ISWC (constant 1) and IPI base numbers
 * (constant 2): s = constant + Σ i·dᵢ over the 9 digits starting at `from`, check = (10 − s mod 10) mod 10.
 */
export function cisacCheckDigit(digits: string, constant: number, from = 0): number {
  let sum = constant;
  for (let i = 0; i < 9; i++) sum += (i + 1) * (digits.charCodeAt(from + i) - 48);
  return (10 - (sum % 10)) % 10;
}
