/**
 * A text cell made safe for spreadsheets: one that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would
 * be read as a formula (OWASP "CSV injection"), so it gets a leading apostrophe. Only text from outside (titles,
 * names) goes through here; numbers Clef writes stay numbers.
 */
export function neutralizeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
