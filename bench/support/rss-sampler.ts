/** Samples the process's resident memory: the peak of the whole run and the peak since the current phase began. */
export interface RssSampler {
  /** The highest RSS seen since the sampler started, in bytes. */
  readonly peak: () => number;
  /** The highest RSS seen since the last `startPhase` (or the start), in bytes. */
  readonly phasePeak: () => number;
  /** Starts a new phase: its peak begins at the RSS of now. */
  readonly startPhase: () => void;
  readonly stop: () => void;
}

/** A sampler reading `process.memoryUsage().rss` every `everyMs`; a peak between two samples is missed, so keep it short. */
export function startRssSampler(everyMs = 100): RssSampler {
  let peak = process.memoryUsage().rss;
  let phasePeak = peak;
  const sample = (): void => {
    const rss = process.memoryUsage().rss;
    peak = Math.max(peak, rss);
    phasePeak = Math.max(phasePeak, rss);
  };
  const timer = setInterval(sample, everyMs);
  return {
    peak: () => (sample(), peak),
    phasePeak: () => (sample(), phasePeak),
    startPhase: () => {
      phasePeak = process.memoryUsage().rss;
    },
    stop: () => clearInterval(timer),
  };
}

/** Bytes as whole megabytes (MiB), as the benchmarks print them. */
export function megabytes(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(0);
}
