import { daysInMonth } from '../../calendar/index.js';
import { createSeededRandom, mixSeed } from '../../random/index.js';
import { isrcOf, syntheticRecording, type SyntheticRecording } from './synthetic-recording.js';
import { varyTitleArtist } from './vary-title-artist.js';
import { createZipfSampler } from './zipf-sampler.js';

/** What a generated Basic Audio 1.2 report covers: one DSP, one calendar month, one territory. */
export interface DsrReportPlan {
  readonly seed: number;
  /** Lines in the file, comments, HEAD and FOOT included (at least 5). */
  readonly lines: number;
  /** Size of the catalogue the known resources are drawn from. */
  readonly recordings: number;
  readonly writerPool: number;
  readonly senderPartyId: string;
  readonly senderName: string;
  readonly recipientPartyId: string;
  readonly recipientName: string;
  readonly serviceDescription: string;
  /** `yyyy-mm` */
  readonly month: string;
  readonly territory: string;
  readonly currency: string;
  /** MessageCreatedDateTime, e.g. `2025-02-01T00:00:00Z`. */
  readonly created: string;
}

/** The truth about one DSP resource of the report, for measuring matching. */
export interface DsrResourceTruth {
  readonly dspResourceId: string;
  /** The catalogue ISRC the resource really is, or null when it is not in the catalogue. */
  readonly trueIsrc: string | null;
  /** `isrc` (reported with its ISRC), `unknown-isrc` (an ISRC the catalogue lacks) or `no-isrc:<variant>`. */
  readonly case: string;
}

/** One generated line, or the truth of the resource a block introduces. */
export type DsrReportItem = { readonly line: string } | { readonly truth: DsrResourceTruth };

interface Block {
  readonly id: number;
  readonly inline: boolean;
  readonly summary: 1 | 2;
  readonly streams: number;
  readonly kind: 'isrc' | 'unknown-isrc' | 'no-isrc';
  readonly recording: number;
}

const fixedLines = 5;

/** The blocks of the report, the same sequence each time it is walked (once for the summary totals, once to write). */
function* blocksOf(plan: DsrReportPlan): Generator<Block> {
  const random = createSeededRandom(mixSeed(plan.seed, 0xb10c));
  const popularity = createZipfSampler(plan.recordings, 1.0, random);
  let remaining = plan.lines - fixedLines;
  for (let id = 1; remaining >= 2; id++) {
    let inline = random() < 0.5;
    if (!inline && remaining < 3) inline = true;
    remaining -= inline ? 2 : 3;
    const r = random();
    const kind = r < 0.9 ? 'isrc' : r < 0.95 ? 'unknown-isrc' : 'no-isrc';
    const recording = popularity();
    const pareto = 1 / Math.pow(1 - random(), 1 / 1.2);
    const streams = Math.max(1, Math.ceil((pareto * 2000) / Math.sqrt(recording + 1)));
    yield { id, inline, summary: random() < 0.7 ? 1 : 2, streams, kind, recording };
  }
}

/** Cents as a decimal text with two places (`123456` → `1234.56`). */
function decimal(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const days = daysInMonth(y, m);
  return `${month}-${String(days).padStart(2, '0')}`;
}

function resourceCells(block: Block, plan: DsrReportPlan): { cells: string[]; work: SyntheticRecording | null; truth: DsrResourceTruth } {
  const dspResourceId = `DSPR${block.id}`;
  const known = block.kind !== 'unknown-isrc';
  const recording = syntheticRecording(plan.seed, known ? block.recording : plan.recordings + block.id, plan.writerPool);
  let { title, artist } = recording;
  let isrc = known ? recording.isrc : isrcOf(block.id, 'QM');
  let truthCase: string = block.kind;
  if (block.kind === 'no-isrc') {
    const variant = varyTitleArtist(title, artist, createSeededRandom(mixSeed(plan.seed ^ 0x7a7, block.id)));
    ({ title, artist } = variant);
    isrc = '';
    truthCase = `no-isrc:${variant.kind}`;
  }
  const seconds = recording.seconds;
  const duration = `PT${Math.floor(seconds / 60)}M${seconds % 60}S`;
  const cells = [String(block.id), `R${block.id}`, dspResourceId, isrc, title, '', artist, '', duration, 'SoundRecording'];
  return { cells, work: known ? recording : null, truth: { dspResourceId, trueIsrc: known ? recording.isrc : null, case: truthCase } };
}

function workCells(work: SyntheticRecording | null): { iswc: string; composers: string; composerIds: string } {
  if (!work) return { iswc: '', composers: '', composerIds: '' };
  return {
    iswc: work.iswc,
    composers: work.writers.map((w) => `${w.firstName} ${w.lastName}`).join('|'),
    composerIds: work.writers.map((w) => `IPI::${w.ipiNameNumber}`).join('|'),
  };
}

/**
 * The lines of a DDEX DSR Basic Audio Profile 1.2 report (HEAD, a comment row, two SY02.02 summaries,
 * blocks of AS01.01 + MW01.01 or AS02.02 with one SU02 each, FOOT with its counts), interleaved with the
 * truth of each resource; exactly `plan.lines` lines, produced one at a time so any size streams to disk.
 */
export function* dsrReportLines(plan: DsrReportPlan): Generator<DsrReportItem> {
  const totals = { 1: 0, 2: 0 };
  let blockCount = 0;
  for (const block of blocksOf(plan)) {
    totals[block.summary] += block.streams;
    blockCount++;
  }
  const [year, month] = plan.month.split('-');
  const messageId = `${plan.senderPartyId}-${year}${month}-${plan.seed}`;
  yield { line: ['HEAD', 'dsrf/30', 'BasicAudioProfile', '1.2', messageId, plan.created, '1', '1', `${plan.month}-01`, monthEnd(plan.month), plan.senderPartyId, plan.senderName, plan.serviceDescription, plan.recipientPartyId, plan.recipientName, ''].join('\t') };
  yield { line: '#SU02\tBlockId\tSummaryRecordId\tSalesTransactionId\tTransactedRelease\tTransactedResource\tIsRoyaltyBearing\tNumberOfStreams' };
  // Net revenue per stream: 0.40 cents on the subscription tier, 0.08 cents on the ad-supported tier.
  const summaries = [
    { id: 1, model: 'SubscriptionModel', users: '250000', cents: Math.round((totals[1] * 40) / 100) },
    { id: 2, model: 'AdvertisementSupportedModel', users: '900000', cents: Math.round((totals[2] * 8) / 100) },
  ];
  for (const s of summaries) {
    yield { line: ['SY02.02', String(s.id), '', '', s.model, 'OnDemandStream', plan.territory, plan.serviceDescription, String(totals[s.id as 1 | 2]), s.users, plan.currency, decimal(s.cents), plan.recipientName, '', '', '', '', 'PerformingRight', 'Music', '', '', '100'].join('\t') };
  }
  let lines = 4;
  for (const block of blocksOf(plan)) {
    const resource = resourceCells(block, plan);
    yield { truth: resource.truth };
    const work = workCells(resource.work);
    if (block.inline) {
      yield { line: ['AS02.02', ...resource.cells, work.iswc, work.composers, work.composerIds, '', '', '', '', '', '', '', ''].join('\t') };
      lines += 1;
    } else {
      yield { line: ['AS01.01', ...resource.cells, ''].join('\t') };
      const title = resource.work?.title ?? resource.cells[4];
      yield { line: ['MW01.01', String(block.id), `W${block.id}`, work.iswc, title, '', work.composers, work.composerIds, '', '', '', '', '', '', '', ''].join('\t') };
      lines += 2;
    }
    yield { line: ['SU02', String(block.id), String(block.summary), `T${block.id}`, '', `R${block.id}`, 'true', String(block.streams), '', ''].join('\t') };
    lines += 1;
  }
  if (lines + 1 < plan.lines) {
    yield { line: '#end of blocks' };
    lines++;
  }
  yield { line: ['FOOT', String(lines + 1), String(lines + 1), '2', String(blockCount), String(blockCount)].join('\t') };
}
