import { spawnSync } from 'node:child_process';
import { repoRoot } from '../support/repo-paths.js';

/** Runs the real `clef` program (through tsx) and returns its exit status and output. */
export function runClef(args: readonly string[], env: NodeJS.ProcessEnv = {}): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 180_000,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
