import { Command } from 'commander';
import { lazily } from './lazily.js';
import { openRegistryForReading } from './open-registry-for-reading.js';
import { demoCommand } from './commands/demo.js';
import { historyCommand } from './commands/history.js';
import { membersCommand } from './commands/members.js';
import { settingsCommand } from './commands/settings.js';
import { worksCommand } from './commands/works.js';
import { acksCommand } from './commands/acks.js';
import { idCheckCommand } from './commands/id-check.js';
import { cwrCommand } from './commands/cwr-validate.js';
import { audioCommand } from './commands/audio-command.js';
import { usageCommand } from './commands/usage-generate.js';
import { dspsCommand } from './commands/dsps.js';
import { distributeCommand } from './commands/distribute.js';
import { fxCommand } from './commands/fx.js';
import { runsCommand } from './commands/runs.js';
import { balancesCommand } from './commands/balances.js';
import { statementsCommand } from './commands/statements.js';
import { traceCommand } from './commands/trace.js';
import { reservesCommand } from './commands/reserves.js';
import { keysCommand } from './commands/keys-command.js';
import { labelCommand } from './commands/label-command.js';
import { aiCommand } from './commands/ai-command.js';
import { serveCommand } from './commands/serve.js';
import { tokensCommand, usersCommand } from './commands/users.js';

const registryLabelSubjects = lazily(() => import('../labels/use-cases/registry-label-subjects.js'), 'registryLabelSubjects');
const withTrainingReservations = lazily(() => import('../ai/use-cases/training-label-subjects.js'), 'withTrainingReservations');

/**
 * The `clef` command tree. Each command lives in its own file under commands/ and only parses
 * arguments, calls the use case of its part and prints; add it here with one line.
 */
export function buildProgram(): Command {
  const program = new Command('clef')
    .description('Clef: repertoire, usage, distribution, AI labels and audio identification for collective management')
    .version('0.1.0')
    .showHelpAfterError();
  const commands: Command[] = [
    demoCommand(),
    keysCommand(),
    labelCommand(async (db) => {
      const store = await openRegistryForReading(db);
      return withTrainingReservations(await registryLabelSubjects(store), store);
    }),
    audioCommand(),
    settingsCommand(),
    membersCommand(),
    worksCommand(),
    acksCommand(),
    historyCommand(),
    idCheckCommand(),
    cwrCommand(),
    usageCommand(),
    dspsCommand(),
    distributeCommand(),
    fxCommand(),
    runsCommand(),
    balancesCommand(),
    statementsCommand(),
    traceCommand(),
    reservesCommand(),
    aiCommand(),
    serveCommand(),
    usersCommand(),
    tokensCommand(),
  ];
  for (const command of commands) program.addCommand(command);
  return program;
}
