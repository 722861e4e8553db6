import { ClefError } from '../errors/clef-error.js';
import { formatAigcJson, parseAigcJson, type AigcLabel } from './aigc-label.js';
import { carrierOf } from './audio-format.js';
import { labelManifestDefinition } from './c2pa-manifest.js';
import { CLEF_VERSION, c2paFormats } from './issue-label.js';
import { c2paSignerFor, implicitLabelSigner, type LabelKeyring } from './label-keyring.js';
import { readC2pa } from './read-c2pa.js';
import { makeReservedCode } from './reserved-code.js';
import { signC2pa } from './sign-c2pa.js';
import { carriedReservation, uniformReservation } from './training-mining.js';

/** A platform's propagation of a labeled file. */
export interface PropagateLabelRequest {
  /** The platform's name or code, written as ContentPropagator. */
  readonly platform: string;
  /** The platform's id for this dissemination, written as PropagateID. */
  readonly propagationId: string;
  readonly title: string;
}

/**
 * Adds a platform's propagation fields to the AIGC label (ReservedCode2 re-signed by the platform's
 * key where Clef holds it, else the CMO's; ReservedCode1 kept) and, because that changes the file,
 * a new C2PA manifest signed for the platform with the previous file as parent ingredient.
 */
export async function propagateLabel(bytes: Uint8Array, request: PropagateLabelRequest, keyring: LabelKeyring): Promise<{ bytes: Uint8Array; aigc: AigcLabel }> {
  const carrier = carrierOf(bytes);
  const text = carrier.readAigc(bytes);
  if (text === undefined) throw new ClefError('CLEF_LABEL_NOT_LABELED', `${request.title} carries no AIGC label to propagate`);
  const previous = parseAigcJson(text);
  const unsigned: AigcLabel = { ...previous, ContentPropagator: request.platform, PropagateID: request.propagationId, ReservedCode2: '' };
  const key = implicitLabelSigner(keyring, request.platform, 'propagator');
  const aigc: AigcLabel = { ...unsigned, ReservedCode2: makeReservedCode(unsigned, 2, key.signer, carrier.audioPayloadDigest(bytes), key.privateKey) };
  let out = carrier.writeAigc(bytes, formatAigcJson(aigc));
  if (c2paFormats.has(carrier.format)) {
    const before = await readC2pa(bytes, carrier.mimeType, keyring.trustAnchorsPem);
    const trainingMining = carriedReservation(before.history[0]?.trainingMining, uniformReservation('notAllowed'));
    const definition = labelManifestDefinition({
      title: request.title, mimeType: carrier.mimeType, trainingMining, cmo: keyring.cmoName, clefVersion: CLEF_VERSION,
      purpose: { kind: 'propagated', propagator: request.platform, propagationId: request.propagationId },
    });
    out = await signC2pa(out, carrier.mimeType, definition, c2paSignerFor(keyring, request.platform).identity, { bytes, title: request.title });
  }
  return { bytes: out, aigc };
}
