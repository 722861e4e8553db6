import { dirname, join } from 'node:path';
import { Command } from 'commander';
import { printLine } from '../output.js';
import { serveStore } from './serve.js';
import { lazily } from '../lazily.js';

const runDemo = lazily(() => import('../../demo/run-demo.js'), 'runDemo');

/** `clef demo [--serve]`: the main job on a fresh embedded store, from the data shipped in data/demo; then, asked, the portal on it. */
export function demoCommand(): Command {
  return new Command('demo')
    .description('set up a demo CMO, members and catalogue in a fresh store and show what Clef does with them')
    .option('--db <location>', 'the store to create (it refuses one it did not create)', './clef-demo.duckdb')
    .option('--serve', 'then serve the portal and the API on the demo store')
    .option('--port <port>', 'TCP port for --serve', '8080')
    .action(async (options: { db: string; serve?: boolean; port: string }) => {
      await runDemo(options.db, printLine);
      if (options.serve) await serveStore({ db: options.db, port: options.port, host: '127.0.0.1', keys: join(dirname(options.db), 'clef-demo-files', 'keys') });
    });
}
