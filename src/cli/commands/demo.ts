import { Command } from 'commander';
import { printLine } from '../output.js';
import { lazily } from '../lazily.js';

const runDemo = lazily(() => import('../../demo/run-demo.js'), 'runDemo');

/** `clef demo`: the main job on a fresh embedded store, from the data shipped in data/demo. */
export function demoCommand(): Command {
  return new Command('demo')
    .description('set up a demo CMO, members and catalogue in a fresh store and show what Clef does with them')
    .option('--db <location>', 'the store to create (it refuses one it did not create)', './clef-demo.duckdb')
    .action(async (options: { db: string }) => {
      await runDemo(options.db, printLine);
    });
}
