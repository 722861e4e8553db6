import type { AiProvenance, WorkAiFacets } from './ai-provenance.js';

/** An alternate title with its CWR title type (`AT`, `TE`, `FT`, `OT`, …; `data/lookups/cwr-title-types.csv`). */
export interface AlternateTitle {
  readonly title: string;
  readonly type: string;
  readonly language?: string;
}

/** The original work a modified version (`MOD`) is based on. */
export interface OriginalWorkRef {
  /** The original's id in the registry when it is registered here. */
  readonly workId?: string;
  readonly title: string;
  readonly iswc?: string;
}

/** A musical work. Claims on it come only from registrations. */
export interface Work {
  readonly id: string;
  readonly iswc?: string;
  /** ISWCs merged into this work's; still found by search. */
  readonly archivedIswcs: readonly string[];
  readonly title: string;
  readonly alternateTitles: readonly AlternateTitle[];
  /** ISO 639-1 language code of the lyrics or title. */
  readonly language?: string;
  readonly durationSeconds?: number;
  /** CWR version type: `ORI` original or `MOD` modified version. */
  readonly versionType: 'ORI' | 'MOD';
  readonly originalWork?: OriginalWorkRef;
  readonly aiProvenance?: AiProvenance<WorkAiFacets>;
}
