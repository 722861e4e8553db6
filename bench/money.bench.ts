// Benchmark: exact money arithmetic at DSR and distribution scale: parse N decimal revenues (default 1 M) into micro-units,
// apply a licence rate to each, and allocate each over 12 weighted interested parties by largest remainder.
// Usage: npm run bench:money -- [--amounts N]
import { allocateLargestRemainder, type AllocationWeight } from '../src/money/allocate-largest-remainder.js';
import { multiplyByRate } from '../src/money/multiply-by-rate.js';
import { parseDecimalToMicros } from '../src/money/parse-decimal-to-micros.js';

const amountsArg = process.argv.indexOf('--amounts');
const count = amountsArg > 0 ? Number(process.argv[amountsArg + 1]) : 1_000_000;

const texts = Array.from({ length: count }, (_, i) => `${(i * 7919) % 100_000}.${String((i * 104_729) % 1_000_000).padStart(6, '0')}`);
const weights: AllocationWeight[] = Array.from({ length: 12 }, (_, i) => ({ key: `party-${i}`, weight: BigInt(1 + ((i * 3_331) % 10_000)) }));

function time(label: string, run: () => bigint): void {
  const start = process.hrtime.bigint();
  const checksum = run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`${label}: ${count.toLocaleString('en')} in ${seconds.toFixed(2)} s = ${Math.round(count / seconds).toLocaleString('en')}/s (checksum ${checksum})`);
}

const micros: bigint[] = new Array(count);
time('parseDecimalToMicros', () => {
  let sum = 0n;
  for (let i = 0; i < count; i++) sum += micros[i] = parseDecimalToMicros(texts[i]);
  return sum;
});
time('multiplyByRate', () => {
  let sum = 0n;
  for (let i = 0; i < count; i++) sum += multiplyByRate(micros[i], '0.1175');
  return sum;
});
time('allocateLargestRemainder (12 parties)', () => {
  let sum = 0n;
  for (let i = 0; i < count; i++) for (const part of allocateLargestRemainder(micros[i], weights).values()) sum += part;
  return sum;
});
