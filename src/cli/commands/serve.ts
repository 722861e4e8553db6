import { Command } from 'commander';
import { ClefError } from '../../errors/index.js';
import { currentIo } from '../cli-io.js';
import { printLine } from '../output.js';
import { defaultIndexDir } from '../../audio/audio-index-store.js';
import { keyFolderOf, KEYS_OPTION_HELP } from './label-options.js';

/** Where and on which store to serve. */
export interface ServeOptions {
  readonly db?: string;
  readonly port: string;
  readonly host: string;
  readonly keys?: string;
}

/** Opens the store and serves the API and the portal on it until the process is stopped. */
export async function serveStore(options: ServeOptions): Promise<void> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `--port must be a TCP port, not ${options.port}`, { field: '--port' });
  // The server, the portal and the store engines load only when `serve` runs, not for every `clef` start.
  const [{ buildServer }, { defaultStoreLocation, openStore, storeOptionsFrom }, { portalRoutes }] = await Promise.all([
    import('../../server/build-server.js'), import('../../store/index.js'), import('../../web/portal-routes.js'),
  ]);
  const location = options.db ?? defaultStoreLocation();
  const store = await openStore(location, storeOptionsFrom(currentIo().env));
  const keyFolder = keyFolderOf(options.keys);
  const app = await buildServer({ store, keyFolder, audioIndexDir: defaultIndexDir(location), logger: true, plugins: [portalRoutes(keyFolder)] });
  const stop = async () => {
    await app.close();
    await store.close();
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  const address = await app.listen({ port, host: options.host });
  printLine(`clef serve: portal ${address}/, API ${address}/api, OpenAPI ${address}/openapi.json, docs ${address}/docs`);
}

/** `clef serve [--port 8080] [--host 127.0.0.1]`: the HTTP API, its OpenAPI document and the web portal on one store. */
export function serveCommand(): Command {
  return new Command('serve')
    .description('serve the HTTP API (/api, OpenAPI at /openapi.json, docs at /docs) and the web portal on the store; the server owns the store while it runs')
    .option('--db <location>', 'the store: a DuckDB file path or a postgres:// URL (default ./clef.duckdb or CLEF_DB)')
    .option('--port <port>', 'TCP port', '8080')
    .option('--host <host>', 'address to listen on (127.0.0.1: this machine only)', '127.0.0.1')
    .option('--keys <dir>', KEYS_OPTION_HELP)
    .action(async (options: ServeOptions) => serveStore(options));
}
