import { currentIo } from './cli-io.js';

/** JSON text of a value with bigints written as strings of integers (money is never a float). */
export function toJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v), indent);
}

/** Writes a value as JSON to standard output: with `--json`, nothing else goes there. */
export function printJson(value: unknown): void {
  currentIo().stdout.write(`${toJson(value)}\n`);
}

/** Writes a line for a person to standard output. */
export function printLine(text = ''): void {
  currentIo().stdout.write(`${text}\n`);
}

/** Writes progress or a warning to standard error, so `--json` output stays clean. */
export function printNotice(text: string): void {
  currentIo().stderr.write(`${text}\n`);
}
