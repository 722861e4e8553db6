import { basename } from 'node:path';
import { ClefError } from '../../errors/clef-error.js';
import { addAudibleCue } from '../add-audible-cue.js';
import type { AigcLabel, LabelLevel } from '../aigc-label.js';
import { explicitLabelText } from '../explicit-label.js';
import { naming } from '../file-malformed.js';
import { issueLabel, type IssuedLabel, type LabelSubject } from '../issue-label.js';
import type { LabelKeyring } from '../label-keyring.js';
import { readAudioFile } from '../label-file.js';
import type { LabelSubjectSource } from '../label-subject-source.js';
import { uniformReservation, type TrainingMiningUse } from '../training-mining.js';

/** What `label issue` is asked, from the command line's options or the API's form fields. */
export interface IssueLabelFileRequest {
  /** The registered recording (id or ISRC); else sourceType, producer and contentId state the subject. */
  readonly recording?: string;
  readonly sourceType?: string;
  readonly producer?: string;
  readonly contentId?: string;
  readonly level?: string;
  readonly generatorVersion?: string;
  /** `rhythm`, or the path of a WAV spoken notice. */
  readonly cue?: string;
  readonly trainingMiningDefault?: string;
}

/** The labelled bytes and what they carry. */
export interface IssuedLabelFile {
  readonly bytes: Uint8Array;
  readonly aigc: AigcLabel;
  readonly c2pa: boolean;
  readonly label: IssuedLabel['label'];
  readonly display: string;
}

async function subjectOf(request: IssueLabelFileRequest, source: LabelSubjectSource | undefined): Promise<LabelSubject> {
  if (request.recording) {
    if (!source) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', 'labels are not connected to the registry in this build: state --source-type, --producer and --content-id');
    const found = await source.findRecording(request.recording);
    if (found === 'ambiguous') throw new ClefError('CLEF_AMBIGUOUS', `${request.recording} names several recordings; give the Clef recording id`);
    if (!found) throw new ClefError('CLEF_NOT_FOUND', `no recording ${request.recording}`);
    return { kind: 'recording', recording: found };
  }
  if (!request.sourceType || !request.producer || !request.contentId) {
    throw new ClefError('CLEF_LABEL_SUBJECT_MISSING', 'give --recording ID|ISRC, or --source-type, --producer and --content-id');
  }
  return { kind: 'direct', digitalSourceType: request.sourceType, producer: request.producer, contentId: request.contentId };
}

/**
 * Labels an audio file (the `label issue` use case): a signed AIGC implicit label and a C2PA manifest from a registered
 * recording's AI provenance (`source` finds it) or a stated source type, optionally with an audible cue. Writes nothing:
 * the caller saves or sends the bytes. `title` is the name the manifest gives the file (default: its base name).
 */
export async function issueLabelFile(file: string, request: IssueLabelFileRequest, keyring: LabelKeyring, source?: LabelSubjectSource, title = basename(file)): Promise<IssuedLabelFile> {
  const level = request.level ?? '1';
  const trainingMining = request.trainingMiningDefault ?? 'notAllowed';
  if (!['1', '2', '3'].includes(level)) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `--level must be 1, 2 or 3, not ${level}`, { field: 'level', value: level });
  if (!['notAllowed', 'allowed', 'constrained'].includes(trainingMining)) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', '--training-mining-default must be notAllowed, allowed or constrained', { field: 'training-mining-default', value: trainingMining });
  const subject = await subjectOf(request, source);
  const issued = await naming(file, () => issueLabel(readAudioFile(file), {
    subject, title, level: level as LabelLevel, generatorVersion: request.generatorVersion,
    producer: request.producer, contentId: request.contentId, defaultTrainingMining: uniformReservation(trainingMining as TrainingMiningUse),
  }, keyring));
  let result = { bytes: issued.bytes, aigc: issued.aigc };
  if (request.cue) {
    const cue = request.cue === 'rhythm' ? { kind: 'rhythm' as const } : { kind: 'spoken' as const, wav: readAudioFile(request.cue) };
    result = await naming(file, () => addAudibleCue(issued.bytes, cue, keyring, title));
  }
  const display = explicitLabelText(issued.aigc.Label, issued.label.producer, issued.label.digitalSourceType);
  return { bytes: result.bytes, aigc: result.aigc, c2pa: issued.c2pa, label: issued.label, display };
}
