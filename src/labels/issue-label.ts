import { ClefError } from '../errors/clef-error.js';
import type { AigcLabel, LabelLevel } from './aigc-label.js';
import { formatAigcJson } from './aigc-label.js';
import { carrierOf } from './audio-format.js';
import { labelManifestDefinition, type LabelRegistration } from './c2pa-manifest.js';
import { digitalSourceTypeUri, isAiSourceType, parseDigitalSourceType, type DigitalSourceTypeTerm } from './digital-source-type.js';
import { c2paSignerFor, implicitLabelSigner, trustedEd25519, type LabelKeyring } from './label-keyring.js';
import type { ContentLabel, LabelSignature } from './label-model.js';
import type { LabelSubjectRecording } from './label-subject-source.js';
import { makeReservedCode, parseReservedCode } from './reserved-code.js';
import { signC2pa } from './sign-c2pa.js';
import type { TrainingMiningReservation } from './training-mining.js';

/** The version Clef writes into the manifests' claim generator. */
export const CLEF_VERSION = '0.1.0';

/** What a label is issued for: a registered recording, or content stated directly. */
export type LabelSubject =
  | { readonly kind: 'recording'; readonly recording: LabelSubjectRecording }
  | { readonly kind: 'direct'; readonly digitalSourceType: string; readonly producer: string; readonly contentId: string };

/** A request to label one file. */
export interface IssueLabelRequest {
  readonly subject: LabelSubject;
  /** The file's title for the manifest (its file name). */
  readonly title: string;
  /** GB 45438 level; 1 (confirmed) by default, since the subject's provenance is known. */
  readonly level?: LabelLevel;
  /** Overrides the registry's producer and content id. */
  readonly producer?: string;
  readonly contentId?: string;
  readonly generatorVersion?: string;
  /** The CMO's default reservation, used when the recording has none recorded. */
  readonly defaultTrainingMining: TrainingMiningReservation;
}

/** A labeled file and the label it now carries. */
export interface IssuedLabel {
  readonly bytes: Uint8Array;
  readonly label: ContentLabel;
  readonly aigc: AigcLabel;
  readonly c2pa: boolean;
}

/** The formats the reference C2PA library embeds into (Ogg carries only the implicit label). */
export const c2paFormats: ReadonlySet<string> = new Set(['wav', 'mp3', 'flac']);

function resolveSubject(request: IssueLabelRequest, cmo: string): { term: DigitalSourceTypeTerm; producer: string; contentId: string; registration?: LabelRegistration; reservation?: TrainingMiningReservation } {
  const subject = request.subject;
  const stated = subject.kind === 'recording' ? subject.recording.digitalSourceType : subject.digitalSourceType;
  const term = parseDigitalSourceType(stated);
  if (!term) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `"${stated}" is not an IPTC digital source type`);
  if (!isAiSourceType(term)) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `${term} content is not AI-generated or AI-assisted: it gets no AI label`);
  if (subject.kind === 'direct') {
    return { term, producer: request.producer ?? subject.producer, contentId: request.contentId ?? subject.contentId };
  }
  const r = subject.recording;
  const registration: LabelRegistration = { recordingId: r.recordingId, isrc: r.isrc, recordingTitle: r.title, workId: r.workId, workTitle: r.workTitle };
  return {
    term,
    producer: request.producer ?? r.producer ?? cmo,
    contentId: request.contentId ?? r.contentId ?? r.isrc ?? r.recordingId,
    registration: JSON.parse(JSON.stringify(registration)) as LabelRegistration,
    reservation: r.trainingMiningReservation,
  };
}

/**
 * Labels a file: the AIGC implicit label first (both reserved codes signed by the producer's key
 * where Clef holds it, else the CMO's; on first write the propagator is the producer), then, for
 * MP3, WAV and FLAC, a C2PA manifest over the labeled file, signed with the CMO's chain.
 */
export async function issueLabel(bytes: Uint8Array, request: IssueLabelRequest, keyring: LabelKeyring): Promise<IssuedLabel> {
  const carrier = carrierOf(bytes);
  if (carrier.readAigc(bytes) !== undefined) throw new ClefError('CLEF_LABEL_ALREADY_LABELED', `${request.title} already carries an AIGC label; use \`clef label propagate\``);
  const { term, producer, contentId, registration, reservation } = resolveSubject(request, keyring.cmoName);
  if (!producer || !contentId) throw new ClefError('CLEF_LABEL_SUBJECT_MISSING', 'the label needs a producer and a content id');
  const digest = carrier.audioPayloadDigest(bytes);
  const unsigned: AigcLabel = { Label: request.level ?? '1', ContentProducer: producer, ProduceID: contentId, ReservedCode1: '', ContentPropagator: producer, PropagateID: contentId, ReservedCode2: '' };
  const key = implicitLabelSigner(keyring, producer, 'producer');
  const aigc: AigcLabel = {
    ...unsigned,
    ReservedCode1: makeReservedCode(unsigned, 1, key.signer, digest, key.privateKey),
    ReservedCode2: makeReservedCode(unsigned, 2, key.signer, digest, key.privateKey),
  };
  let out = carrier.writeAigc(bytes, formatAigcJson(aigc));
  const trainingMining = reservation ?? request.defaultTrainingMining;
  const withC2pa = c2paFormats.has(carrier.format);
  const signatures: LabelSignature[] = (['ReservedCode1', 'ReservedCode2'] as const).map((field) => {
    const code = parseReservedCode(aigc[field])!;
    return { carrier: 'AIGC', field, signer: code.signer, key: code.keyId, valid: true, trustedAs: trustedEd25519(keyring, code.publicKey)?.id };
  });
  if (withC2pa) {
    const signer = c2paSignerFor(keyring);
    const definition = labelManifestDefinition({
      title: request.title, mimeType: carrier.mimeType, trainingMining, registration, cmo: keyring.cmoName, clefVersion: CLEF_VERSION,
      purpose: { kind: 'created', digitalSourceType: term, generator: { name: producer, version: request.generatorVersion } },
    });
    out = await signC2pa(out, carrier.mimeType, definition, signer.identity);
    signatures.push({ carrier: 'C2PA', field: 'manifest', signer: signer.party, key: signer.id, valid: true, trustedAs: signer.id });
  }
  return {
    bytes: out,
    aigc,
    c2pa: withC2pa,
    label: {
      digitalSourceType: digitalSourceTypeUri(term), level: aigc.Label, producer, contentId, propagator: producer, propagationId: contentId,
      registration, trainingMining, signatures,
    },
  };
}
