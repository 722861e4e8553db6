import type { Migration, MigrationProvider } from 'kysely';
import * as registry from './0001-registry.js';
import * as usage from './0002-usage.js';
import * as distribution from './0003-distribution.js';
import * as cwr from './0004-cwr.js';
import * as reserveClaims from './0005-reserve-claims.js';
import * as counterclaims from './0006-counterclaims.js';
import * as integrity from './0007-integrity.js';
import * as ai from './0008-ai.js';
import * as access from './0009-access.js';
import * as search from './0010-search.js';
import * as runSnapshot from './0011-run-snapshot.js';
import * as staging from './0012-staging.js';
import * as resume from './0013-resume.js';
import * as registryStaging from './0014-registry-staging.js';
import * as lookupKeys from './0015-lookup-keys.js';
import type { Engine } from '../engine.js';

/** The versioned migrations in order for an engine; a new one is one import and one entry here. */
export const migrationsFor = (engine: Pick<Engine, 'indexesStagedLookups'>): MigrationProvider => ({
  async getMigrations(): Promise<Record<string, Migration>> {
    return { '0001-registry': registry, '0002-usage': usage, '0003-distribution': distribution, '0004-cwr': cwr, '0005-reserve-claims': reserveClaims, '0006-counterclaims': counterclaims, '0007-integrity': integrity, '0008-ai': ai, '0009-access': access, '0010-search': search, '0011-run-snapshot': runSnapshot, '0012-staging': staging, '0013-resume': resume, '0014-registry-staging': registryStaging, '0015-lookup-keys': { up: (db) => lookupKeys.up(db, engine) } };
  },
});
