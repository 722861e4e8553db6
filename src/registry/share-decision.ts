import { ClefError } from '../errors/index.js';
import type { SharePicture, ShareCell } from './consolidate-shares.js';
import { isRight, type Right } from './right.js';
import { formatShare, fullShare, parseSharePercent, shareTolerance, type BasisPoints } from './share.js';

/** A counterclaim decided by explicit shares: per right, each contested party's collection share. */
export type ShareDecision = ReadonlyMap<Right, ReadonlyMap<string, BasisPoints>>;

const invalid = (message: string, value?: string): never => {
  throw new ClefError('CLEF_REGISTRY_RESOLUTION_INVALID', message, { field: 'shares', ...(value === undefined ? {} : { value }) });
};

/**
 * Reads `--shares` values, one per right: `PR:00012347128=60,00012347814=40` (IPI name number = percent, up to two
 * decimals); a right at most once, a party at most once per right, the right's shares at most 100 %.
 * @example parseShareDecision(['PR:00012347128=60,00012347814=40']).get('PR')?.get('00012347128') === 6000
 */
export function parseShareDecision(texts: readonly string[]): Map<Right, Map<string, BasisPoints>> {
  const decision = new Map<Right, Map<string, BasisPoints>>();
  for (const text of texts) {
    const match = /^\s*([A-Za-z]{2})\s*:(.+)$/.exec(text);
    const right = match?.[1].toUpperCase() ?? '';
    if (!match || !isRight(right)) return invalid(`--shares ${JSON.stringify(text)} is not RIGHT:IPI=PERCENT[,IPI=PERCENT…] with RIGHT one of PR, MR, SR`, text);
    if (decision.has(right)) return invalid(`--shares names ${right} twice`, text);
    const shares = new Map<string, BasisPoints>();
    for (const part of match[2].split(',')) {
      const [ipi, percent, extra] = part.split('=').map((s) => s.trim());
      if (!ipi || percent === undefined || extra !== undefined) return invalid(`--shares ${right}: ${JSON.stringify(part)} is not IPI=PERCENT`, text);
      if (shares.has(ipi)) return invalid(`--shares ${right} names ${ipi} twice`, text);
      const bp = parseSharePercent(percent);
      if (bp === undefined) return invalid(`--shares ${right}: ${JSON.stringify(percent)} is not a percentage with at most two decimals`, text);
      if (bp > fullShare) return invalid(`--shares ${right}: ${percent} % for ${ipi} is more than 100`, text);
      shares.set(ipi, bp);
    }
    const total = [...shares.values()].reduce((t, s) => t + s, 0);
    if (total > fullShare) return invalid(`--shares ${right} adds up to ${formatShare(total)}, more than 100 %`, text);
    decision.set(right, shares);
  }
  if (decision.size === 0) return invalid('--shares needs at least one RIGHT:IPI=PERCENT');
  return decision;
}

function contestedParties(cell: ShareCell): string[] {
  return cell.claims.filter((c) => c.contested).map((c) => c.partyId);
}

/**
 * Checks a decision against a work's picture before it is recorded: it decides every disputed right and only those,
 * names every contested party of each disputed cell and no one else, and with the uncontested shares stays within
 * 100 % (+0.06 %) in every cell. `label` names a party in messages (its IPI name number).
 */
export function checkShareDecision(picture: SharePicture, decision: ShareDecision, label: (partyId: string) => string): void {
  const disputed = picture.cells.filter((c) => c.inDispute);
  const disputedRights = new Set(disputed.map((c) => c.right));
  for (const right of disputedRights) if (!decision.has(right)) invalid(`${right} is in dispute: give --shares ${right}:IPI=PERCENT,… for ${[...new Set(disputed.filter((c) => c.right === right).flatMap(contestedParties))].map(label).join(', ')}`);
  for (const [right, shares] of decision) {
    if (!disputedRights.has(right)) invalid(`${right} is not in dispute on this work; --shares decides disputed rights only`);
    const contested = new Set(disputed.filter((c) => c.right === right).flatMap(contestedParties));
    for (const partyId of shares.keys()) if (!contested.has(partyId)) invalid(`${label(partyId)} has no contested ${right} claim on this work`);
    for (const cell of disputed.filter((c) => c.right === right)) {
      for (const partyId of contestedParties(cell)) if (!shares.has(partyId)) invalid(`--shares ${right} must give ${label(partyId)} a share (a contested claim)`);
      const total = cell.paid + contestedParties(cell).reduce((t, p) => t + shares.get(p)!, 0);
      if (total > fullShare + shareTolerance) invalid(`--shares ${right} with the uncontested shares makes ${formatShare(total)} in one territory, more than 100 %`);
    }
  }
}

/**
 * A picture with a decision applied: in each disputed cell of a decided right whose contested parties the decision
 * all names, those parties collect the decided shares and nothing is held; other cells stay as they are (a later
 * registration contesting someone else opens a new dispute).
 */
export function applyShareDecision(picture: SharePicture, decision: ShareDecision): SharePicture {
  const cells = picture.cells.map((cell): ShareCell => {
    const shares = decision.get(cell.right);
    if (!cell.inDispute || !shares || !contestedParties(cell).every((p) => shares.has(p))) return cell;
    const claims = cell.claims.map((c) => (c.contested ? { ...c, share: shares.get(c.partyId)!, contested: false } : c));
    const paid = claims.reduce((t, c) => t + c.share, 0);
    return { ...cell, claims, total: paid, paid, held: 0, undocumented: Math.max(0, fullShare - paid), inDispute: false };
  });
  return { ...picture, cells, inDispute: cells.some((c) => c.inDispute) };
}
