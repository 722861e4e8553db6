import { ingestReportSource } from './ingest-report.js';
import { listReports, type ReportMatchRates } from './list-reports.js';
import type { UsageContext } from './usage-context.js';

const sender = 'PADPIDA2011072101T';
const recipient = 'PADPIDA2025010101C';

/**
 * Ingests a small Basic Audio 1.2 report built from the store's own recordings (each streamed once per hundred
 * of its rank, by ISRC; the last one reported by title and artist only) plus one resource the catalogue lacks, and
 * returns the report's match rates: the demo of usage ingestion on whatever catalogue the demo loaded.
 */
export async function ingestDemoReport(context: UsageContext, month = '2025-01'): Promise<ReportMatchRates> {
  const recordings = await context.store.db.selectFrom('recordings').select(['isrc', 'title', 'display_artist']).orderBy('recording_id').limit(50).execute();
  const lines: string[] = [];
  const messageId = `${sender}-DEMO-${month}`;
  const end = `${month}-28`;
  lines.push(['HEAD', 'dsrf/30', 'BasicAudioProfile', '1.2', messageId, `${month}-28T00:00:00Z`, '1', '1', `${month}-01`, end, sender, 'ClefStream', 'Premium', recipient, 'ClefCMO', ''].join('\t'));
  const resources = [...recordings.map((r, i) => ({ isrc: i === recordings.length - 1 ? '' : (r.isrc ?? ''), title: r.title, artist: r.display_artist ?? '' })), { isrc: 'QMZZZ2500001', title: 'Not In The Catalogue', artist: 'Somebody Else' }];
  const streams = resources.map((_, i) => 100 * (resources.length - i));
  const total = streams.reduce((a, b) => a + b, 0);
  lines.push(['SY02.02', '1', '', '', 'SubscriptionModel', 'OnDemandStream', 'FR', 'Premium', String(total), '1000', 'EUR', (total * 0.004).toFixed(2), 'ClefCMO', '', '', '', '', 'PerformingRight', 'Music', '', '', '100'].join('\t'));
  resources.forEach((r, i) => {
    const block = String(i + 1);
    lines.push(['AS01.01', block, `R${block}`, `DEMO${block}`, r.isrc, r.title, '', r.artist, '', 'PT3M0S', 'SoundRecording', ''].join('\t'));
    lines.push(['SU02', block, '1', `T${block}`, '', `R${block}`, 'true', String(streams[i]), '', ''].join('\t'));
  });
  lines.push(['FOOT', String(lines.length + 1), String(lines.length + 1), '1', String(resources.length), String(resources.length)].join('\t'));
  const name = `DSR_${recipient}_${sender}_Premium_${month}_FR_1of1_${month.replace('-', '')}28T000000.tsv`;
  const bytes = new TextEncoder().encode(lines.join('\n') + '\n');
  const outcome = await ingestReportSource(context, { name, chunks: (async function* () { yield bytes; })() });
  const rates = (await listReports(context)).find((report) => report.message_id === messageId);
  if (outcome.outcome === 'refused' || !rates) throw new Error(`the demo report was not staged: ${outcome.errors[0]?.message ?? outcome.outcome}`);
  return rates;
}
