/** The default embedded store: `./clef.duckdb`, or `CLEF_DB`. */
export function defaultStoreLocation(env: NodeJS.ProcessEnv = process.env): string {
  return env.CLEF_DB || './clef.duckdb';
}

/** True when a location names a PostgreSQL server rather than an embedded file. */
export function isPostgresLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location);
}
