import type { AigcLabel } from './aigc-label.js';
import type { Ed25519KeyEntry } from './label-keyring.js';
import type { ReservedCodeSlot, SignerRole } from './reserved-code.js';

/**
 * Why a trusted key may not make the claim a reserved code makes, or undefined when it may. Trusting a key says
 * who holds it, not what they may say: only the CMO's key signs as `cmo`; a producer key signs only its own
 * party's output, as producer (and its first propagation, where the producer is its own propagator); a propagator
 * key signs only propagation steps (`ReservedCode2`) of its own party.
 */
export function signerBindingProblem(key: Pick<Ed25519KeyEntry, 'id' | 'role' | 'party'>, signer: SignerRole, slot: ReservedCodeSlot, aigc: AigcLabel): string | undefined {
  const holder = `key ${key.id} is a ${key.role} key of ${JSON.stringify(key.party)}`;
  if (signer === 'cmo') return key.role === 'cmo' ? undefined : `signed as cmo, but ${holder}: only the CMO's key signs as cmo`;
  if (key.role !== signer) return `signed as ${signer}, but ${holder}`;
  if (signer === 'producer') {
    if (key.party !== aigc.ContentProducer) return `claims producer ${JSON.stringify(aigc.ContentProducer)}, but ${holder}: a producer key labels only its own party's output`;
    if (slot === 2 && aigc.ContentPropagator !== aigc.ContentProducer) return `signs the propagation by ${JSON.stringify(aigc.ContentPropagator)} as producer: a producer key signs only its own first write`;
    return undefined;
  }
  if (slot !== 2) return `${holder}: propagation keys sign propagation steps (ReservedCode2) only`;
  if (key.party !== aigc.ContentPropagator) return `claims propagator ${JSON.stringify(aigc.ContentPropagator)}, but ${holder}`;
  return undefined;
}
