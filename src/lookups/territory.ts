/** The CISAC TIS numeric code of the World. */
export const worldTis = 2136;

/** One step of a territory chain: include (`I`) or exclude (`E`) a TIS territory or group, as in CWR SPT/SWT records. */
export interface TerritoryStep {
  readonly inclusion: 'I' | 'E';
  readonly tis: number;
}

/** An ordered include/exclude chain, read in order: `I2136, E250` is the World except France. */
export type TerritoryChain = readonly TerritoryStep[];

/** The chain for the whole World, what a party with no territory records collects in. */
export const worldChain: TerritoryChain = [{ inclusion: 'I', tis: worldTis }];
