export { divideRounded, roundingModes, type RoundingMode } from './rounding.js';
export { parseDecimalFraction, type DecimalFraction } from './decimal-fraction.js';
export { parseDecimalToMicros, microsPerUnit } from './parse-decimal-to-micros.js';
export { formatMicros } from './format-micros.js';
export { multiplyByRate } from './multiply-by-rate.js';
export { allocateLargestRemainder, type AllocationWeight } from './allocate-largest-remainder.js';
export { applyBasisPoints, parsePercentToBasisPoints, basisPointsPerWhole } from './basis-points.js';
export { parseCurrency, isCurrency, type Currency } from './currency.js';
export { sumMoney, type Money } from './money.js';
