import { applicableOrigins } from './derive-ai-content-types.js';
import type { Recording } from './recording.js';
import type { Work } from './work.js';

/** True when a work or recording has at least one applicable facet and every applicable facet is `ai_generated`. */
export function isFullyAiGenerated(item: Pick<Work, 'aiProvenance'> | Pick<Recording, 'aiProvenance'>): boolean {
  if (!item.aiProvenance) return false;
  const origins = applicableOrigins(item.aiProvenance.facets);
  return origins.length > 0 && origins.every((origin) => origin === 'ai_generated');
}
