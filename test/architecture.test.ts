import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from './support/repo-paths.js';

// Checked on the import graph of src/ (docs/architecture.md): each part depends only on the parts below it,
// pure files stay pure, no import cycles, and no file imports its own part's index.
const src = join(repoRoot, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

const files = sourceFiles(src);
const texts = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));
const rel = (file: string) => relative(src, file);

function localImports(file: string): string[] {
  const found: string[] = [];
  for (const match of texts.get(file)!.matchAll(/^\s*(import|export)\s+(?!type\b)[^'"]*?from\s+'(\.[^']+)'/gm)) {
    found.push(resolve(dirname(file), match[2].replace(/\.js$/, '.ts')));
  }
  return found;
}

/** Where I/O is allowed: the interfaces, the store, use cases, the demo, and the named edge files of each part. */
const edgeFolders = ['cli/', 'store/', 'demo/', 'server/', 'web/'];
const edgeFiles = new Set([
  'audio/audio-evidence.ts', 'audio/audio-index-store.ts', 'audio/audio-worker.ts', 'audio/audio-worker-pool.ts',
  'audio/decode-audio-file.ts', 'audio/fingerprint-audio-file.ts', 'audio/index-audio.ts',
  'audio/list-audio-files.ts', 'audio/run-audio-demo.ts',
  'formats/cwr/validate-cwr-file.ts',
  'formats/dsr/generate-record-definitions.ts', 'formats/dsr/open-dsr-file.ts', 'formats/output/write-output-file.ts',
  'labels/c2pa-runtime.ts', 'labels/key-folder.ts', 'labels/label-demo-recording.ts', 'labels/label-file.ts',
  'lookups/load-lookups.ts',
  'usage/generate-usage/generate-usage.ts',
]);
const isEdge = (file: string) => {
  const path = rel(file);
  return edgeFolders.some((folder) => path.startsWith(folder)) || path.includes('/use-cases/') || edgeFiles.has(path);
};

test('pure files read no files, network, environment, clock or randomness', () => {
  const impure = /from 'node:(fs|fs\/promises|net|http|https|child_process)'|process\.env|Date\.now\(\)|new Date\(\)|Math\.random\(\)/;
  const offenders = files.filter((file) => !isEdge(file) && impure.test(texts.get(file)!)).map(rel);
  assert.deepEqual(offenders, [], 'these files do I/O but are not edges: move the I/O out or name them in edgeFiles');
});

const isInterfaceOrStore = (file: string) => {
  const path = rel(file);
  return (edgeFolders.some((folder) => path.startsWith(folder)) && !path.startsWith('store/schema')) || path.includes('/use-cases/');
};

test('pure files import no store, interface or use-case code', () => {
  const offenders = files
    .filter((file) => !isEdge(file))
    .flatMap((file) => localImports(file).filter((target) => isInterfaceOrStore(target)).map((target) => `${rel(file)} → ${rel(target)}`));
  assert.deepEqual(offenders, []);
});

test('no file imports the index of its own part', () => {
  const part = (file: string) => rel(file).split('/')[0];
  const offenders = files.flatMap((file) =>
    localImports(file)
      .filter((target) => target.endsWith('/index.ts') && part(target) === part(file) && dirname(target) !== dirname(file) ? dirname(target) === join(src, part(file)) : target === join(dirname(file), 'index.ts') && file !== target)
      .map((target) => `${rel(file)} → ${rel(target)}`),
  );
  assert.deepEqual(offenders, []);
});

test('the import graph of src/ has no cycles', () => {
  const graph = new Map(files.map((file) => [file, localImports(file).filter((target) => texts.has(target))]));
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].map(rel).join(' → '));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  assert.deepEqual(cycles, []);
});

/**
 * The parts each part may import (type-only imports included), lowest first: a lower part never reaches up, so
 * `formats` reads CWR and DSR without knowing the registry, and a new part must be placed here before it is used.
 */
const allowedParts: Readonly<Record<string, readonly string[]>> = {
  errors: [],
  calendar: [],
  random: [],
  identifiers: ['errors'],
  money: ['errors'],
  lookups: ['errors'],
  store: ['errors'],
  formats: ['errors', 'calendar', 'identifiers', 'lookups'],
  registry: ['errors', 'calendar', 'identifiers', 'lookups', 'formats', 'store'],
  usage: ['errors', 'calendar', 'random', 'identifiers', 'money', 'lookups', 'formats', 'registry', 'store'],
  distribution: ['errors', 'calendar', 'identifiers', 'money', 'lookups', 'formats', 'registry', 'usage', 'store'],
  labels: ['errors', 'identifiers', 'formats', 'registry', 'store'],
  audio: ['errors', 'random', 'identifiers', 'formats', 'registry', 'store'],
  ai: ['errors', 'calendar', 'identifiers', 'money', 'lookups', 'formats', 'registry', 'usage', 'distribution', 'labels', 'audio', 'store'],
  access: ['errors', 'registry', 'usage', 'store'],
  demo: ['errors', 'calendar', 'random', 'identifiers', 'money', 'lookups', 'formats', 'registry', 'usage', 'distribution', 'labels', 'audio', 'ai', 'access', 'store'],
};
const interfaces = new Set(['cli', 'server', 'web']);

test('each part imports only the parts below it', () => {
  const part = (file: string) => rel(file).split('/')[0];
  const offenders = files.flatMap((file) => {
    const from = part(file);
    if (interfaces.has(from)) return [];
    const allowed = allowedParts[from];
    if (!allowed) return [`${rel(file)}: part '${from}' has no place in allowedParts`];
    const targets = [...texts.get(file)!.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'/gm)].map((match) => resolve(dirname(file), match[1]));
    return targets
      .filter((target) => target.startsWith(src) && part(target) !== from && !allowed.includes(part(target)))
      .map((target) => `${rel(file)} → ${part(target)}`);
  });
  assert.deepEqual(offenders, []);
});
