/** How a benchmark says which reader took a report (`IngestOptions.onReader`), and why the loader did not. */
export function describeReader(reader: 'engine' | 'typescript', why?: string): string {
  if (reader === 'engine') return "read by the engine's loader";
  return `read by the TypeScript reader${why ? ` (the loader did not take it: ${why})` : ''}`;
}
