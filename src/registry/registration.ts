import type { DeclaredAffiliation } from './party.js';
import type { RightShares } from './share.js';
import type { TerritoryChain } from '../lookups/index.js';

/** Who submitted a registration: a member (writer or publisher party), the CMO itself, or a sister society. */
export type Submitter =
  | { readonly kind: 'member'; readonly partyId: string }
  | { readonly kind: 'cmo' }
  | { readonly kind: 'sister'; readonly societyCode: string };

/** Where a registration came from. */
export type RegistrationSource = 'CWR' | 'CSV' | 'API';

/** Collection shares per right for the territories of one include/exclude chain (CWR SPT/SWT records). */
export interface CollectionClaim {
  readonly territories: TerritoryChain;
  readonly shares: RightShares;
}

/** A party a registration names, with its CWR role, ownership per right and collection per right and territory. */
export interface RegistrationParty {
  readonly partyId: string;
  /** Writers and publishers share role codes (`PA`), so the kind is explicit. */
  readonly kind: 'writer' | 'publisher';
  /** CWR writer designation (`CA`, `C`, `A`, …) or publisher type (`E`, `AM`, `SE`, …). */
  readonly role: string;
  /** A publisher's chain of title: its CWR Publisher Sequence # (the original publisher and those holding its share after it). */
  readonly chain?: number;
  /** True for the parties the submitter controls (CWR SPU/SWR), false for the others it names (OPU/OWR). */
  readonly controlled: boolean;
  readonly ownership: RightShares;
  /** The party's territory records; without them it collects by the chain of title (chain-of-title.ts). */
  readonly collection: readonly CollectionClaim[];
  readonly affiliations: readonly DeclaredAffiliation[];
}

/** A writer's link to the publisher that represents it (CWR PWR). */
export interface PublisherLink {
  readonly writerPartyId: string;
  readonly publisherPartyId: string;
  readonly agreementNumber?: string;
  readonly societyAgreementNumber?: string;
}

/** One submitter's claim on a work; a later one with the same submitter and submitter work number revises it. */
export interface Registration {
  readonly id: string;
  readonly workId: string;
  readonly submitter: Submitter;
  /** The submitter's own work number (CWR Submitter Work #). */
  readonly submitterWorkNumber: string;
  readonly source: RegistrationSource;
  /** When it was received, ISO timestamp, made by the caller's clock; orders revisions. */
  readonly receivedAt: string;
  readonly parties: readonly RegistrationParty[];
  readonly publisherLinks: readonly PublisherLink[];
}

