import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLookups } from '../lookups/index.js';
import { importWorksCsv } from '../registry/use-cases/import-works-csv.js';
import { importMembers } from '../registry/use-cases/members.js';
import type { RegistryContext } from '../registry/use-cases/registry-context.js';
import { searchWorks } from '../registry/use-cases/search-works.js';
import { setSettings } from '../registry/use-cases/settings.js';
import { listDisputes, showWork } from '../registry/use-cases/show-work.js';
import { isPostgresLocation } from '../store/index.js';
import { defaultIndexDir, runAudioDemo } from '../audio/index.js';
import { registryRecordingCatalogue } from '../audio/use-cases/registry-recording-catalogue.js';
import { validateCwrFile } from '../formats/cwr/index.js';
import { addDemoLogins } from './demo-logins.js';
import { exportWorksCwr } from '../registry/use-cases/export-works-cwr.js';
import { runDistributionDemo } from '../distribution/use-cases/run-distribution-demo.js';
import { formatMicros } from '../money/index.js';
import { ingestDemoReport } from '../usage/use-cases/ingest-demo-report.js';
import { runAiDemo } from '../ai/use-cases/run-ai-demo.js';
import { labelDemoAiRecording } from './demo-label.js';
import { openDemoStore } from './demo-store.js';

/** The demo's data files (members and catalogue) shipped with the repository. */
export const demoDataDir = fileURLToPath(new URL('../../data/demo/', import.meta.url));

/** What the demo says as it goes: one line per step, for a person. */
export type DemoReporter = (line: string) => void;

/**
 * Runs the main job on a fresh store: sets up a CMO, its members and a catalogue with human works, an AI-assisted
 * work with co-owners ("River of Stars") and an AI-generated recording, a disputed work, then shows what it holds.
 */
export async function runDemo(location: string, say: DemoReporter, clock: () => string = () => new Date().toISOString()): Promise<void> {
  const store = await openDemoStore(location);
  try {
    const context: RegistryContext = { store, actor: 'clef demo', clock, lookups: loadLookups() };
    say(`Clef demo on ${location}`);
    const settings = await setSettings(context, {
      name: 'Demo Music Copyright Society',
      societyCode: '119',
      currency: 'CNY',
      sisters: ['052:PR;MR:2136', '058:PR;MR:2136', '035:PR;MR:2136'],
    });
    say(`1. The CMO: ${settings.name} (society ${settings.societyCode}, ${settings.currency}), reciprocal agreements with ${settings.sisters.map((s) => s.societyCode).join(', ')}`);
    const members = await importMembers(context, `${demoDataDir}members.csv`);
    say(`2. Members imported from data/demo/members.csv: ${members.imported}`);
    const catalogue = await importWorksCsv(context, `${demoDataDir}works.csv`, { submitter: { kind: 'cmo', societyCode: '119' } });
    say(`3. Catalogue registered from data/demo/works.csv: ${catalogue.created} works (${catalogue.findings.filter((f) => f.severity === 'warning').length} flagged as fully AI-generated)`);
    const rival = await importWorksCsv(context, `${demoDataDir}works-jade-river.csv`, { submitter: { kind: 'publisher', ipiNameNumber: '00012347814' } });
    say(`4. A publisher's competing registration: ${rival.added} added, ${rival.disputed} work now in dispute`);
    for (const dispute of await listDisputes(context)) {
      say(`   dispute: ${dispute.work_id} "${dispute.title}" ${dispute.right_code} in ${dispute.territory}: ${(dispute.claimed_bp / 100).toFixed(2)} % claimed`);
    }
    const [hit] = await searchWorks(context, 'Rivr of Stars');
    say(`5. Search "Rivr of Stars" (with a typo) finds ${hit.work_id} "${hit.title}" (score ${hit.score})`);
    const work = await showWork(context, hit.work_id);
    say(`   AI provenance: ${Object.entries(work.ai_provenance.facets).map(([facet, origin]) => `${facet} ${origin}`).join(', ')} → IPTC ${work.ai_provenance.derived.iptcDigitalSourceType}, DDEX ContainsAI ${work.ai_provenance.derived.ddexContainsAi}`);
    say(`   co-owners (PR, world): ${work.shares.filter((s) => s.right === 'PR').map((s) => `${s.name} ${(s.collection_bp / 100).toFixed(2)} %`).join('; ')}`);
    const [synthetic] = await searchWorks(context, 'Synthetic Dawn');
    const ai = await showWork(context, synthetic.work_id);
    say(`6. AI-generated: ${ai.work_id} "${ai.title}", recording ${ai.recordings[0]?.isrc} → IPTC ${ai.recordings[0]?.ai_provenance.derived.iptcDigitalSourceType}, claimed by ${ai.shares.find((s) => s.right === 'PR')?.name}`);
    const filesDir = isPostgresLocation(location) ? 'clef-demo-files' : join(dirname(location), 'clef-demo-files');
    const labeled = await labelDemoAiRecording(store, ai.recordings[0].isrc!, filesDir, settings.name ?? 'Demo CMO', new Date(clock()));
    const verdict = labeled.verification;
    say(`7. Labeled ${labeled.subject.isrc} as AI-generated: ${labeled.path}`);
    say(`   AIGC Label ${verdict.aigc?.Label}, producer ${verdict.aigc?.ContentProducer}; C2PA ${verdict.c2pa?.state ?? 'absent'}; verify: ${verdict.status}${verdict.audioChanged ? ' (audio changed!)' : ''}`);
    const cwr = await exportWorksCwr(context, { version: '2.2', out: filesDir });
    const check = await validateCwrFile(cwr.path);
    say(`8. Registrations sent as CWR 2.2: ${cwr.path} (${cwr.works} works; Clef's validator: ${check.findingList.length} findings)`);
    const usage = await ingestDemoReport(context, '2025-01');
    say(`9. Usage report ${usage.message_id} from ${usage.dsp} for ${usage.period}: ${usage.lines} lines, ${usage.matched_resources} of ${usage.resources} resources matched (${(usage.match_rate_resources * 100).toFixed(1)} % of resources, ${(usage.match_rate_usages * 100).toFixed(1)} % of usages)`);
    const distribution = await runDistributionDemo(context);
    const f = distribution.figures;
    const money = (micros: string) => `${formatMicros(BigInt(micros), 2)} ${settings.currency}`;
    const reserves = Object.entries(f.reserves).filter(([, micros]) => micros !== '0').map(([name, micros]) => `${name.replace(/_micros$/, '').replace(/_/g, ' ')} ${money(micros)}`);
    say(`10. Distribution run ${f.run_id} for ${f.period} (licence rate ${distribution.licence.rate}${distribution.fxRate ? `, ${distribution.fxRate.from}→${distribution.fxRate.to} ${distribution.fxRate.rate}` : ''}): in ${money(f.money_in_micros)} = commission ${money(f.commission_micros)} + members and societies ${money(f.allocated_micros)} + reserves ${money(String(BigInt(f.money_in_micros) - BigInt(f.commission_micros) - BigInt(f.allocated_micros)))}`);
    say(`    match rate by lines ${(f.match_rate.lines * 100).toFixed(1)} %, by usages ${(f.match_rate.usages * 100).toFixed(1)} %, by money ${(f.match_rate.money * 100).toFixed(1)} %; reserves: ${reserves.join(', ') || 'none'}`);
    say(`    sister societies: ${f.sister_societies.map((s) => `${s.society} ${money(s.amount_micros)}`).join(', ') || 'none'}`);
    if (distribution.statement) {
      const st = distribution.statement;
      say(`    statement for ${st.payee.name}: ${st.lines.length} lines, ${st.totals.usages} usages, ${money(st.totals.amount_micros)}`);
      for (const line of st.lines.slice(0, 4)) say(`      ${line.title} ${line.right} ${line.usages} usages ${money(line.amount_micros)}  (${line.line_id})`);
    }
    const audio = await runAudioDemo(join(filesDir, 'audio'), defaultIndexDir(location), () => new Date(clock()), {
      isrcs: ['CNA1M2600001', 'CNA1M2600002', 'CNA1M2600003'],
      catalogue: registryRecordingCatalogue(store),
    });
    const [match] = audio.identification.matches;
    say(`11. Audio: indexed ${audio.indexed.added.length} recordings (${(audio.indexed.bytesPerHour / 2 ** 20).toFixed(2)} MB of index per hour); a degraded 10 s excerpt (+1 semitone, 4 % faster, reverb, noise) ${match ? `is ${match.recording_id ?? ''} ${match.isrc} "${match.title ?? ''}" at ${match.reference_offset_s.toFixed(1)} s, time factor ${match.time_factor.toFixed(3)}, score ${match.score}` : 'was not identified'}`);
    say(`    evidence report: ${audio.evidenceHtml}`);
    const training = await runAiDemo(context, filesDir);
    const counts = Object.entries(training.audit.report).map(([category, entries]) => `${entries.length} ${category}`).join(', ');
    say(`12. AI training: ${training.reservation.scope_id} reserved against ${training.reservation.use_code} from ${training.reservation.effective_from}; ${training.licensee} licensed for ${training.licence.model_name} ${training.licence.model_version} (${training.licence.licence_id}, ${training.licence.scope}, fee ${training.licence.fee_division})`);
    say(`    declaration ${training.audit.declaration.declaration_id} audited: ${counts}; report ${training.auditFiles[1]}`);
    for (const entry of [...training.audit.report.violation, ...training.audit.report.unidentified]) say(`      ${entry.work_id ?? 'unidentified'}: ${entry.evidence}`);
    say(`    reservations published as TDMRep: ${training.exportFiles[0]}`);
    const af = training.figures;
    say(`    AI run ${af.run_id} (kind ${af.kind}) for ${af.period}: fee ${money(training.outcome.pools.training_fee)} + revenue share ${money(training.outcome.pools.revenue_share)} + output use ${money(training.outcome.pools.output_use)} = commission ${money(af.commission_micros)} + members and societies ${money(af.allocated_micros)} + AI escrow ${money(af.reserves.ai_escrow_micros)} + other reserves ${money(String(BigInt(af.money_in_micros) - BigInt(af.commission_micros) - BigInt(af.allocated_micros) - BigInt(af.reserves.ai_escrow_micros)))}`);
    say(`    not paid, listed for enforcement: ${training.outcome.enforcement.map((e) => e.work_id ?? e.recording_id).join(', ') || 'none'}`);
    if (training.statement) {
      say(`    AI statement for ${training.statement.payee.name}: ${training.statement.lines.length} lines, ${money(training.statement.totals.amount_micros)}`);
      for (const line of training.statement.lines.slice(0, 6)) say(`      ${line.title} ${line.right} ${line.source.use_type} from ${line.source.dsp} ${money(line.amount_micros)}  (${line.line_id})`);
    }
    const logins = await addDemoLogins(context, training.licence.licensee_id);
    say(`13. The portal and the API: npm run demo -- --serve (or clef serve --db ${location}), then open http://127.0.0.1:8080/`);
    for (const login of logins) say(`    login ${login.user} / ${login.password}: ${login.what}`);
    // Hints a person can paste into the shell of a clone (the `clef` bin exists only after a build or install).
    say(`Try: npm run clef -- works show ${hit.work_id} --db ${location}`);
    say(`     npm run clef -- audio identify ${audio.query} --db ${location}`);
    say(`     npm run clef -- label verify ${labeled.path} --keys ${join(filesDir, 'keys')}`);
  } finally {
    await store.close();
  }
}
