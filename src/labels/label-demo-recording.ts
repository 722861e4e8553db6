import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { initKeyFolder, readKeyring } from './key-folder.js';
import { issueLabel } from './issue-label.js';
import type { LabelSubjectRecording } from './label-subject-source.js';
import { uniformReservation } from './training-mining.js';
import { verifyLabel, type LabelVerification } from './verify-label.js';

/** What the demo hands over: its AI-generated recording, that recording's audio, a key folder and a clock. */
export interface DemoLabelInput {
  readonly recording: LabelSubjectRecording;
  readonly audio: Uint8Array;
  readonly title: string;
  readonly keysDir: string;
  readonly cmoName: string;
  readonly now: Date;
}

/**
 * Labels the demo's AI-generated recording from its registry provenance (making the CMO's
 * development keys in `keysDir` if they are not there yet) and verifies the result.
 */
export async function labelDemoRecording(input: DemoLabelInput): Promise<{ bytes: Uint8Array; verification: LabelVerification }> {
  if (!existsSync(join(input.keysDir, 'keyring.json'))) await initKeyFolder(input.keysDir, input.cmoName, input.now);
  const keyring = readKeyring(input.keysDir);
  const issued = await issueLabel(
    input.audio,
    { subject: { kind: 'recording', recording: input.recording }, title: input.title, defaultTrainingMining: uniformReservation('notAllowed') },
    keyring,
  );
  return { bytes: issued.bytes, verification: await verifyLabel(issued.bytes, keyring) };
}
