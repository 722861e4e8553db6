// Benchmark: consolidate the share picture of N works (default 1 M), each with 1–3 registrations of 2–4 parties,
// most claiming the World, some the World minus a country, a sub-publisher one country, a sister society the EU.
// Usage: npm run bench:consolidate -- [--works N]. Registrations are generated up front from 10 000 distinct shapes.
import { consolidateShares } from '../src/registry/consolidate-shares.js';
import { loadLookups } from '../src/lookups/index.js';
import type { Registration, RegistrationParty } from '../src/registry/registration.js';
import type { RightShares } from '../src/registry/share.js';
import { createTerritoryResolver } from '../src/lookups/index.js';
import type { TerritoryChain } from '../src/lookups/index.js';

const worksArg = process.argv.indexOf('--works');
const works = worksArg > 0 ? Number(process.argv[worksArg + 1]) : 1_000_000;
const resolve = createTerritoryResolver(loadLookups().territories);

const world: TerritoryChain = [{ inclusion: 'I', tis: 2136 }];
const countries = [250, 276, 826, 840, 156, 392, 724, 380];
const shares = (PR: number, MR: number, SR = MR): RightShares => ({ PR, MR, SR });
const party = (partyId: string, kind: 'writer' | 'publisher', ownership: RightShares, collection: RegistrationParty['collection'] = []): RegistrationParty => ({
  partyId, kind, role: kind === 'writer' ? 'CA' : 'E', controlled: true, ownership, collection, affiliations: [],
});

function shape(n: number): Registration[] {
  const country = countries[n % countries.length];
  const exceptCountry: TerritoryChain = [...world, { inclusion: 'E', tis: country }];
  const registrations: Registration[] = [];
  const base = { workId: `w${n}`, source: 'CWR' as const, publisherLinks: [] };
  registrations.push({
    ...base, id: `r${n}a`, submitter: { kind: 'member', partyId: `pub${n % 97}` }, submitterWorkNumber: `A${n}`, receivedAt: '2025-01-01',
    parties: [
      party(`wr${n}`, 'writer', shares(5000, 0), [{ territories: world, shares: shares(5000, 0) }]),
      party(`pub${n % 97}`, 'publisher', shares(5000, 10000), n % 3 === 0 ? [{ territories: exceptCountry, shares: shares(5000, 10000) }] : []),
      ...(n % 3 === 0 ? [party(`sub${country}`, 'publisher', shares(0, 0), [{ territories: [{ inclusion: 'I' as const, tis: country }], shares: shares(5000, 10000) }])] : []),
    ],
  });
  if (n % 2 === 0) {
    registrations.push({ ...registrations[0], id: `r${n}b`, receivedAt: '2025-02-01' });
  }
  if (n % 5 === 0) {
    registrations.push({
      ...base, id: `r${n}c`, submitter: { kind: 'sister', societyCode: '035' }, submitterWorkNumber: `S${n}`, receivedAt: '2025-03-01',
      parties: [party(`wr${n}`, 'writer', shares(5000, 0), [{ territories: [{ inclusion: 'I', tis: 2123 }], shares: shares(5000, 0) }])],
    });
  }
  return registrations;
}

const shapes = Array.from({ length: 10_000 }, (_, n) => shape(n));
let cells = 0;
let disputed = 0;
const start = process.hrtime.bigint();
for (let i = 0; i < works; i++) {
  const picture = consolidateShares(shapes[i % shapes.length], resolve);
  cells += picture.cells.length;
  if (picture.inDispute) disputed++;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`consolidated ${works.toLocaleString('en')} works in ${seconds.toFixed(2)} s: ${Math.round(works / seconds).toLocaleString('en')} works/s, ${(seconds / works * 1e6).toFixed(2)} µs/work; ${cells.toLocaleString('en')} cells, ${disputed.toLocaleString('en')} works in dispute`);
