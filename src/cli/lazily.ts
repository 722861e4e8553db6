type Lazy<F> = F extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;

/**
 * A stand-in for an async function of a module that is loaded on the first call, so `clef --help` and light commands
 * do not load what they never use (the store engines, Kysely, the C2PA runtime, the audio decoders).
 * @example const searchWorks = lazily(() => import('../../registry/use-cases/search-works.js'), 'searchWorks');
 */
export function lazily<M, K extends keyof M>(load: () => Promise<M>, name: K): Lazy<M[K]> {
  return (async (...args: unknown[]) => ((await load())[name] as (...args: unknown[]) => unknown)(...args)) as Lazy<M[K]>;
}
