import { setExitCode } from '../cli-io.js';
import { Command } from 'commander';
import { ClefError, formatLocation, type Finding } from '../../errors/index.js';
import { parseSubmitterText as submitterOf } from '../../registry/submitter-text.js';
import { isCwrFile } from '../../registry/use-cases/works-file-kind.js';
import { formatShare } from '../../registry/share.js';
import { printJson, printLine, printNotice } from '../output.js';
import { parseCount } from '../parse-count.js';
import { readRegistry, withRegistry, withStoreOptions } from '../registry-session.js';
import { printWork } from './print-work.js';
import { lazily } from '../lazily.js';
import type { DiscardedWorksImport } from '../../registry/use-cases/staged-works-import.js';

const importWorksCsv = lazily(() => import('../../registry/use-cases/import-works-csv.js'), 'importWorksCsv');
const importWorksCwr = lazily(() => import('../../registry/use-cases/import-works-cwr.js'), 'importWorksCwr');
const discardWorksStaging = lazily(() => import('../../registry/use-cases/staged-works-import.js'), 'discardWorksStaging');
const exportWorksCwr = lazily(() => import('../../registry/use-cases/export-works-cwr.js'), 'exportWorksCwr');
const requireSettings = lazily(() => import('../../registry/use-cases/settings.js'), 'requireSettings');
const searchWorks = lazily(() => import('../../registry/use-cases/search-works.js'), 'searchWorks');
const mergeWorks = lazily(() => import('../../registry/use-cases/merge-works.js'), 'mergeWorks');
const listDisputes = lazily(() => import('../../registry/use-cases/show-work.js'), 'listDisputes');
const showWork = lazily(() => import('../../registry/use-cases/show-work.js'), 'showWork');
const listHeldRegistrations = lazily(() => import('../../registry/use-cases/show-work.js'), 'listHeldRegistrations');
const listCounterclaims = lazily(() => import('../../registry/use-cases/counterclaims.js'), 'listCounterclaims');
const resolveCounterclaim = lazily(() => import('../../registry/use-cases/counterclaims.js'), 'resolveCounterclaim');
const releaseDisputedWork = lazily(() => import('../../distribution/use-cases/release-disputed-work.js'), 'releaseDisputedWork');

function printDiscarded(discarded: readonly DiscardedWorksImport[]): void {
  for (const left of discarded) printNotice(`works import: removed what the import of ${left.file} (started ${left.startedAt}) staged before it stopped mid-file: ${left.chunks} chunks, ${left.stagedRegistrations} registrations`);
}

/** Notices of the committed chunks: the first, then one each 100,000 registrations (durable so far, still invisible). */
function stagedNotice(file: string): (registrations: number) => void {
  let shown = -1;
  return (registrations) => {
    if (shown >= 0 && registrations < shown + 100_000) return;
    printNotice(`works import: ${file}: ${registrations} registrations staged (committed, not yet visible)`);
    shown = registrations;
  };
}

function printFindings(findings: readonly Finding[], limit = 50): void {
  for (const finding of findings.slice(0, limit)) printNotice(`${finding.severity} ${finding.code} ${formatLocation(finding.location)}: ${finding.message}`);
  if (findings.length > limit) printNotice(`… and ${findings.length - limit} more`);
}

/** `clef works import|show|search|disputes|held|merge`. */
export function worksCommand(): Command {
  const works = new Command('works').description('the works registry: registrations, shares, recordings, AI provenance');

  withStoreOptions(
    works
      .command('import')
      .argument('[file]', "a works CSV in Clef's format (docs/works-csv.md), or a CWR file (.V21, .V22, 3.x .SUB; docs/cwr.md)")
      .description('import registrations from a file, staged in committed chunks and visible once the whole file is accepted; a CSV with errors imports nothing unless --skip-invalid; a CWR file is accepted or rejected per transaction')
      .option('--submitter <type:id>', 'who submits: SO:<society code>, PB:<publisher IPI> or WR:<writer IPI> (default: the CMO for CSV, the HDR sender for CWR)')
      .option('--skip-invalid', 'import the valid rows of a CSV that has invalid ones')
      .option('--ack <path>', 'CWR: write the acknowledgement file (CWR 2.1/2.2) at this path')
      .option('--discard', 'only remove what imports that stopped mid-file left staged (invisible); give no file')
      .option('--json', 'print JSON'),
  ).action(async (file: string | undefined, options) => {
    if (options.discard && file) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', '--discard takes no file', { field: '--discard' });
    if (!options.discard && !file) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', 'name the file to import (or --discard)', { field: 'file' });
    await withRegistry(options, async (context) => {
      if (!file) {
        const discarded = await discardWorksStaging(context);
        if (options.json) printJson(discarded);
        else {
          printDiscarded(discarded);
          printLine(`works import --discard: ${discarded.length} staged import${discarded.length === 1 ? '' : 's'} removed`);
        }
        return;
      }
      const staging = { onStaged: stagedNotice(file), onDiscarded: printDiscarded };
      if (isCwrFile(file)) {
        const submitter = options.submitter ? await submitterOf(options.submitter, async () => '') : undefined;
        const summary = await importWorksCwr(context, file, { submitter, ackPath: options.ack, onProgress: (n) => printNotice(`  ${n} transactions read`), ...staging });
        if (options.json) printJson(summary);
        else {
          printFindings(summary.findings);
          const state = summary.refused ? ' — file refused, nothing imported' : summary.duplicate ? ' — already imported: answered DU, nothing counted' : '';
          printLine(`${summary.file}: ${summary.transactions} transactions; created ${summary.created}, added ${summary.added}, revised ${summary.revised}, rejected ${summary.rejected}, in dispute ${summary.disputed}, no participation ${summary.noParticipation}${state}`);
          if (summary.ackPath) printLine(`acknowledgement written to ${summary.ackPath}`);
        }
        if (summary.refused) setExitCode(1);
        return;
      }
      const submitter = await submitterOf(options.submitter, async () => (await requireSettings(context, ['societyCode'])).societyCode);
      const summary = await importWorksCsv(context, file, {
        submitter,
        skipInvalid: Boolean(options.skipInvalid),
        onProgress: (rows) => printNotice(`  ${rows} rows read`),
        ...staging,
      });
      if (options.json) printJson(summary);
      else {
        printFindings(summary.findings);
        printLine(`${summary.file}: ${summary.rows} rows; created ${summary.created}, added ${summary.added}, revised ${summary.revised}, rejected ${summary.rejected}, in dispute ${summary.disputed}${summary.imported ? '' : ' — nothing imported'}`);
      }
      if (!summary.imported) setExitCode(1);
    });
  });

  withStoreOptions(
    works
      .command('export')
      .description('write works as a CWR registration file (NWR, REV for works a society has acknowledged)')
      .requiredOption('--format <format>', 'cwr21 or cwr22')
      .requiredOption('--out <path>', 'a folder (file named CWyynnnnsss_rrr.V21|.V22) or the exact file path')
      .option('--sender <type:id>', 'SO:<society code> (default: the CMO), PB:<IPI name number> or WR:<IPI name number>')
      .option('--works <ids>', 'comma-separated work ids (default: every work)')
      .option('--json', 'print JSON'),
  ).action(async (options) => {
    const format = String(options.format).toLowerCase();
    if (format !== 'cwr21' && format !== 'cwr22') throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `--format ${options.format} is not cwr21 or cwr22`);
    const { parseCwrSender } = await import('../../formats/cwr/index.js');
    await readRegistry(options, async (context) => {
      const summary = await exportWorksCwr(context, {
        version: format === 'cwr21' ? '2.1' : '2.2',
        sender: options.sender ? parseCwrSender(options.sender) : undefined,
        workIds: options.works ? String(options.works).split(',').map((id: string) => id.trim().toUpperCase()).filter(Boolean) : undefined,
        out: options.out,
        onProgress: (n) => printNotice(`  ${n} works written`),
      });
      if (options.json) printJson(summary);
      else printLine(`${summary.works} works written to ${summary.path}`);
    });
  });

  withStoreOptions(works.command('show').argument('<work>', 'a work id, ISWC or society work number').description('show a work whole').option('--json', 'print JSON')).action(
    async (reference: string, options) => {
      await readRegistry(options, async (context) => {
        const work = await showWork(context, reference);
        if (options.json) printJson(work);
        else printWork(work);
      });
    },
  );

  withStoreOptions(
    works
      .command('search')
      .argument('<query>', 'a title, creator name, ISWC, ISRC, IPI name number or work number')
      .description('find works, tolerant of case, accents, punctuation, articles and typos')
      .option('--limit <n>', 'how many results', parseCount('--limit'), 10)
      .option('--json', 'print JSON: an array of {work_id, iswc, title, score, creators}'),
  ).action(async (query: string, options) => {
    await readRegistry(options, async (context) => {
      const hits = await searchWorks(context, query, options.limit);
      if (options.json) return printJson(hits.map(({ work_id, iswc, title, score, creators }) => ({ work_id, iswc, title, score, creators })));
      if (hits.length === 0) printLine('no match');
      for (const hit of hits) printLine(`${hit.work_id}  ${hit.score.toFixed(3)}  ${hit.iswc ?? '-          '}  ${hit.title}  (${hit.matched_by})${hit.creators.length > 0 ? `  by ${hit.creators.join('; ')}` : ''}`);
    });
  });

  const disputes = works
    .command('disputes')
    .description('counterclaims (registrations whose shares conflict) and the contested cells; resolve one with `disputes resolve`')
    .option('--submitter <type:id>', 'only the counterclaims naming this submitter\'s registrations (PB:<IPI>, WR:<IPI>, SO:<society code>)');
  withStoreOptions(disputes.option('--json', 'print JSON')).action(async (options) => {
    await readRegistry(options, async (context) => {
      const submitter = options.submitter ? String(options.submitter).split(':').pop() : undefined;
      const counterclaims = await listCounterclaims(context, { submitter });
      const cells = submitter === undefined ? await listDisputes(context) : [];
      if (options.json) return printJson({ counterclaims, cells });
      if (counterclaims.length === 0) printLine('no counterclaim');
      for (const c of counterclaims) {
        const state = c.status === 'open' ? `open, resolve by ${c.deadline}${c.overdue ? ' (OVERDUE)' : ''}` : `resolved ${c.resolved_at}`;
        printLine(`${c.counterclaim_id}  ${c.work_id}  ${c.iswc ?? '-'}  ${c.title}  ${state}: ${c.registrations.map((r) => `${r.registration_id} by ${r.submitter} #${r.submitter_work_number}`).join(' vs ')}`);
      }
      for (const d of cells) printLine(`  ${d.work_id} ${d.right_code} ${d.territory}: ${(d.claimed_bp / 100).toFixed(2)} % claimed`);
    });
  });
  withStoreOptions(
    disputes
      .command('resolve')
      .argument('<counterclaim>', 'the counterclaim id (C…)')
      .option('--keep <registration>', 'the registration that stands; the others are set aside, kept for history')
      .option('--shares <split...>', 'instead of --keep: the disputed shares per right, RIGHT:IPI=PERCENT,IPI=PERCENT (one value per right)')
      .option('--json', 'print JSON')
      .description('resolve a counterclaim (--keep or --shares), then release the money the disputed reserve held for the work by adjusting the runs that held it'),
  ).action(async (id: string, _options, command: Command) => {
    // `disputes` has the store options too, and Commander gives them to the parent wherever they are written.
    const options = command.optsWithGlobals();
    if ((options.keep === undefined) === (options.shares === undefined)) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', 'give either --keep REGISTRATION or --shares RIGHT:IPI=PERCENT,…');
    await withRegistry(options, async (context) => {
      const result = await resolveCounterclaim(context, id, options.keep !== undefined ? { keep: options.keep } : { shares: options.shares });
      const released = result.in_dispute ? [] : await releaseDisputedWork(context, result.work_id);
      if (options.json) return printJson({ ...result, released });
      const decided = result.kept ? `${result.kept} kept, ${result.withdrawn.join(', ')} set aside` : `shares decided (${Object.entries(result.shares ?? {}).map(([right, parties]) => `${right} ${Object.entries(parties).map(([party, bp]) => `${result.ipis?.[party] ?? party} ${formatShare(bp)}`).join(', ')}`).join('; ')})`;
      printLine(`${result.counterclaim_id} resolved: ${decided}${result.in_dispute ? '; the work is still in dispute' : ''}`);
      for (const r of released) printLine(r.run_id ? `${r.run_id} adjusts ${r.adjusts}: the disputed money of ${result.work_id} released` : `${r.adjusts}: nothing to release`);
    });
  });
  withStoreOptions(works.command('held').description('the review worklist: revisions held because they change the writers or their shares').option('--json', 'print JSON')).action(
    async (options) => {
      await readRegistry(options, async (context) => {
        const held = await listHeldRegistrations(context);
        if (options.json) return printJson(held);
        if (held.length === 0) printLine('no registration held for review');
        for (const h of held) printLine(`${h.registration_id}  ${h.work_id}  ${h.iswc ?? '-'}  ${h.title}  from ${h.submitter_id} #${h.submitter_work_number}  ${h.source_ref ?? ''}  ${h.created_at}`);
      });
    },
  );
  withStoreOptions(
    works
      .command('merge')
      .argument('<kept>', 'the work that stays (id, ISWC or work number)')
      .argument('<duplicate>', 'the duplicate merged into it; its ISWC becomes an archived ISWC of the kept work')
      .description('merge a duplicate work into another, keeping every claim')
      .option('--json', 'print JSON'),
  ).action(async (kept: string, duplicate: string, options) => {
    await withRegistry(options, async (context) => {
      const result = await mergeWorks(context, kept, duplicate);
      if (options.json) return printJson(result);
      printLine(`${result.merged} merged into ${result.kept}${result.archived_iswc ? `; ISWC ${result.archived_iswc} archived` : ''}${result.in_dispute ? '; the work is now in dispute' : ''}`);
    });
  });
  return works;
}
