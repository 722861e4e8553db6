import { ClefError } from '../errors/index.js';

/** A store location as it may be printed: the password of a postgres:// URL is hidden. */
export function printableStoreLocation(location: string): string {
  return location.replace(/^(postgres(?:ql)?:\/\/[^:/@]*:)[^@]*@/, '$1***@');
}

/**
 * The coded error for a failure to open a store, or undefined when the failure is not one a user causes:
 * a DuckDB file another process holds, a PostgreSQL server that cannot be reached or refuses the login,
 * a database that does not exist, a full disk.
 */
export function storeOpenError(error: unknown, location: string): ClefError | undefined {
  const where = printableStoreLocation(location);
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | undefined)?.code;
  const lock = /Conflicting lock is held in (.*?) \(PID (\d+)\)/.exec(message);
  if (lock || /Could not set lock on file/.test(message)) {
    const holder = lock ? `process ${lock[2]} (${lock[1]})` : 'another process';
    return new ClefError('CLEF_STORE_LOCKED', `${where} is in use by ${holder}: one process owns a DuckDB file, so wait for it to end, or use PostgreSQL (--db postgres://…) for concurrent use`);
  }
  const disk = diskFullError(error, where);
  if (disk) return disk;
  const reason = postgresRefusal(error, code);
  if (reason) return new ClefError('CLEF_STORE_UNREACHABLE', `cannot open the store ${where}: ${reason}`);
  return undefined;
}

/** CLEF_DISK_FULL when a failure was the disk (or quota) running out, naming where. */
export function diskFullError(error: unknown, where: string): ClefError | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code !== 'ENOSPC' && code !== 'EDQUOT' && !/No space left on device|Disk quota exceeded/i.test(message)) return undefined;
  return new ClefError('CLEF_DISK_FULL', `no space left writing ${where}: free some space and run the command again (nothing of this run was kept)`);
}

/**
 * CLEF_STORE_OUT_OF_MEMORY when the database ran out of memory (DuckDB under `CLEF_DUCKDB_MEMORY_LIMIT` or the
 * machine's; PostgreSQL's `out of memory`, SQLSTATE 53200): the statement's transaction was rolled back.
 */
export function outOfMemoryError(error: unknown): ClefError | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code !== '53200' && !/^Out of Memory Error: /.test(message)) return undefined;
  const detail = message.replace(/^Out of Memory Error: /, '').split('\n')[0];
  return new ClefError('CLEF_STORE_OUT_OF_MEMORY', `the database ran out of memory (${detail}): raise CLEF_DUCKDB_MEMORY_LIMIT or leave it unset, or use PostgreSQL; what this command was writing was rolled back, and a report left staging is removed by the next ingestion (or \`clef usage ingest --discard\`)`);
}

/**
 * The coded error for a PostgreSQL session the server ended while a command ran (a restart, an administrator's
 * pg_terminate_backend): the command's transaction was rolled back with the session, so it can simply run again.
 */
export function lostConnectionError(error: unknown): ClefError | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | undefined)?.code;
  if (!['57P01', '57P02', '57P03'].includes(String(code)) && !/^Connection terminated|^Client has encountered a connection error/.test(message)) return undefined;
  return new ClefError('CLEF_STORE_UNREACHABLE', `the PostgreSQL server ended the session (${message.split('\n')[0]}): what this command was writing was rolled back; run it again once the server is back`);
}

function postgresRefusal(error: unknown, code: unknown): string | undefined {
  switch (code) {
    case 'ECONNREFUSED':
      return 'the PostgreSQL server refuses connections (is it running, on that host and port?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the PostgreSQL host name does not resolve';
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'the PostgreSQL server cannot be reached';
    case '28P01':
    case '28000':
      return `the PostgreSQL server refuses the login (${(error as Error).message})`;
    case '3D000':
      return `${(error as Error).message}: create it (createdb) or name another database in the URL`;
  }
  // Node reports a host with several addresses (localhost: ::1 and 127.0.0.1) that all refuse as one AggregateError.
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const reason = postgresRefusal(inner, (inner as { code?: unknown }).code);
      if (reason) return reason;
    }
  }
  if (error instanceof Error && /Connection terminated|timeout expired|self[- ]signed|SSL/i.test(error.message)) return error.message;
  return undefined;
}
