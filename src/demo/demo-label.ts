import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeWav, synthesizeMelody } from '../audio/index.js';
import { labelDemoRecording } from '../labels/index.js';
import { registryLabelSubjects } from '../labels/use-cases/registry-label-subjects.js';
import type { Store } from '../store/index.js';

/**
 * Makes audio for the demo's AI-generated recording (a synthesized melody stands in for the model's output), labels
 * it from its registry provenance with a GB 45438 implicit label and a C2PA manifest, and verifies the result.
 */
export async function labelDemoAiRecording(store: Store, isrc: string, filesDir: string, cmoName: string, now: Date) {
  const subject = await registryLabelSubjects(store).findRecording(isrc);
  if (!subject || subject === 'ambiguous') throw new Error(`the demo recording ${isrc} is not registered once`);
  await mkdir(filesDir, { recursive: true });
  const rate = 44100;
  const audio = encodeWav(synthesizeMelody({ seed: 6, durationS: 20, sampleRate: rate }), rate);
  const { bytes, verification } = await labelDemoRecording({ recording: subject, audio, title: subject.title ?? isrc, keysDir: join(filesDir, 'keys'), cmoName, now });
  const path = join(filesDir, `${isrc}.labeled.wav`);
  await writeFile(path, bytes);
  return { path, subject, verification };
}
