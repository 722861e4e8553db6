import { Command } from 'commander';
import { printJson, printLine } from '../output.js';
import { withRegistry, withStoreOptions } from '../registry-session.js';
import { lazily } from '../lazily.js';

const setPoolInvoice = lazily(() => import('../../distribution/use-cases/pool-invoices.js'), 'setPoolInvoice');

/** `clef usage pool set MESSAGE_ID SUMMARY_RECORD_ID AMOUNT`: an invoiced amount that replaces the computed pool. */
export function usagePoolSetCommand(): Command {
  return withStoreOptions(
    new Command('set')
      .argument('<messageId>', 'the report\'s MessageId')
      .argument('<summaryRecordId>', 'the SummaryRecordId in that report')
      .argument('<amount>', 'the invoiced royalty, in the report\'s currency')
      .option('--json', 'print JSON')
      .description('enter the amount a DSP invoiced for one summary record; it overrides the computed pool'),
  ).action(async (messageId: string, summaryRecordId: string, amount: string, options) => {
    await withRegistry(options, async (context) => {
      const invoice = await setPoolInvoice(context, messageId, summaryRecordId, amount);
      if (options.json) printJson(invoice);
      else printLine(`pool ${invoice.message_id} summary ${invoice.summary_record_id}: ${invoice.amount_micros} micro-units invoiced`);
    });
  });
}

/** `clef usage pool`: invoiced pool amounts. */
export function usagePoolCommand(): Command {
  return new Command('pool').description('pool amounts entered from DSP invoices').addCommand(usagePoolSetCommand());
}
