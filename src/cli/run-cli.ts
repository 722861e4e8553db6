import { Command, CommanderError } from 'commander';
import { type CliIo, withCliRun } from './cli-io.js';
import { buildProgram } from './program.js';
import { ClefError } from '../errors/index.js';
import { visibleText } from './output.js';
import { reportFailure } from './report-failure.js';

// ANSI escapes, BEL or NUL in an argument would be stored and later printed to someone's terminal.
const controlCharacter = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

/**
 * Runs the `clef` program once with the given arguments (without `node` and the script) and io, and returns its
 * exit status. The binary calls it with the process's own streams; tests call it in-process with buffers.
 */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  return withCliRun(io, async () => {
    const program = buildProgram();
    routeThroughIo(program, io);
    try {
      const hostile = args.find((arg) => controlCharacter.test(arg));
      if (hostile !== undefined) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `the argument ${JSON.stringify(hostile)} holds control characters, which no name or value may hold`);
      await program.parseAsync([...args], { from: 'user' });
      return undefined;
    } catch (error) {
      if (error instanceof CommanderError) return commanderExitCode(error);
      return reportFailure(error);
    }
  });
}

// Commander settings are not inherited by commands added with addCommand(), so each command of the tree gets them.
function routeThroughIo(command: Command, io: CliIo): void {
  command.exitOverride().configureOutput({
    writeOut: (text) => void io.stdout.write(text),
    writeErr: (text) => void io.stderr.write(visibleText(text)),
  });
  for (const sub of command.commands) routeThroughIo(sub, io);
}

// Help and version asked for end well; every other argument error exits 2 (docs/errors.md).
function commanderExitCode(error: CommanderError): number {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
  if (error.code === 'commander.help' && error.exitCode === 0) return 0;
  return 2;
}
