/**
 * A CSV cell as spreadsheets may open it safely: quoted when it holds a quote, comma or line break, and a text that
 * starts with `=`, `+`, `-`, `@`, tab or carriage return prefixed with `'` so no spreadsheet runs it as a formula
 * (OWASP CSV injection). Plain integers, negative amounts included, stay numbers.
 */
export function csvCell(value: string | null): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text) && !/^-\d+$/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
