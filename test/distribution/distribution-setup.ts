import { fileURLToPath } from 'node:url';
import { setDspLicence } from '../../src/distribution/use-cases/dsp-licences.js';
import { setFxRate } from '../../src/distribution/use-cases/fx-rates.js';
import { importWorksCsv } from '../../src/registry/use-cases/import-works-csv.js';
import { importMembers } from '../../src/registry/use-cases/members.js';
import type { RegistryContext } from '../../src/registry/use-cases/registry-context.js';
import { setSettings } from '../../src/registry/use-cases/settings.js';
import { openStore, type Store } from '../../src/store/index.js';
import { ingestReportSource } from '../../src/usage/use-cases/ingest-report.js';
import { testContext } from '../registry/registry-fixtures.js';
import { basicAudioReport, reportSource, type BlockSpec, type ReportSpec } from './basic-audio-report.js';

const demoDir = fileURLToPath(new URL('../../data/demo/', import.meta.url));

/** The DSP of the tests' reports. */
export const dsp = 'PADPIDA2011072101T';
const cmoDpid = 'PADPIDA2025010101C';

/**
 * A CMO in CNY (society 119, sister societies 052 and 058 for PR and MR worldwide) with the demo members and
 * catalogue (a sister-society writer, a non-member, an AI-generated work, a disputed work) and an EUR→CNY rate.
 */
export async function setUpCmo(store: Store): Promise<RegistryContext> {
  const context = testContext(store);
  await setSettings(context, { name: 'Test CMO', societyCode: '119', currency: 'CNY', sisters: ['052:PR;MR:2136', '058:PR;MR:2136'] });
  await importMembers(context, `${demoDir}members.csv`);
  await importWorksCsv(context, `${demoDir}works.csv`, { submitter: { kind: 'cmo', societyCode: '119' } });
  await importWorksCsv(context, `${demoDir}works-jade-river.csv`, { submitter: { kind: 'publisher', ipiNameNumber: '00012347814' } });
  await setFxRate(context, { from: 'EUR', to: 'CNY', period: '2025-01', rate: '7.8125' });
  return context;
}

/** Sets the test DSP's licence: 12 % of NetRevenue for PR and MR everywhere. */
export async function licenseDsp(context: RegistryContext, rights = 'PR,MR'): Promise<void> {
  await setDspLicence(context, { dpid: dsp, rate: '0.12', rights });
}

/** The blocks of the tests' January report: catalogue recordings, one unknown, one not royalty-bearing. */
export const januaryBlocks: readonly BlockSpec[] = [
  { isrc: 'CNA1M2600001', title: 'River of Stars', artist: 'Li Wei & Claire Moreau', summaryId: '1', streams: 4001 },
  { isrc: 'CNA1M2600002', title: 'Moonlight over Jade River', artist: 'Zhang Min', summaryId: '1', streams: 3000 },
  { isrc: 'CNA1M2600004', title: 'Harbour Lights', artist: 'Tom Harris', summaryId: '1', streams: 777 },
  { isrc: 'CNA1M2600005', title: 'Paper Lanterns', artist: 'Wang Fang', summaryId: '2', streams: 1500 },
  { isrc: 'CNA1M2600006', title: 'Synthetic Dawn', artist: 'Neon Loop', summaryId: '2', streams: 900 },
  { isrc: 'CNA1M2600007', title: 'Golden Hour', artist: 'Li Wei', summaryId: '2', streams: 333 },
  { isrc: 'QMZZZ2500001', title: 'Not In The Catalogue', artist: 'Somebody Else', summaryId: '1', streams: 1000 },
  { isrc: 'CNA1M2600008', title: 'Northern Wind', artist: 'Zhang Min', summaryId: '2', streams: 50, royaltyBearing: false },
];

/** The tests' January 2025 report from France in EUR: two summaries, one of them with usage the lines do not list. */
export function januaryReport(blocks: readonly BlockSpec[] = januaryBlocks, serial = 1): ReportSpec {
  return {
    sender: dsp,
    recipient: cmoDpid,
    month: '2025-01',
    territory: 'FR',
    currency: 'EUR',
    serial,
    summaries: [
      { id: '1', commercialModel: 'SubscriptionModel', usages: 8778, subscribers: 1000, netRevenue: '1234.57' },
      { id: '2', commercialModel: 'AdvertisementSupportedModel', usages: 3000, subscribers: 5000, netRevenue: '98.76' },
    ],
    blocks,
  };
}

/** Ingests a report through the usage use case (staged and matched), optionally as a corrected resend of an earlier MessageId. */
export async function ingest(context: RegistryContext, spec: ReportSpec, replaces?: string): Promise<void> {
  const outcome = await ingestReportSource(context, reportSource(basicAudioReport(spec)), replaces ? { replaces } : {});
  if (outcome.outcome !== 'staged') throw new Error(`report not staged: ${outcome.outcome} ${outcome.errors.map((e) => e.message).join('; ')}`);
}

/**
 * A fresh store at a test location with the licensed CMO of `setUpCmo`, the given reports ingested and `more`
 * done, closed again so the real program can open it; returns its location.
 */
export async function preparedLocation(location: () => Promise<string>, reports: readonly ReportSpec[] = [], more?: (context: RegistryContext) => Promise<unknown>): Promise<string> {
  const db = await location();
  const store = await openStore(db);
  try {
    const context = await setUpCmo(store);
    await licenseDsp(context);
    for (const report of reports) await ingest(context, report);
    await more?.(context);
  } finally {
    await store.close();
  }
  return db;
}
