import {
  DuckDBBlobValue,
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBListValue,
  DuckDBTimestampValue,
  DuckDBTimestampTZValue,
  type DuckDBValue,
} from '@duckdb/node-api';

/**
 * Turns a DuckDB value into the shape both engines return (DESIGN.md's normalization layer):
 * BIGINT stays bigint, DECIMAL becomes its exact text, DATE the ISO day (never shifted to local time),
 * TIMESTAMP an ISO string, LIST an array.
 */
export function fromDuckDbValue(value: DuckDBValue): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof DuckDBDecimalValue) return value.toString();
  if (value instanceof DuckDBDateValue) return value.toString();
  if (value instanceof DuckDBTimestampValue || value instanceof DuckDBTimestampTZValue) return value.toString();
  if (value instanceof DuckDBListValue) return value.items.map(fromDuckDbValue);
  if (value instanceof DuckDBBlobValue) return value.bytes;
  return value.toString();
}

/** Turns a query parameter into a DuckDB value: whole numbers bind as BIGINT so LIMIT and integer columns accept them. */
export function toDuckDbValue(value: unknown): DuckDBValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value;
  if (typeof value === 'string' || typeof value === 'bigint' || typeof value === 'boolean') return value;
  if (value instanceof Uint8Array) return new DuckDBBlobValue(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}
