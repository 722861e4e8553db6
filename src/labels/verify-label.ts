import type { AigcLabel } from './aigc-label.js';
import { carrierOf } from './audio-format.js';
import { c2paFormats } from './issue-label.js';
import { trustedEd25519, type LabelKeyring } from './label-keyring.js';
import type { ContentLabel, LabelSignature } from './label-model.js';
import { readImplicitLabel } from './implicit-label.js';
import { readC2pa, type C2paReading } from './read-c2pa.js';
import { parseReservedCode, verifyReservedCode, type ReservedCodeSlot } from './reserved-code.js';
import { signerBindingProblem } from './signer-binding.js';

/** The verdict of `clef label verify`, which is also its exit status. */
export type VerifyStatus = 'valid' | 'invalid' | 'unlabeled' | 'untrusted';

/** Exit status per verdict: 0 valid and trusted, 1 invalid or tampered, 2 unlabeled, 3 valid but signed by a key Clef does not trust. */
export const verifyExitCodes: Readonly<Record<VerifyStatus, number>> = { valid: 0, invalid: 1, unlabeled: 2, untrusted: 3 };

/** One propagation step of a file's history, oldest first. */
export interface PropagationStep {
  readonly propagator: string;
  readonly propagationId: string;
  readonly signedBy?: string;
}

/** Everything `clef label verify` reports about a file. */
export interface LabelVerification {
  readonly status: VerifyStatus;
  readonly format: string;
  readonly aigc?: AigcLabel;
  readonly c2pa?: C2paReading;
  /** True when the audio payload differs from what a signature covered. */
  readonly audioChanged: boolean;
  readonly label?: ContentLabel;
  readonly propagation: readonly PropagationStep[];
  readonly problems: readonly string[];
}

function checkReservedCode(aigc: AigcLabel, slot: ReservedCodeSlot, digest: string, keyring: LabelKeyring, problems: string[]): { signature?: LabelSignature; audioChanged: boolean; unbound?: boolean } {
  const field = `ReservedCode${slot}`;
  const text = slot === 1 ? aigc.ReservedCode1 : aigc.ReservedCode2;
  const code = parseReservedCode(text);
  if (!code) {
    problems.push(text ? `${field} is not a signature Clef can check` : `${field} is empty`);
    return { audioChanged: false };
  }
  const valid = verifyReservedCode(aigc, slot, code);
  if (!valid) problems.push(`${field} signature does not verify`);
  const audioChanged = code.audioDigest !== digest;
  if (audioChanged) problems.push(`${field}: the audio changed after labeling`);
  const trusted = trustedEd25519(keyring, code.publicKey);
  if (!trusted) problems.push(`${field} is signed by key ${code.keyId}, which Clef does not trust`);
  const binding = trusted && signerBindingProblem(trusted, code.signer, slot, aigc);
  if (binding) problems.push(`${field} ${binding}`);
  return { signature: { carrier: 'AIGC', field, signer: code.signer, key: code.keyId, valid, trustedAs: trusted && `${trusted.id} (${trusted.party})` }, audioChanged, unbound: binding !== undefined };
}

/**
 * Verifies the labels of a file: the AIGC reserved codes (signature, key trust, audio digest) and
 * the C2PA manifests with the reference reader (trusting the key folder's CAs), and reports the
 * propagation history and the registered recording and work.
 */
export async function verifyLabel(bytes: Uint8Array, keyring: LabelKeyring): Promise<LabelVerification> {
  const carrier = carrierOf(bytes);
  const implicit = readImplicitLabel(bytes);
  const c2pa = c2paFormats.has(carrier.format) ? await readC2pa(bytes, carrier.mimeType, keyring.trustAnchorsPem) : undefined;
  const problems: string[] = [];
  if (!implicit.label && !c2pa?.present) return { status: 'unlabeled', format: carrier.format, audioChanged: false, propagation: [], problems: ['no AIGC label and no C2PA manifest'] };
  const signatures: LabelSignature[] = [];
  let audioChanged = false;
  let invalid = false;
  let untrusted = false;
  const aigc = implicit.label;
  if (aigc) {
    for (const slot of [1, 2] as const) {
      const result = checkReservedCode(aigc, slot, implicit.audioDigest, keyring, problems);
      audioChanged ||= result.audioChanged;
      if (!result.signature) untrusted = true;
      else {
        signatures.push(result.signature);
        invalid ||= !result.signature.valid || result.audioChanged || result.unbound === true;
        untrusted ||= !result.signature.trustedAs;
      }
    }
  } else problems.push('no AIGC implicit label');
  if (c2pa?.present) {
    if (c2pa.failures.includes('assertion.dataHash.mismatch')) audioChanged = true;
    if (c2pa.state === 'Invalid' || c2pa.failures.length > 0) {
      invalid = true;
      problems.push(`C2PA: ${c2pa.failures.join(', ') || 'invalid'}`);
    }
    if (c2pa.untrusted) {
      untrusted = true;
      problems.push('C2PA: signed by a certificate Clef does not trust');
    }
    const active = c2pa.history[0];
    if (active) signatures.push({ carrier: 'C2PA', field: active.label, signer: active.signer.commonName ?? '', key: active.signer.issuer, valid: c2pa.state !== 'Invalid', trustedAs: c2pa.state === 'Trusted' ? active.signer.issuer : undefined });
  } else if (c2pa) problems.push('no C2PA manifest');
  const created = c2pa?.history.find((m) => m.actions[0]?.action === 'c2pa.created');
  const registration = c2pa?.history.find((m) => m.clefLabel?.registration)?.clefLabel?.registration;
  const propagation: PropagationStep[] = (c2pa?.history ?? [])
    .filter((m) => m.clefLabel?.purpose.kind === 'propagated')
    .reverse()
    .map((m) => {
      const purpose = m.clefLabel!.purpose as { propagator: string; propagationId: string };
      return { propagator: purpose.propagator, propagationId: purpose.propagationId, signedBy: m.signer.commonName };
    });
  if (aigc && propagation.length === 0 && aigc.ContentPropagator !== aigc.ContentProducer) propagation.push({ propagator: aigc.ContentPropagator, propagationId: aigc.PropagateID });
  const label: ContentLabel | undefined = aigc && {
    digitalSourceType: created?.actions[0]?.digitalSourceType, level: aigc.Label, producer: aigc.ContentProducer, contentId: aigc.ProduceID,
    propagator: aigc.ContentPropagator, propagationId: aigc.PropagateID, registration, trainingMining: c2pa?.history[0]?.trainingMining, signatures,
  };
  const status: VerifyStatus = invalid ? 'invalid' : untrusted || !aigc || (c2pa !== undefined && !c2pa.present) ? 'untrusted' : 'valid';
  return { status, format: carrier.format, aigc, c2pa, audioChanged, label, propagation, problems };
}
