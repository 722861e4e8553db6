import { Command } from 'commander';
import { ClefError } from '../../errors/index.js';
import { printJson, printLine, printNotice } from '../output.js';
import { parseCount } from '../parse-count.js';
import { readRegistry, withRegistry, withStoreOptions } from '../registry-session.js';
import { lazily } from '../lazily.js';

const resolveWorkId = lazily(() => import('../../registry/use-cases/show-work.js'), 'resolveWorkId');
const listReports = lazily(() => import('../../usage/use-cases/list-reports.js'), 'listReports');
const listUnmatched = lazily(() => import('../../usage/use-cases/worklists.js'), 'listUnmatched');
const matchManually = lazily(() => import('../../usage/use-cases/worklists.js'), 'matchManually');
const rematch = lazily(() => import('../../usage/use-cases/worklists.js'), 'rematch');

/** `clef usage unmatched [--period P] [--dsp DPID] [--limit N] [--json]`. */
export function usageUnmatchedCommand(): Command {
  return withStoreOptions(
    new Command('unmatched')
      .option('--period <period>', 'reports whose usage period starts with this (2025, 2025-01)')
      .option('--dsp <dpid>', 'reports of one DSP')
      .option('--limit <n>', 'how many', parseCount('--limit'), 100)
      .option('--json', 'print JSON: an array of {resource, title, display_artist, isrc, status, reason, reports, usages}')
      .description('unmatched and ambiguous DSP resources, most used first'),
  ).action(async (options) => {
    await readRegistry(options, async (context) => {
      const rows = await listUnmatched(context, { period: options.period, dsp: options.dsp }, options.limit);
      if (options.json) return printJson(rows);
      for (const row of rows) printLine(`${row.usages}\t${row.resource}\t${row.status}\t${row.isrc ?? '-'}\t${row.title} — ${row.display_artist}${row.reason ? `\t(${row.reason})` : ''}`);
    });
  });
}

/** `clef usage match DPID:RESOURCE --work ID|ISWC [--recording ID]`. */
export function usageMatchCommand(): Command {
  return withStoreOptions(
    new Command('match')
      .argument('<resource>', 'the DSP resource, DPID:DspResourceId')
      .option('--work <work>', 'a work id, ISWC or society work number')
      .option('--recording <id>', 'a recording id')
      .description('record a manual match that every report of the resource, and later ones, use'),
  ).action(async (resource: string, options) => {
    if (!options.work && !options.recording) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', 'give --work and/or --recording');
    await withRegistry(options, async (context) => {
      const workId = options.work ? await resolveWorkId(context, options.work) : null;
      let recordingId: string | null = null;
      if (options.recording) {
        const found = await context.store.db.selectFrom('recordings').select('recording_id').where('recording_id', '=', String(options.recording).toUpperCase()).executeTakeFirst();
        if (!found) throw new ClefError('CLEF_NOT_FOUND', `no recording ${options.recording}`, { value: options.recording });
        recordingId = found.recording_id;
      }
      const { reports } = await matchManually(context, resource, { workId, recordingId });
      printLine(`${resource} → ${[workId, recordingId].filter(Boolean).join(' ')} (applied to ${reports} reports)`);
    });
  });
}

/** `clef usage rematch [--period P] [--dsp DPID]`. */
export function usageRematchCommand(): Command {
  return withStoreOptions(
    new Command('rematch')
      .option('--period <period>', 'reports whose usage period starts with this (2025, 2025-01)')
      .option('--dsp <dpid>', 'reports of one DSP')
      .description('match reports again after the registry changed (manual matches kept)'),
  ).action(async (options) => {
    await withRegistry(options, async (context) => {
      const { reports } = await rematch(context, { period: options.period, dsp: options.dsp });
      printNotice(`usage rematch: ${reports} reports matched again`);
    });
  });
}

/** `clef usage reports [--json]`. */
export function usageReportsCommand(): Command {
  return withStoreOptions(
    new Command('reports')
      .option('--json', 'print JSON: an array of {message_id, dsp, period, lines, resources, matched_resources, match_rate_resources, match_rate_usages, status}')
      .description('staged reports with their match rates'),
  ).action(async (options) => {
    await readRegistry(options, async (context) => {
      const reports = await listReports(context);
      if (options.json) return printJson(reports);
      for (const r of reports) {
        printLine(`${r.message_id}\t${r.dsp}\t${r.period}\t${r.status}\t${r.lines} lines\t${r.matched_resources}/${r.resources} resources (${(r.match_rate_resources * 100).toFixed(2)} %), usage ${(r.match_rate_usages * 100).toFixed(2)} %`);
      }
    });
  });
}
