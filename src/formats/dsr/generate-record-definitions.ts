/**
 * Generates `dsr-record-definitions.ts` and `dsr-allowed-values.ts` from the DDEX DSR profile schemas in
 * `data/reference/dsrf-xsd/`. Run once when the schemas change:
 * `npx tsx src/formats/dsr/generate-record-definitions.ts`. The XSDs use a small, regular subset of XML
 * Schema (sequences, choices, elements with a type or an inline string restriction), so a focused tag
 * reader is enough and Clef needs no XML dependency, at run time or here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DsrCellDefinition, DsrCellType, DsrRecordDefinition } from './dsr-record-definition.js';

interface XsdNode {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XsdNode[];
}

const here = fileURLToPath(new URL('.', import.meta.url));
const xsdFolder = fileURLToPath(new URL('../../../data/reference/dsrf-xsd/', import.meta.url));

/** The schemas read, with the ProfileId each one is for and its root element. */
const schemas = [
  { file: 'BasicAudioProfile-1.0.xsd', profile: 'BasicAudioProfile', version: '1.0', root: 'BasicAudioProfile' },
  { file: 'BasicAudioProfile-1.1.xsd', profile: 'BasicAudioProfile', version: '1.1', root: 'BasicAudioProfile' },
  { file: 'BasicAudioProfile-1.2.xsd', profile: 'BasicAudioProfile', version: '1.2', root: 'BasicAudioProfile' },
  { file: 'UgcProfile-1.0.xsd', profile: 'UGCProfile', version: '1.0', root: 'UgcProfile' },
  { file: 'UgcProfile-1.1.1.xsd', profile: 'UGCProfile', version: '1.1.1', root: 'UgcProfile' },
  { file: 'UgcProfile-1.2.xsd', profile: 'UGCProfile', version: '1.2', root: 'UgcProfile' },
];

/** Reads the element tree of a schema, without annotations. */
function parseXsd(text: string): XsdNode {
  const stripped = text.replace(/<xs:annotation>[\s\S]*?<\/xs:annotation>/g, '');
  const root: XsdNode = { tag: '#root', attrs: {}, children: [] };
  const stack: XsdNode[] = [root];
  for (const m of stripped.matchAll(/<(\/?)xs:(\w+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>/g)) {
    const [, closing, tag, attrText, selfClosing] = m;
    if (closing) {
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attrs[a[1]] = a[2];
    const node: XsdNode = { tag, attrs, children: [] };
    stack[stack.length - 1].children.push(node);
    if (!selfClosing) stack.push(node);
  }
  return root.children[0];
}

function localName(qualified: string): string {
  return qualified.slice(qualified.indexOf(':') + 1);
}

function descendants(node: XsdNode, tag: string): XsdNode[] {
  return node.children.flatMap((c) => (c.tag === tag ? [c, ...descendants(c, tag)] : descendants(c, tag)));
}

const xsTypes: Readonly<Record<string, DsrCellType>> = {
  'xs:string': 'string',
  'xs:integer': 'integer',
  'xs:decimal': 'decimal',
  'xs:boolean': 'boolean',
  'xs:dateTime': 'dateTime',
  'xs:duration': 'duration',
};

function cellOf(element: XsdNode): DsrCellDefinition {
  const name = element.attrs.name;
  const mandatory = element.attrs.minOccurs !== '0';
  const multiple = element.attrs.maxOccurs === 'unbounded';
  const restriction = descendants(element, 'restriction')[0];
  const typeName = element.attrs.type ?? restriction?.attrs.base;
  const pattern = restriction ? descendants(restriction, 'pattern')[0]?.attrs.value : undefined;
  let type: DsrCellType;
  let allowedValues: string | undefined;
  if (typeName === undefined) throw new Error(`cell ${name} has no type`);
  if (typeName.startsWith('avs:')) {
    type = 'avs';
    allowedValues = localName(typeName);
  } else if (localName(typeName) === 'ddex_IsoDate') {
    type = 'date';
  } else {
    const known = xsTypes[typeName];
    if (!known) throw new Error(`cell ${name} has an unknown type ${typeName}`);
    type = known;
  }
  return { name, mandatory, type, ...(pattern === undefined ? {} : { pattern }), ...(allowedValues ? { allowedValues } : {}), multiple };
}

function recordOf(complexType: XsdNode): DsrRecordDefinition {
  const sequence = complexType.children.find((c) => c.tag === 'sequence');
  if (!sequence) throw new Error(`${complexType.attrs.name} has no sequence`);
  const cells = sequence.children.filter((c) => c.tag === 'element').map(cellOf);
  const recordType = cells[0]?.pattern;
  if (cells[0]?.name !== 'RecordType' || !recordType) throw new Error(`${complexType.attrs.name} has no RecordType pattern`);
  return { recordType, cells };
}

/** The record types reachable from the profile's root element (the multi-record-block variant). */
function recordTypesOf(schema: XsdNode, rootName: string): DsrRecordDefinition[] {
  const types = new Map(schema.children.filter((c) => c.tag === 'complexType').map((c) => [c.attrs.name, c]));
  const rootElement = schema.children.find((c) => c.tag === 'element' && c.attrs.name === rootName);
  if (!rootElement) throw new Error(`no root element ${rootName}`);
  const found = new Map<string, DsrRecordDefinition>();
  const visit = (node: XsdNode): void => {
    for (const element of descendants(node, 'element')) {
      const typeName = element.attrs.type ? localName(element.attrs.type) : undefined;
      const complexType = typeName ? types.get(typeName) : undefined;
      if (!complexType) continue;
      if (typeName!.startsWith('RecordType-')) {
        const record = recordOf(complexType);
        found.set(record.recordType, record);
      } else {
        visit(complexType);
      }
    }
  };
  visit(rootElement.attrs.type ? types.get(localName(rootElement.attrs.type))! : rootElement);
  return [...found.values()];
}

/** The enumerations of the allowed-value sets the profiles use. */
function allowedValuesOf(avs: XsdNode, names: ReadonlySet<string>): Map<string, string[]> {
  const sets = new Map<string, string[]>();
  for (const simpleType of avs.children.filter((c) => c.tag === 'simpleType' && names.has(c.attrs.name))) {
    sets.set(simpleType.attrs.name, descendants(simpleType, 'enumeration').map((e) => e.attrs.value));
  }
  return sets;
}

function literal(value: unknown): string {
  return JSON.stringify(value).replace(/"/g, "'").replace(/\\\\/g, '\\\\');
}

function cellLiteral(cell: DsrCellDefinition): string {
  const parts = [`name: '${cell.name}'`, `mandatory: ${cell.mandatory}`, `type: '${cell.type}'`];
  if (cell.pattern !== undefined) parts.push(`pattern: ${JSON.stringify(cell.pattern)}`);
  if (cell.allowedValues) parts.push(`allowedValues: '${cell.allowedValues}'`);
  parts.push(`multiple: ${cell.multiple}`);
  return `{ ${parts.join(', ')} }`;
}

function generate(): void {
  const shared = new Map<string, string>();
  const declarations: string[] = [];
  const profiles: string[] = [];
  const avsNames = new Set<string>();
  for (const { file, profile, version, root } of schemas) {
    const records = recordTypesOf(parseXsd(readFileSync(xsdFolder + file, 'utf8')), root);
    const entries: string[] = [];
    for (const record of records) {
      for (const cell of record.cells) if (cell.allowedValues) avsNames.add(cell.allowedValues);
      const body = record.cells.map((c) => `    ${cellLiteral(c)},`).join('\n');
      let constName = shared.get(body + record.recordType);
      if (!constName) {
        constName = `${record.recordType.replace('.', '_')}_${profile === 'UGCProfile' ? 'Ugc' : 'BasicAudio'}_${version.replace(/\./g, '_')}`;
        shared.set(body + record.recordType, constName);
        declarations.push(`const ${constName}: DsrRecordDefinition = {\n  recordType: '${record.recordType}',\n  cells: [\n${body}\n  ],\n};\n`);
      }
      entries.push(`      '${record.recordType}': ${constName},`);
    }
    profiles.push(`  {\n    profile: '${profile}',\n    version: '${version}',\n    recordTypes: {\n${entries.join('\n')}\n    },\n  },`);
  }
  const header = '// generated by src/formats/dsr/generate-record-definitions.ts from data/reference/dsrf-xsd, do not edit\n';
  writeFileSync(
    here + 'dsr-record-definitions.ts',
    `${header}import type { DsrProfileDefinition, DsrRecordDefinition } from './dsr-record-definition.js';\n\n${declarations.join('\n')}\n` +
      `/** Every DSR profile version Clef reads (multi-record-block variant), with its record types and their cells. */\n` +
      `export const dsrProfileDefinitions: readonly DsrProfileDefinition[] = [\n${profiles.join('\n')}\n];\n`,
  );
  const avs = allowedValuesOf(parseXsd(readFileSync(xsdFolder + 'avs-current.xsd', 'utf8')), avsNames);
  const sets = [...avs.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, values]) => `  ${name}: [\n${values.map((v) => `    ${literal(v)},`).join('\n')}\n  ],`);
  writeFileSync(
    here + 'dsr-allowed-values.ts',
    `${header}\n/** The DDEX allowed-value sets (avs-current.xsd) that DSR profile cells use, by set name. */\n` +
      `export const dsrAllowedValues: Readonly<Record<string, readonly string[]>> = {\n${sets.join('\n')}\n};\n`,
  );
}

generate();
