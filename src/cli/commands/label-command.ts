import { Command } from 'commander';
import { labelIssueCommand, type LabelSubjectSourceOpener } from './label-issue.js';
import { labelPropagateCommand } from './label-propagate.js';
import { labelVerifyCommand } from './label-verify.js';

/** `clef label`: issue, propagate and verify AI-content labels; `openSource` connects `--recording` to the registry. */
export function labelCommand(openSource?: LabelSubjectSourceOpener): Command {
  return new Command('label')
    .description('AI-content labels: GB 45438 implicit labels and C2PA content credentials')
    .addCommand(labelIssueCommand(openSource))
    .addCommand(labelPropagateCommand())
    .addCommand(labelVerifyCommand());
}
