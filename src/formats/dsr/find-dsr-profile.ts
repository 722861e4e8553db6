import { dsrProfileDefinitions } from './dsr-record-definitions.js';
import type { DsrProfileDefinition } from './dsr-record-definition.js';

/**
 * The profile version a HEAD record declares, or undefined when Clef does not know it. The profile name
 * is compared without case (files write `UgcProfile` for the allowed value `UGCProfile`), and a version
 * that names only major and minor (`1.1`) means its latest schema (`1.1.1`).
 */
export function findDsrProfile(profile: string, version: string): DsrProfileDefinition | undefined {
  const name = profile.toLowerCase();
  const candidates = dsrProfileDefinitions.filter((p) => p.profile.toLowerCase() === name);
  return (
    candidates.find((p) => p.version === version) ??
    candidates.filter((p) => p.version.startsWith(`${version}.`)).at(-1)
  );
}
