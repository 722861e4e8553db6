import type { ReservationStatus } from './training-use.js';
import type { ReservedLocation } from './reserved-location.js';

/** What the aipref export writes: `Content-Usage` rules for robots.txt and the header each location's responses carry. */
export interface AiprefExport {
  readonly robotsTxt: string;
  readonly headers: readonly { readonly location: string; readonly header: string }[];
}

function preference(status: ReservationStatus | undefined): 'y' | 'n' | undefined {
  if (status === undefined) return undefined;
  return status === 'allowed' ? 'y' : 'n';
}

/**
 * The IETF aipref usage preference of a location: `train-ai` from the AI-training reservation (a constraint cannot be
 * expressed, so `constrained` is `n`), and `train-genai` from the generative-training reservation only where it
 * says otherwise; undefined when neither is reserved or granted.
 */
export function contentUsage(location: ReservedLocation): string | undefined {
  const train = preference(location.resolved.ai_training?.status);
  const genai = preference(location.resolved.ai_generative_training?.status);
  const parts = [train && `train-ai=${train}`, genai && genai !== train ? `train-genai=${genai}` : undefined].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/**
 * robots.txt rules and HTTP headers for the locations: the repertoire-wide preference without a path, then one
 * `Content-Usage: PATH PREFERENCE` rule per work or recording whose preference differs from it.
 */
export function aiprefRules(locations: readonly ReservedLocation[]): AiprefExport {
  const repertoire = locations.find((l) => l.kind === 'repertoire');
  const general = repertoire ? contentUsage(repertoire) : undefined;
  const lines = ['User-Agent: *'];
  if (general) lines.push(`Content-Usage: ${general}`);
  const headers: { location: string; header: string }[] = [];
  for (const location of locations) {
    const usage = contentUsage(location);
    if (!usage) continue;
    headers.push({ location: location.location, header: `Content-Usage: ${usage}` });
    if (location.kind !== 'repertoire' && usage !== general) lines.push(`Content-Usage: ${location.location} ${usage}`);
  }
  lines.push('Allow: /');
  return { robotsTxt: lines.join('\n') + '\n', headers };
}
