import { Command } from 'commander';
import { aiAuditCommand, aiDeclarationsCommand } from './ai-declarations.js';
import { aiLicencesCommand, aiLicenseesCommand } from './ai-licences.js';
import { aiReservationsCommand } from './ai-reservations.js';
import { aiDistributeCommand, aiRevenueCommand, aiTraceCommand } from './ai-revenue.js';

/** `clef ai …`: reservations, licensees, licences, declarations and audits, revenue, remuneration runs. */
export function aiCommand(): Command {
  return new Command('ai')
    .description('AI training: rights reservations, licences per model version, training-data audits, remuneration')
    .addCommand(aiReservationsCommand())
    .addCommand(aiLicenseesCommand())
    .addCommand(aiLicencesCommand())
    .addCommand(aiDeclarationsCommand())
    .addCommand(aiAuditCommand())
    .addCommand(aiRevenueCommand())
    .addCommand(aiDistributeCommand())
    .addCommand(aiTraceCommand());
}
