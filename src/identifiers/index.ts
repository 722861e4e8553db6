export { parseIswc, normalizeIswc, formatIswc, isValidIswc, isCompactIswc, iswcWithCheckDigit, type Iswc } from './iswc.js';
export { parseIpiBaseNumber, normalizeIpiBaseNumber, formatIpiBaseNumber, isValidIpiBaseNumber, type IpiBaseNumber } from './ipi-base-number.js';
export { parseIpiNameNumber, normalizeIpiNameNumber, formatIpiNameNumber, isValidIpiNameNumber, ipiNameNumberWithCheckDigits, type IpiNameNumber } from './ipi-name-number.js';
export { parseIsni, normalizeIsni, formatIsni, isValidIsni, type Isni } from './isni.js';
export { parseIsrc, normalizeIsrc, formatIsrc, isValidIsrc, type Isrc } from './isrc.js';
export { parseIcpn, normalizeIcpn, formatIcpn, isValidIcpn, toGtin14, type Icpn } from './icpn.js';
export { parseDpid, normalizeDpid, formatDpid, isValidDpid, type Dpid } from './dpid.js';
export { identifyValue, identifierKinds, type IdentifierKind, type IdentifiedValue } from './identify-value.js';
export { requireIdentifier, type IdentifierResult, type IdentifierProblem } from './identifier-result.js';
