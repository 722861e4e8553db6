import type { DsrSource } from '../../src/formats/dsr/index.js';

/** A summary record (SY02.02) of a generated report. */
export interface SummarySpec {
  readonly id: string;
  readonly commercialModel: string;
  readonly usages: number;
  readonly subscribers: number;
  readonly netRevenue: string;
}

/** A musical work (MW01.01) a resource embodies. */
export interface WorkSpec {
  readonly title: string;
  readonly iswc?: string;
  /** ComposerAuthor names. */
  readonly writers?: readonly string[];
  /** ProprietaryWorkId, `Namespace::Value`. */
  readonly proprietaryId?: string;
}

/** A resource (AS01.01) with its works (MW01.01, several for a medley) and its one stream line (SU02). */
export interface BlockSpec {
  readonly isrc: string;
  readonly title: string;
  readonly artist: string;
  readonly summaryId: string;
  readonly streams: number;
  readonly royaltyBearing?: boolean;
  readonly works?: readonly WorkSpec[];
  /** The DspResourceId, when not made from the ISRC or title. */
  readonly resourceId?: string;
}

/** What a generated DDEX DSR Basic Audio 1.2 report holds. */
export interface ReportSpec {
  readonly sender: string;
  readonly recipient: string;
  readonly month: string;
  readonly territory: string;
  /** The summaries' Territory when it differs from the file name's (`Worldwide`). */
  readonly summaryTerritory?: string;
  readonly currency: string;
  readonly summaries: readonly SummarySpec[];
  readonly blocks: readonly BlockSpec[];
  /** Distinguishes reports of the same sender and month (MessageId and created time). */
  readonly serial?: number;
}

/** Writes a report as a DSR file name and its text, lines in the spec's order. */
export function basicAudioReport(spec: ReportSpec): { name: string; text: string } {
  const serial = spec.serial ?? 1;
  const messageId = `${spec.sender}-${spec.month}-${serial}`;
  const end = `${spec.month}-28`;
  const lines = [['HEAD', 'dsrf/30', 'BasicAudioProfile', '1.2', messageId, `${spec.month}-28T00:00:0${serial}Z`, '1', '1', `${spec.month}-01`, end, spec.sender, 'TestStream', 'Premium', spec.recipient, 'ClefCMO', ''].join('\t')];
  for (const s of spec.summaries) {
    lines.push(['SY02.02', s.id, '', '', s.commercialModel, 'OnDemandStream', spec.summaryTerritory ?? spec.territory, 'Premium', String(s.usages), String(s.subscribers), spec.currency, s.netRevenue, 'ClefCMO', '', '', '', '', 'PerformingRight', 'Music', '', '', '100'].join('\t'));
  }
  spec.blocks.forEach((b, i) => {
    const block = String(i + 1);
    lines.push(['AS01.01', block, `R${block}`, b.resourceId ?? `RES${b.isrc || b.title.replace(/\W/g, '')}`, b.isrc, b.title, '', b.artist, '', 'PT3M0S', 'SoundRecording', ''].join('\t'));
    (b.works ?? []).forEach((w, j) => {
      lines.push(['MW01.01', block, `W${block}-${j + 1}`, w.iswc ?? '', w.title, '', (w.writers ?? []).join('|'), '', '', '', '', '', '', '', '', w.proprietaryId ?? ''].join('\t'));
    });
    lines.push(['SU02', block, b.summaryId, `T${b.isrc || block}`, '', `R${block}`, b.royaltyBearing === false ? 'false' : 'true', String(b.streams), '', ''].join('\t'));
  });
  lines.push(['FOOT', String(lines.length + 1), String(lines.length + 1), String(spec.summaries.length), String(spec.blocks.length), String(spec.blocks.length)].join('\t'));
  const name = `DSR_${spec.recipient}_${spec.sender}_Premium_${spec.month}_${spec.territory}_1of1_${spec.month.replace('-', '')}28T00000${serial}.tsv`;
  return { name, text: lines.join('\n') + '\n' };
}

/** A report as a source the usage use case ingests. */
export function reportSource(report: { name: string; text: string }): DsrSource {
  const bytes = new TextEncoder().encode(report.text);
  return { name: report.name, chunks: (async function* () { yield bytes; })() };
}
