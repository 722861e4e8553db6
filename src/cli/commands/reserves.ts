import { Command } from 'commander';
import { isIsoDate } from '../../calendar/index.js';
import type { ReserveClaim } from '../../distribution/use-cases/reserves.js';
import { ClefError } from '../../errors/index.js';
import { printJson, printLine } from '../output.js';
import { formatTable, readableAmount } from '../print-table.js';
import { readRegistry, withRegistry, withStoreOptions } from '../registry-session.js';
import { lazily } from '../lazily.js';

const releaseMarketShare = lazily(() => import('../../distribution/use-cases/release-market-share.js'), 'releaseMarketShare');
const claimReserve = lazily(() => import('../../distribution/use-cases/reserves.js'), 'claimReserve');
const decideClaim = lazily(() => import('../../distribution/use-cases/reserves.js'), 'decideClaim');
const listClaims = lazily(() => import('../../distribution/use-cases/reserves.js'), 'listClaims');
const listReserves = lazily(() => import('../../distribution/use-cases/reserves.js'), 'listReserves');

function printClaim(claim: ReserveClaim): void {
  printLine([claim.claim_id, claim.status, claim.reserve, claim.party_id, claim.amount_micros, claim.paid_run_id ?? ''].join('\t'));
}

/** `clef reserves list [RESERVE] [--json]`: what each reserve holds per pool, work, recording, right and party. */
export function reservesListCommand(): Command {
  return withStoreOptions(
    new Command('list').argument('[reserve]', 'only this reserve (unmatched, non_member, …)').option('--json', 'print JSON').description('list what the reserves hold and what is still claimable'),
  ).action(async (reserve: string | undefined, options) => {
    await readRegistry(options, async (context) => {
      const holdings = await listReserves(context, reserve);
      if (options.json) return printJson(holdings);
      const numeric = ['held', 'held micro-units', 'claimable', 'claimable micro-units'];
      printLine(formatTable(['reserve', 'period', 'DSP', 'pool', 'work or recording', 'right', 'party', ...numeric, 'runs'], holdings.map((h) => [
        h.reserve, h.period, h.dsp, h.pool_id, h.work_id ?? h.recording_id ?? '', h.right ?? '', h.party_id ?? '',
        readableAmount(h.amount_micros), h.amount_micros, readableAmount(h.claimable_micros), h.claimable_micros, h.runs.join(' '),
      ]), numeric));
    });
  });
}

/** `clef reserves claim RESERVE --party P --evidence TEXT [--pool] [--work] [--recording] [--right] [--share-party] [--amount]`. */
export function reservesClaimCommand(): Command {
  return withStoreOptions(
    new Command('claim')
      .argument('<reserve>', 'the reserve claimed from (unmatched, unidentified_work, undocumented_share, disputed, non_member, ai_generated, unreported_usage, ai_escrow)')
      .requiredOption('--party <party>', 'the claimant: party id or IPI name number')
      .requiredOption('--evidence <text>', 'what supports the claim')
      .option('--pool <poolId>', 'only this pool (REPORT/SUMMARY, as reserves list shows)')
      .option('--work <workId>', 'only this work')
      .option('--recording <recordingId>', 'only this recording')
      .option('--right <right>', 'only this right (PR, MR)')
      .option('--share-party <party>', 'only the shares the reserve holds for this party')
      .option('--amount <amount>', 'decimal amount in the CMO\'s currency (default: all the claim reaches)')
      .option('--json', 'print JSON')
      .description('claim money held in a reserve; staff approve it, the next run pays it'),
  ).action(async (reserve: string, options) => {
    await withRegistry(options, async (context) => {
      const claim = await claimReserve(context, {
        reserve, party: options.party, evidence: options.evidence, poolId: options.pool, workId: options.work, recordingId: options.recording,
        right: options.right, shareParty: options.shareParty, amount: options.amount,
      });
      if (options.json) printJson(claim);
      else printClaim(claim);
    });
  });
}

function decideCommand(name: 'approve' | 'reject'): Command {
  return withStoreOptions(
    new Command(name).argument('<claimId>', 'the claim, e.g. CLM00000001').option('--json', 'print JSON').description(name === 'approve' ? 'approve a pending claim: the next run pays it' : 'reject a pending claim: nothing moves'),
  ).action(async (claimId: string, options) => {
    await withRegistry(options, async (context) => {
      const claim = await decideClaim(context, claimId, name === 'approve' ? 'approved' : 'rejected');
      if (options.json) printJson(claim);
      else printClaim(claim);
    });
  });
}

/** `clef reserves claims [--status S] [--json]`: the claims and where they stand. */
export function reservesClaimsCommand(): Command {
  return withStoreOptions(new Command('claims').option('--status <status>', 'pending, approved, rejected or paid').option('--json', 'print JSON').description('list the claims')).action(async (options) => {
    await readRegistry(options, async (context) => {
      const claims = await listClaims(context, options.status);
      if (options.json) return printJson(claims);
      for (const claim of claims) printClaim(claim);
    });
  });
}

/** `clef reserves release --market-share [--as-of YYYY-MM-DD] [--policy FILE]`. */
export function reservesReleaseCommand(): Command {
  return withStoreOptions(
    new Command('release')
      .option('--market-share', 'release unmatched money older than the holding period by the same DSP and month\'s matched distribution')
      .option('--as-of <day>', 'the day the holding period is counted to (default: today)')
      .option('--policy <file>', 'distribution policy file with the holding period (default data/policies/default-1.json)')
      .option('--json', 'print JSON')
      .description('release unclaimed reserve money'),
  ).action(async (options) => {
    if (!options.marketShare) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', 'say how to release: --market-share', { field: '--market-share' });
    if (options.asOf !== undefined && !isIsoDate(options.asOf)) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `--as-of must be YYYY-MM-DD, not ${options.asOf}`, { field: '--as-of' });
    await withRegistry(options, async (context) => {
      const outcome = await releaseMarketShare(context, { asOf: options.asOf, policyPath: options.policy });
      if (options.json) return printJson(outcome);
      printLine(`released through ${outcome.releasedThrough}`);
      for (const run of outcome.runs) printLine(`run ${run.run_id} (${run.period}): ${run.released.map((r) => `${r.dsp} ${r.amount_micros}`).join(', ')}`);
      for (const u of outcome.unweighted) printLine(`kept ${u.dsp} ${u.period} ${u.amount_micros}: nobody was paid from that DSP and month`);
    });
  });
}

/** `clef reserves list|claim|approve|reject|claims|release`: money held in the named reserves and the claims on it. */
export function reservesCommand(): Command {
  return new Command('reserves')
    .description('the named reserves: what they hold, claims on them, market-share release')
    .addCommand(reservesListCommand())
    .addCommand(reservesClaimCommand())
    .addCommand(decideCommand('approve'))
    .addCommand(decideCommand('reject'))
    .addCommand(reservesClaimsCommand())
    .addCommand(reservesReleaseCommand());
}
