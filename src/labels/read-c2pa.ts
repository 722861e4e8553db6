import { c2paLibrary } from './c2pa-runtime.js';
import { CLEF_LABEL_ASSERTION, type LabelRegistration, type ManifestPurpose } from './c2pa-manifest.js';
import { readTrainingMining } from './training-mining.js';

/** One manifest of a file's C2PA history, as Clef reports it. */
export interface C2paManifestSummary {
  readonly label: string;
  readonly title?: string;
  readonly signer: { readonly commonName?: string; readonly issuer?: string };
  readonly actions: readonly { readonly action: string; readonly digitalSourceType?: string; readonly softwareAgent?: unknown; readonly description?: string }[];
  readonly trainingMining: ReturnType<typeof readTrainingMining>;
  readonly clefLabel?: { readonly purpose: ManifestPurpose; readonly cmo: string; readonly registration?: LabelRegistration };
}

/** What the reference reader says about a file's C2PA manifest store. */
export interface C2paReading {
  readonly present: boolean;
  /** The reader's validation state: Trusted (chain anchored in a trusted CA), Valid or Invalid. */
  readonly state?: 'Trusted' | 'Valid' | 'Invalid';
  /** Failure codes other than `signingCredential.untrusted` (e.g. `assertion.dataHash.mismatch`). */
  readonly failures: readonly string[];
  readonly untrusted: boolean;
  /** The active manifest first, then each parent ingredient's manifest in turn. */
  readonly history: readonly C2paManifestSummary[];
}

interface StoreJson {
  active_manifest?: string;
  validation_state?: 'Trusted' | 'Valid' | 'Invalid';
  validation_results?: { activeManifest?: { failure?: { code: string }[] } };
  manifests: Record<string, {
    title?: string;
    signature_info?: { common_name?: string; issuer?: string };
    assertions?: { label: string; data: unknown }[];
    ingredients?: { relationship?: string; active_manifest?: string }[];
  }>;
}

function summarize(label: string, manifest: StoreJson['manifests'][string]): C2paManifestSummary {
  const assertion = (name: string): unknown => manifest.assertions?.find((a) => a.label === name)?.data;
  const actions = (assertion('c2pa.actions.v2') ?? assertion('c2pa.actions')) as { actions?: C2paManifestSummary['actions'] } | undefined;
  return {
    label,
    title: manifest.title,
    signer: { commonName: manifest.signature_info?.common_name, issuer: manifest.signature_info?.issuer },
    actions: actions?.actions ?? [],
    trainingMining: readTrainingMining(assertion('cawg.training-mining') ?? assertion('c2pa.training-mining')),
    clefLabel: assertion(CLEF_LABEL_ASSERTION) as C2paManifestSummary['clefLabel'],
  };
}

/** Reads and validates a file's C2PA manifests with the reference library, trusting the given CA certificates. */
export async function readC2pa(bytes: Uint8Array, mimeType: string, trustAnchorsPem: readonly string[]): Promise<C2paReading> {
  const { WasmReader } = c2paLibrary();
  const context = trustAnchorsPem.length > 0 ? JSON.stringify({ trust: { trust_anchors: trustAnchorsPem.join('\n') } }) : undefined;
  let store: StoreJson;
  try {
    const reader = await WasmReader.fromBytes(mimeType, bytes, context);
    store = JSON.parse(reader.json()) as StoreJson;
    reader.free();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/JumbfNotFound|ManifestNotFound|NotFound/i.test(message)) return { present: false, failures: [], untrusted: false, history: [] };
    return { present: true, state: 'Invalid', failures: [`c2pa.unreadable: ${message}`], untrusted: false, history: [] };
  }
  const codes = (store.validation_results?.activeManifest?.failure ?? []).map((f) => f.code);
  const history: C2paManifestSummary[] = [];
  const seen = new Set<string>();
  for (let label = store.active_manifest; label && store.manifests[label] && !seen.has(label); ) {
    seen.add(label);
    const manifest = store.manifests[label];
    history.push(summarize(label, manifest));
    label = manifest.ingredients?.find((i) => i.relationship === 'parentOf')?.active_manifest;
  }
  return {
    present: true,
    state: store.validation_state,
    failures: codes.filter((c) => c !== 'signingCredential.untrusted'),
    untrusted: codes.includes('signingCredential.untrusted'),
    history,
  };
}
