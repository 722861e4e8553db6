import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { addReverb, addWhiteNoise } from './degrade-signal.js';
import { encodeWav } from './encode-wav.js';
import { identifyAudioFiles, type AudioIdentification } from './identify-audio.js';
import { indexAudio, type IndexAudioResult } from './index-audio.js';
import { synthesizeMelody } from './synthesize-melody.js';
import { writeAudioEvidence } from './audio-evidence.js';
import type { RecordingCatalogue } from './recording-catalogue.js';

/** What the audio demo did: the index run, the identification of the degraded excerpt, and the evidence files. */
export interface AudioDemoResult {
  readonly indexed: IndexAudioResult;
  readonly query: string;
  readonly identification: AudioIdentification;
  readonly evidenceHtml: string;
}

const demoIsrcs = ['ZZCLF2600001', 'ZZCLF2600002', 'ZZCLF2600003'];

/**
 * The audio part of `npm run demo`: writes three synthetic recordings under the ISRCs given (else test ones)
 * with a manifest into `workDir`, indexes them into `indexDir` (linked to the registry through `catalogue`), makes a
 * degraded 10 s excerpt of the second one (one semitone up, 4 % faster, reverb, noise at 10 dB SNR),
 * identifies it and writes the evidence report.
 */
export async function runAudioDemo(
  workDir: string,
  indexDir: string,
  now: () => Date = () => new Date(),
  options: { isrcs?: readonly string[]; catalogue?: RecordingCatalogue } = {},
): Promise<AudioDemoResult> {
  const isrcs = options.isrcs ?? demoIsrcs;
  const catalogue = options.catalogue;
  const rate = 16000;
  const audioDir = join(workDir, 'recordings');
  await mkdir(audioDir, { recursive: true });
  const rows = ['file,isrc'];
  for (const [n, isrc] of isrcs.entries()) {
    const name = `demo-recording-${n + 1}.wav`;
    await writeFile(join(audioDir, name), encodeWav(synthesizeMelody({ seed: 2600 + n, durationS: 45, sampleRate: rate }), rate));
    rows.push(`${name},${isrc}`);
  }
  await writeFile(join(audioDir, 'manifest.csv'), `${rows.join('\n')}\n`);
  const indexed = await indexAudio({ target: audioDir, indexDir, manifest: join(audioDir, 'manifest.csv'), decoder: 'js', catalogue }, () => now().getTime());
  const edited = synthesizeMelody({ seed: 2601, durationS: 45, sampleRate: rate, pitchFactor: 2 ** (1 / 12), tempoFactor: 1.04 });
  const excerpt = addWhiteNoise(addReverb(edited.slice(15 * rate, 25 * rate), rate), 10, 7);
  const query = join(workDir, 'degraded-excerpt.wav');
  await writeFile(query, encodeWav(excerpt.map((v) => v * 0.7), rate));
  const [identification] = await identifyAudioFiles([query], { indexDir, decoder: 'js', catalogue });
  const evidence = await writeAudioEvidence({ query, recording: isrcs[1], outDir: join(workDir, 'evidence'), indexDir, decoder: 'js', catalogue }, now);
  return { indexed, query, identification, evidenceHtml: evidence.html };
}
