/**
 * The committed query recipe of the audio benchmark: a fixed seed, how excerpts are drawn, and the exact sox
 * and ffmpeg commands of each degradation. `{in}` is the clean 10 s excerpt (WAV, 44.1 kHz mono), `{out}` the query.
 */
export const recipe = {
  seed: 20260707,
  excerptsPerCondition: 60,
  negativeExcerpts: 240,
  excerptSeconds: 10,
  /** Excerpts start uniformly at random in [0, duration − 12 s] of a file drawn uniformly from files of at least 20 s. */
  minFileSeconds: 20,
  extract: 'ffmpeg -v error -y -ss {start} -t 10 -i {file} -ac 1 -ar 44100 -c:a pcm_s16le {in}',
  conditions: {
    clean: 'cp {in} {out}',
    mp3_32k: 'ffmpeg -v error -y -i {in} -c:a libmp3lame -b:a 32k {out}',
    noise_10db: 'noise:10',
    noise_0db: 'noise:0',
    telephone: 'sox {in} {out} sinc 300-3400',
    reverb: 'sox {in} {out} reverb 50 50 100',
    speed_1_05: 'sox {in} {out} speed 1.05',
    tempo_1_05: 'sox {in} {out} tempo 1.05',
    pitch_100c: 'sox {in} {out} pitch 100',
  } as Record<string, string>,
  /**
   * White noise at an SNR: sox measures the excerpt's RMS (`sox {in} -n stat`), makes repeatable white noise
   * (`sox -R -n -r 44100 -c 1 -b 16 {noise} synth 10 whitenoise vol 0.5`), measures its RMS, and mixes
   * `sox -m -v 0.5 {in} -v {k/2} {noise} {out}` with k = rms(signal) / rms(noise) / 10^(snr/20).
   */
  noise: true,
} as const;

/** The file extension of a condition's query. */
export function queryExtension(condition: string): string {
  return condition === 'mp3_32k' ? 'mp3' : 'wav';
}
