import { dsrProfileDefinitions } from './dsr-record-definitions.js';
import type { DsrProfileDefinition, DsrRecordDefinition } from './dsr-record-definition.js';

/** The definition a line's record type names, and whether the declared profile version defines it. */
export interface DsrRecordResolution {
  readonly definition: DsrRecordDefinition;
  /** False when the record type comes from another profile version than the HEAD declares. */
  readonly declared: boolean;
}

const versionedRecordType = /^[A-Z]{2}\d{2}\.\d{2}$/;

/** Every definition of each record type, the declared profile's family first, newest version first. */
function definitionsByRecordType(): Map<string, { profile: string; definition: DsrRecordDefinition }[]> {
  const index = new Map<string, { profile: string; definition: DsrRecordDefinition }[]>();
  for (const profile of [...dsrProfileDefinitions].reverse()) {
    for (const [recordType, definition] of Object.entries(profile.recordTypes)) {
      const list = index.get(recordType) ?? [];
      list.push({ profile: profile.profile, definition });
      index.set(recordType, list);
    }
  }
  return index;
}

const index = definitionsByRecordType();

/**
 * Finds the definition a record type names. A versioned record type (`SY02.01`) names its own
 * definition, which may come from another version of the profile than the HEAD declares (real services
 * mix them: the caller warns); a plain one (`SY03`, `AS01`) means what the declared version defines, so
 * if that version has none it is unknown. Without a declared profile, any profile's definition is taken.
 */
export function resolveDsrRecordType(profile: DsrProfileDefinition | undefined, recordType: string): DsrRecordResolution | undefined {
  const own = profile?.recordTypes[recordType];
  if (own) return { definition: own, declared: true };
  if (profile && !versionedRecordType.test(recordType)) return undefined;
  const candidates = index.get(recordType);
  if (!candidates) return undefined;
  const sameFamily = candidates.find((c) => c.profile === profile?.profile) ?? candidates[0];
  return { definition: sameFamily.definition, declared: profile === undefined };
}
