import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import { defaultIndexDir } from '../audio/audio-index-store.js';
import { ClefError } from '../errors/index.js';
import { loadLookups } from '../lookups/index.js';
import { showSettings } from '../registry/use-cases/settings.js';
import type { Store } from '../store/index.js';
import { installAuthentication } from './authenticate.js';
import { sendProblem } from './problem-details.js';
import { accessRoutes } from './routes/access-routes.js';
import { audioRoutes } from './routes/audio-routes.js';
import { cwrRoutes } from './routes/cwr-routes.js';
import { aiRoutes } from './routes/ai-routes.js';
import { distributionRoutes } from './routes/distribution-routes.js';
import { labelRoutes } from './routes/label-routes.js';
import { registryRoutes } from './routes/registry-routes.js';
import { reservationPolicyRoutes } from './routes/reservation-policy-routes.js';
import { usageRoutes } from './routes/usage-routes.js';
import type { ServerState } from './server-state.js';
import { LiveSearchIndex } from '../registry/use-cases/live-search-index.js';

/** How the server is built: the store it owns and its limits; tests pass a clock and small limits. */
export interface ServerOptions {
  readonly store: Store;
  readonly now?: () => Date;
  /** Requests per minute per address (default 600). */
  readonly rateLimit?: number;
  /** Largest JSON or form body, bytes (default 1 MiB). */
  readonly bodyLimit?: number;
  /** Largest uploaded file, bytes (default 2 GiB: DSR files are large). */
  readonly fileLimit?: number;
  readonly uploadDir?: string;
  /** The CMO's key folder for label verification (default ./clef-keys). */
  readonly keyFolder?: string;
  /** The audio identification index folder (default ./clef.audio; `clef serve` passes the one beside its store). */
  readonly audioIndexDir?: string;
  readonly logger?: boolean;
  /** Further plugins on the same instance after the API (the web portal). */
  readonly plugins?: readonly FastifyPluginAsync[];
}

function jsonText(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v));
}

/**
 * Builds the HTTP API (and, given as a plugin, the portal) without listening, so tests call it in-process with
 * `inject()`. Each part's routes are an encapsulated plugin under `/api`; authentication, errors, limits and the
 * OpenAPI document are shared.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: options.bodyLimit ?? 1024 * 1024 }).withTypeProvider<TypeBoxTypeProvider>();
  const uploadDir = options.uploadDir ?? join(tmpdir(), 'clef-uploads');
  mkdirSync(uploadDir, { recursive: true });
  const settings = await showSettings({ store: options.store });
  const state: ServerState = {
    store: options.store, lookups: loadLookups(), now: options.now ?? (() => new Date()), uploadDir,
    cmoName: settings.name ?? 'Clef', currency: settings.currency ?? 'EUR', searchIndex: new LiveSearchIndex(options.store),
  };
  app.decorate('clef', state);
  // A search index still being built reads the store: let it finish before whoever closes the server closes the store.
  app.addHook('onClose', () => state.searchIndex.settled());
  app.setReplySerializer((payload) => jsonText(payload));
  app.setErrorHandler((error, request, reply) => sendProblem(error, request, reply));
  app.setNotFoundHandler((request, reply) => sendProblem(new ClefError('CLEF_NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`), request, reply));

  await app.register(fastifyRateLimit, {
    max: options.rateLimit ?? 600,
    timeWindow: '1 minute',
    errorResponseBuilder: (_request, context) => Object.assign(new ClefError('CLEF_SERVER_RATE_LIMITED', `more than ${context.max} requests a minute; retry in ${Math.ceil(context.ttl / 1000)} s`), { statusCode: 429 }),
  });
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  await app.register(fastifyMultipart, { limits: { fileSize: options.fileLimit ?? 2 * 1024 ** 3, files: 20, fields: 50, fieldSize: 64 * 1024 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Clef API', version: '0.1.0', description: 'Repertoire, usage, distribution, statements and AI labels for a collective management organisation. Errors are RFC 9457 problem details with a Clef `code` (docs/errors.md).' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'a token from `clef tokens create NAME`' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  installAuthentication(app);

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(accessRoutes, { prefix: '/api' });
  await app.register(registryRoutes, { prefix: '/api' });
  await app.register(cwrRoutes, { prefix: '/api' });
  await app.register(usageRoutes, { prefix: '/api' });
  await app.register(distributionRoutes, { prefix: '/api' });
  await app.register(labelRoutes(options.keyFolder ?? 'clef-keys'), { prefix: '/api' });
  await app.register(aiRoutes, { prefix: '/api' });
  await app.register(audioRoutes(options.audioIndexDir ?? defaultIndexDir(undefined)), { prefix: '/api' });
  await app.register(reservationPolicyRoutes);
  for (const plugin of options.plugins ?? []) await app.register(plugin);
  return app;
}
