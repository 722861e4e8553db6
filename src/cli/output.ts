import { currentIo } from './cli-io.js';

/** JSON text of a value with bigints written as strings of integers (money is never a float). */
export function toJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v), indent);
}

// Control characters other than tab and newline (ANSI escapes, BEL, NUL, C1 codes) could recolour, retitle or
// corrupt a terminal when a stored value or a file name holds them; they are printed as visible escapes.
const controlCharacters = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/** Text safe to print to a terminal: control characters other than tab and newline become `\u001b`-style escapes. */
export function visibleText(text: string): string {
  return text.replace(controlCharacters, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Writes a value as JSON to standard output: with `--json`, nothing else goes there. */
export function printJson(value: unknown): void {
  currentIo().stdout.write(`${toJson(value)}\n`);
}

/** Writes a line for a person to standard output. */
export function printLine(text = ''): void {
  currentIo().stdout.write(`${visibleText(text)}\n`);
}

/** Writes progress or a warning to standard error, so `--json` output stays clean. */
export function printNotice(text: string): void {
  currentIo().stderr.write(`${visibleText(text)}\n`);
}
