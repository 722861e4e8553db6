import { spawnSync } from 'node:child_process';
import { runCli } from '../../src/cli/run-cli.js';
import { repoRoot } from '../support/repo-paths.js';

/** What one run of the program said and how it ended. */
export interface ClefRun {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the `clef` program in this process with its output captured (as Fastify's inject() does for a server):
 * the same command tree, argument parsing, errors and exit statuses as the binary, without starting Node again.
 */
export async function runClef(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<ClefRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const status = await runCli(args, {
    stdout: { write: (text: string) => stdout.push(text) },
    stderr: { write: (text: string) => stderr.push(text) },
    env: { ...process.env, ...env },
  });
  return { status, stdout: stdout.join(''), stderr: stderr.join('') };
}

/** Starts the real program as its own process (through tsx): for the few smoke tests of the binary itself. */
export function runClefProcess(args: readonly string[], env: NodeJS.ProcessEnv = {}): ClefRun {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 180_000,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
