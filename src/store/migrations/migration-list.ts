import type { Migration, MigrationProvider } from 'kysely';
import * as registry from './0001-registry.js';

/** The versioned migrations in order; a new one is one import and one entry here. */
export const migrationProvider: MigrationProvider = {
  async getMigrations(): Promise<Record<string, Migration>> {
    return { '0001-registry': registry };
  },
};
