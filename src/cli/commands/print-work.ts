import type { WorkView } from '../../registry/use-cases/show-work.js';
import { printLine } from '../output.js';

const percent = (bp: number) => `${(bp / 100).toFixed(2)} %`;

/** Prints a work whole for a person. */
export function printWork(work: WorkView): void {
  printLine(`${work.work_id}  ${work.title}${work.in_dispute ? '  [IN DISPUTE]' : ''}`);
  printLine(`  ISWC ${work.iswc ?? '-'}${work.archived_iswcs.length ? ` (archived: ${work.archived_iswcs.join(', ')})` : ''}   language ${work.language ?? '-'}   version ${work.version_type ?? '-'}   duration ${work.duration_s ?? '-'} s`);
  for (const alt of work.alternate_titles) printLine(`  also: ${alt.title} (${alt.type})`);
  const ai = work.ai_provenance;
  printLine(`AI provenance: composition ${ai.facets.composition}, lyrics ${ai.facets.lyrics}, arrangement ${ai.facets.arrangement}${ai.fully_ai_generated ? '  [FULLY AI-GENERATED]' : ''}`);
  printLine(`  derived: IPTC ${ai.derived.iptcDigitalSourceType}, DDEX ContainsAI ${ai.derived.ddexContainsAi}`);
  const tools = ai.tools as { name: string; version?: string }[];
  if (tools.length) printLine(`  tools: ${tools.map((t) => `${t.name}${t.version ? ` ${t.version}` : ''}`).join(', ')}`);
  if (ai.human_contribution) printLine(`  human contribution: ${ai.human_contribution}`);
  printLine('Registrations:');
  for (const r of work.registrations) {
    printLine(`  ${r.registration_id} [${r.status}${r.revised_by ? ` by ${r.revised_by}` : ''}] from ${r.submitter.kind} ${r.submitter.id}, work # ${r.submitter_work_number}, ${r.source} ${r.source_ref ?? ''}, ${r.received_at}`);
    for (const p of r.parties) {
      printLine(`    ${p.kind === 'writer' ? 'W' : 'P'} ${p.role.padEnd(2)} ${p.name} (${p.party_id}${p.ipi_name_number ? `, IPI ${p.ipi_name_number}` : ''})${p.controlled ? '' : ' [other]'}  PR ${percent(p.ownership_bp.PR)}  MR ${percent(p.ownership_bp.MR)}  SR ${percent(p.ownership_bp.SR)}`);
      for (const c of p.collection) printLine(`        collects in ${c.territories}: PR ${percent(c.collection_bp.PR)} MR ${percent(c.collection_bp.MR)} SR ${percent(c.collection_bp.SR)}`);
    }
  }
  printLine('Consolidated collection shares:');
  for (const s of work.shares) printLine(`  ${s.right} ${s.territory.padEnd(12)} ${s.name} (${s.party_id}) ${percent(s.collection_bp)}  from ${s.registration_id}`);
  for (const d of work.disputes) printLine(`  DISPUTE ${d.right} ${d.territory}: ${percent(d.claimed_bp)} claimed`);
  if (work.recordings.length) printLine('Recordings:');
  for (const rec of work.recordings) {
    printLine(`  ${rec.recording_id}  ${rec.isrc ?? '-'}  ${rec.title}${rec.display_artist ? ` — ${rec.display_artist}` : ''}  AI: vocals ${rec.ai_provenance.facets.vocals}, instrumentation ${rec.ai_provenance.facets.instrumentation}, production ${rec.ai_provenance.facets.production} → ${rec.ai_provenance.derived.iptcDigitalSourceType}`);
    for (const release of rec.releases) printLine(`    on ${release.release_id} ${release.icpn ?? '-'} "${release.title}"${release.label ? ` (${release.label})` : ''}, track ${release.track_number}`);
  }
  if (work.society_numbers.length) printLine('Society numbers:');
  for (const s of work.society_numbers) printLine(`  ${s.society} ${s.work_number} ${s.status ?? ''} ${s.date ?? ''}`);
  printLine('History:');
  for (const h of work.history) printLine(`  ${h.at} ${h.actor}: ${h.action}`);
}
