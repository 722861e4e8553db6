import type { Kysely } from 'kysely';
import { defineIndex, defineTable } from './define-table.js';

/** Users with their role and binding, API tokens and web sessions (digests only) for the HTTP API and the portal. */
export async function up(db: Kysely<any>): Promise<void> {
  await defineTable(db, 'users', [
    ['user_name', 'text'], ['role', 'text'], ['party_id', 'text', 'null'], ['licensee_id', 'text', 'null'], ['dpid', 'text', 'null'],
    ['password_hash', 'text', 'null'], ['created_at', 'text'], ['actor', 'text'],
  ], ['user_name']);
  await defineTable(db, 'api_tokens', [
    ['token_digest', 'text'], ['user_name', 'text'], ['prefix', 'text'], ['created_at', 'text'], ['revoked_at', 'text', 'null'],
  ], ['token_digest']);
  await defineIndex(db, 'api_tokens', ['user_name']);
  await defineTable(db, 'web_sessions', [
    ['session_digest', 'text'], ['user_name', 'text'], ['csrf_token', 'text'], ['created_at', 'text'], ['expires_at', 'text'],
  ], ['session_digest']);
}
