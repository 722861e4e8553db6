import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addLicence, addLicensee } from '../../src/ai/use-cases/licences.js';
import { setReservation } from '../../src/ai/use-cases/reservations.js';
import type { RegistryContext } from '../../src/registry/use-cases/registry-context.js';
import type { Store } from '../../src/store/index.js';
import { setUpCmo } from '../distribution/distribution-setup.js';

/**
 * The tests' AI set: the distribution tests' CMO and demo catalogue (members, sister-society writers, a non-member
 * co-writer of "Paper Lanterns"), Harbour Lights (W00000004) reserved against AI training from 2026-01-01, and a
 * licensee with a not-reserved licence for Melodia 2.0 in 2026 (fee 10 000 divided equally, 30 % of revenue with a
 * monthly minimum of 500, 10 % of output revenue).
 */
export async function setUpAiLicence(store: Store): Promise<RegistryContext & { licenceId: string }> {
  const context = await setUpCmo(store);
  return { ...context, licenceId: await addAiLicence(context) };
}

/** The AI set on a CMO set up already: the reservation of Harbour Lights, Melodia AI Ltd (LSE00000001) and its licence; returns the licence id. */
export async function addAiLicence(context: RegistryContext): Promise<string> {
  await setReservation(context, { work: 'W00000004', use: 'ai_training', status: 'notAllowed', from: '2026-01-01' });
  const licensee = await addLicensee(context, { name: 'Melodia AI Ltd', country: 'gb', registrationNumber: '12345678', contact: 'legal@melodia.example' });
  const licence = await addLicence(context, {
    licensee: licensee.licensee_id, model: 'Melodia', modelVersion: '2.0', from: '2026-01-01', to: '2026-12-31', uses: 'ai_training', scope: 'not-reserved',
    division: 'equal', trainingFee: '10000', revenueShare: '30', minimumGuarantee: '500', outputRate: '10',
  });
  return licence.licence_id;
}

/**
 * A manifest of five items: River of Stars by ISRC, Paper Lanterns by ISWC, Harbour Lights (reserved) by title and
 * artist, Moonlight over Jade River by ISRC, and a track nobody registered.
 */
export function writeManifest(dir: string, name = 'manifest.csv'): string {
  const path = join(dir, name);
  writeFileSync(path, [
    'isrc,iswc,title,artist,file_digest,duration_used_s',
    `CNA1M2600001,,River of Stars,Li Wei,sha256:${'1'.repeat(64)},225`,
    ',T-345.246.852-5,Paper Lanterns,Wang Fang,,185',
    ',,Harbour Lights,Tom Harris,,200',
    'CNA1M2600002,,,,,250',
    ',,Night Drive Unreleased,Nobody Known,,100',
  ].join('\n') + '\n');
  return path;
}
