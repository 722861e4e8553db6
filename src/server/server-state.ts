import type {} from '@fastify/swagger';
import type { FastifyRequest } from 'fastify';
import type { Lookups } from '../lookups/index.js';
import type { RegistryContext } from '../registry/use-cases/registry-context.js';
import type { LiveSearchIndex } from '../registry/use-cases/live-search-index.js';
import type { Store } from '../store/index.js';
import type { Principal } from '../access/principal.js';
import type { WebSession } from '../access/use-cases/web-sessions.js';

/** What every route reaches: the store, the reference tables, the clock and where uploads go. */
export interface ServerState {
  readonly store: Store;
  readonly lookups: Lookups;
  readonly now: () => Date;
  readonly uploadDir: string;
  /** The CMO's name and currency as the settings held when the server started. */
  readonly cmoName: string;
  readonly currency: string;
  /** The registry's search index in memory, kept current with the store. */
  readonly searchIndex: LiveSearchIndex;
}

declare module 'fastify' {
  interface FastifyInstance {
    clef: ServerState;
  }
  interface FastifyRequest {
    principal: Principal;
    webSession: WebSession | undefined;
  }
}

/** The use-case context of a request: the signed-in user acts, so every write names them in the history. */
export function contextOf(request: FastifyRequest): RegistryContext & { readonly searchIndex: LiveSearchIndex } {
  const { store, lookups, now, searchIndex } = request.server.clef;
  const actor = request.principal.role === 'public' ? 'public' : request.principal.userName;
  return { store, lookups, actor, clock: () => now().toISOString(), searchIndex };
}
