import { isMiningReserved, hasReservation, type ReservedLocation } from './reserved-location.js';

/** One rule of `/.well-known/tdmrep.json` (W3C TDMRep). */
export interface TdmRepRule {
  readonly location: string;
  readonly 'tdm-reservation': 0 | 1;
  readonly 'tdm-policy'?: string;
}

/** What the TDMRep export writes: the rules file and the ODRL offer its reserved rules point to. */
export interface TdmRepExport {
  readonly rules: readonly TdmRepRule[];
  readonly policy: Readonly<Record<string, unknown>>;
}

/**
 * The TDMRep rules of the locations that have a reservation, the most specific first and the repertoire-wide rule
 * (`/*`) last, since a reader applies the first rule whose pattern matches: `tdm-reservation` 1 with the policy's
 * URL where any mining use is reserved or constrained, 0 where every mining use is allowed. The policy is an ODRL
 * offer under the TDMRep profile: `tdm:mine` with the duties to obtain consent and to compensate.
 * @example tdmRepFile(locations, { policyUrl: 'https://cmo.example/.well-known/tdm-policy.json', site: 'https://cmo.example', cmoName: 'Demo CMO' })
 */
export function tdmRepFile(locations: readonly ReservedLocation[], options: { readonly policyUrl: string; readonly site: string; readonly cmoName: string }): TdmRepExport {
  const ordered = [...locations.filter((l) => l.kind !== 'repertoire'), ...locations.filter((l) => l.kind === 'repertoire')];
  const rules = ordered.filter(hasReservation).map((l): TdmRepRule => (isMiningReserved(l) ? { location: l.location, 'tdm-reservation': 1, 'tdm-policy': options.policyUrl } : { location: l.location, 'tdm-reservation': 0 }));
  const policy = {
    '@context': ['http://www.w3.org/ns/odrl.jsonld', { tdm: 'http://www.w3.org/ns/tdmrep#', vcard: 'http://www.w3.org/2006/vcard/ns#' }],
    '@type': 'Offer',
    profile: 'http://www.w3.org/ns/tdmrep',
    uid: options.policyUrl,
    assigner: { uid: options.site || options.policyUrl, 'vcard:fn': options.cmoName },
    permission: [{ target: `${options.site}/`, action: 'tdm:mine', duty: [{ action: 'obtainConsent' }, { action: 'compensate' }] }],
  };
  return { rules, policy };
}
