import { normalizeSocietyCode, type SocietyTable } from '../lookups/index.js';

/**
 * Whose numbering a work number is in: the CMO's own (Clef work ids and the CMO's society numbers), another
 * society's, a DSP's own (matched only through that DSP's earlier resources), or a namespace Clef cannot place.
 */
export type WorkNumberScope =
  | { readonly kind: 'own' }
  | { readonly kind: 'society'; readonly societyCode: string }
  | { readonly kind: 'dsp'; readonly dpid: string }
  | { readonly kind: 'unknown' };

/** A work number as a report writes it: `Namespace::Value` (DSR ProprietaryWorkId, LI01 with its controller). */
export interface WorkNumber {
  readonly text: string;
  readonly namespace: string;
  readonly value: string;
}

/** What places a namespace: the names the CMO goes by (its society code, its name, the DSP's rights-controller names for it) and the societies. */
export interface NamespaceContext {
  /** Lower-cased names that mean the CMO itself; `clef` always does. */
  readonly ownNames: ReadonlySet<string>;
  readonly ownSocietyCode: string | null;
  readonly societies: SocietyTable;
}

/** Splits `Namespace::Value` at its last `::`; a number without a namespace has the empty one. */
export function parseWorkNumber(text: string): WorkNumber {
  const at = text.lastIndexOf('::');
  return at === -1 ? { text, namespace: '', value: text } : { text, namespace: text.slice(0, at), value: text.slice(at + 2) };
}

/** The societies by lower-cased code and name, for placing namespaces such as `052::` or `PRS::`. */
function societyByName(societies: SocietyTable, namespace: string): string | undefined {
  const code = normalizeSocietyCode(namespace);
  if (societies.has(code)) return code;
  const lower = namespace.toLowerCase();
  for (const society of societies.values()) if (society.name.toLowerCase() === lower) return society.code;
  return undefined;
}

/** Places a work number's namespace; numbers without one, or in a namespace nobody names, are `unknown` and match nothing. */
export function scopeOfWorkNumber(number: WorkNumber, context: NamespaceContext): WorkNumberScope {
  const namespace = number.namespace.trim();
  if (namespace === '') return { kind: 'unknown' };
  if (context.ownNames.has(namespace.toLowerCase())) return { kind: 'own' };
  if (/^PADPID/i.test(namespace)) return { kind: 'dsp', dpid: namespace.toUpperCase() };
  const societyCode = societyByName(context.societies, namespace);
  if (societyCode === undefined) return { kind: 'unknown' };
  return societyCode === context.ownSocietyCode ? { kind: 'own' } : { kind: 'society', societyCode };
}
