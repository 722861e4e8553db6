import type { ClefDatabase } from '../../store/index.js';
import { heldShareParty, type SharePicture } from '../consolidate-shares.js';
import { territorySetText } from './territory-set-text.js';


/**
 * The stored rows of a work's share picture: one row per uncontested party and cell, one `~disputed` row with what
 * is held for a counterclaim, and one dispute row per contested cell.
 */
export function sharePictureRows(workId: string, picture: SharePicture): { shares: ClefDatabase['work_collection_shares'][]; disputes: ClefDatabase['work_disputes'][] } {
  const shares: ClefDatabase['work_collection_shares'][] = [];
  const disputes: ClefDatabase['work_disputes'][] = [];
  for (const cell of picture.cells) {
    const territory = territorySetText(cell.territories);
    for (const claim of cell.claims) {
      if (!claim.contested) shares.push({ work_id: workId, right_code: cell.right, territory, party_id: claim.partyId, registration_id: claim.registrationId, collection_bp: claim.share });
    }
    if (!cell.inDispute) continue;
    const registrations = [...new Set(cell.claims.filter((c) => c.contested).flatMap((c) => c.values.map((v) => v.registrationId)))];
    if (cell.held > 0) shares.push({ work_id: workId, right_code: cell.right, territory, party_id: heldShareParty, registration_id: registrations.join(' '), collection_bp: cell.held });
    disputes.push({ work_id: workId, right_code: cell.right, territory, claimed_bp: cell.total });
  }
  return { shares, disputes };
}
