import { ClefError } from '../../errors/index.js';
import type { TerritoryChain, TerritoryStep } from '../../lookups/index.js';

/**
 * Reads a territory chain as people and CSV files write it: TIS codes separated by `;`, `,` or spaces,
 * each optionally prefixed `I` (include, the default) or `E` (exclude): `2136`, `2136;E0250`, `I2136 E0250`.
 */
export function parseTerritoryChain(text: string, field = 'territories'): TerritoryChain {
  const steps: TerritoryStep[] = [];
  for (const token of text.split(/[;,\s]+/).filter(Boolean)) {
    const match = /^([IE]?)(\d{1,4})$/i.exec(token);
    if (!match) {
      throw new ClefError('CLEF_REGISTRY_TERRITORY_UNKNOWN', `"${token}" is not a TIS territory code (like 2136 or E0250)`, { field, value: text });
    }
    steps.push({ inclusion: match[1].toUpperCase() === 'E' ? 'E' : 'I', tis: Number(match[2]) });
  }
  if (steps.length === 0) throw new ClefError('CLEF_REGISTRY_TERRITORY_UNKNOWN', 'no territory given', { field, value: text });
  return steps;
}

/** Writes a territory chain in the stored form: `I2136 E0250`. */
export function formatTerritoryChain(chain: TerritoryChain): string {
  return chain.map((step) => `${step.inclusion}${String(step.tis).padStart(4, '0')}`).join(' ');
}
