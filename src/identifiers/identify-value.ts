import type { IdentifierResult } from './identifier-result.js';
import { normalizeDpid, parseDpid } from './dpid.js';
import { normalizeIcpn, parseIcpn } from './icpn.js';
import { normalizeIpiBaseNumber, parseIpiBaseNumber } from './ipi-base-number.js';
import { normalizeIpiNameNumber, parseIpiNameNumber } from './ipi-name-number.js';
import { normalizeIsni, parseIsni } from './isni.js';
import { normalizeIsrc, parseIsrc } from './isrc.js';
import { normalizeIswc, parseIswc } from './iswc.js';

/** The kinds of identifier Clef recognizes by shape. */
export const identifierKinds = ['iswc', 'ipiBaseNumber', 'ipiNameNumber', 'isni', 'isrc', 'icpn', 'dpid'] as const;

/** One kind of identifier Clef recognizes. */
export type IdentifierKind = (typeof identifierKinds)[number];

/** What a value looks like, its normalized form, and whether it is valid (with the reason when not). */
export interface IdentifiedValue {
  readonly kind: IdentifierKind | 'unknown';
  readonly input: string;
  readonly normalized: string;
  readonly valid: boolean;
  readonly reason?: string;
}

interface KindRule {
  readonly normalize: (text: string) => string;
  readonly parse: (text: string) => IdentifierResult<string>;
  /** A loose shape, so a value one digit short is still named as its kind and told what is wrong. */
  readonly looksLike: RegExp;
  /** A label people write in front of the value (`ISWC: T-…`) that names the kind outright. */
  readonly label?: RegExp;
}

const rules: Record<IdentifierKind, KindRule> = {
  dpid: { normalize: normalizeDpid, parse: parseDpid, looksLike: /^PADPIDA/, label: /^DPID\b/i },
  iswc: { normalize: normalizeIswc, parse: parseIswc, looksLike: /^T\d{8,12}$/, label: /^ISWC\b/i },
  ipiBaseNumber: { normalize: normalizeIpiBaseNumber, parse: parseIpiBaseNumber, looksLike: /^I\d{8,12}$/ },
  isrc: { normalize: normalizeIsrc, parse: parseIsrc, looksLike: /^[A-Z]{2}[A-Z0-9]{3}\d{5,9}$/, label: /^ISRC\b/i },
  isni: { normalize: normalizeIsni, parse: parseIsni, looksLike: /^(?:\d{15,16}|\d{14,15}X)$/, label: /^ISNI\b/i },
  ipiNameNumber: { normalize: normalizeIpiNameNumber, parse: parseIpiNameNumber, looksLike: /^\d{9,11}$/ },
  icpn: { normalize: normalizeIcpn, parse: parseIcpn, looksLike: /^\d{12,14}$/, label: /^(?:ICPN|UPC|EAN)\b/i },
};

/** The order in which shapes are tried: the most specific first. */
const detectionOrder: IdentifierKind[] = ['dpid', 'iswc', 'ipiBaseNumber', 'isrc', 'isni', 'ipiNameNumber', 'icpn'];

function detectKind(text: string): IdentifierKind | undefined {
  const trimmed = text.trim();
  const labelled = detectionOrder.find((kind) => rules[kind].label?.test(trimmed));
  if (labelled) return labelled;
  return detectionOrder.find((kind) => rules[kind].looksLike.test(rules[kind].normalize(trimmed)));
}

/**
 * Names the kind of an identifier from its shape (or the kind given), normalizes and checks it.
 * An 11-digit value is read as an IPI name number and a 12-14 digit one as an ICPN.
 * @example identifyValue('T-034.524.680-1') // { kind: 'iswc', normalized: 'T0345246801', valid: true, ... }
 */
export function identifyValue(text: string, kind?: IdentifierKind): IdentifiedValue {
  const found = kind ?? detectKind(text);
  if (!found) {
    return { kind: 'unknown', input: text, normalized: text.trim(), valid: false, reason: 'not the shape of any identifier Clef knows (ISWC, IPI, ISNI, ISRC, ICPN, DPID)' };
  }
  const rule = rules[found];
  const result = rule.parse(text);
  if (result.ok) return { kind: found, input: text, normalized: result.value, valid: true };
  return { kind: found, input: text, normalized: rule.normalize(text), valid: false, reason: result.reason };
}
