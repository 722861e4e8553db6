import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { ClefError } from '../errors/clef-error.js';
import { createDevelopmentKeys, C2PA_SIGNER_EKU } from './development-keys.js';
import { ed25519Entry, pemCertificates, type KeyRole, type LabelKeyring } from './label-keyring.js';

/** One entry of `keyring.json`: what the key is for and which PEM files beside it hold it. */
export interface KeyFolderEntry {
  readonly id: string;
  readonly kind: 'c2pa-ca' | 'c2pa-signer' | 'ed25519';
  readonly role: KeyRole;
  readonly party: string;
  readonly certificate?: string;
  readonly chain?: string;
  readonly publicKey?: string;
  readonly privateKey?: string;
}

interface KeyringFile {
  readonly cmo: string;
  readonly keys: KeyFolderEntry[];
}

/** What `clef keys import` is given: an id, whose key it is, and PEM texts. */
export interface KeyImport {
  readonly id: string;
  readonly role: KeyRole;
  readonly party: string;
  /** A CA certificate to trust for C2PA verification. */
  readonly caPem?: string;
  /** A C2PA signing certificate (its private key and issuer chain are then needed). */
  readonly certificatePem?: string;
  readonly chainPem?: string;
  /** An Ed25519 public key (an AI service that signs its own labels) or private key (Clef signs for that party). */
  readonly publicKeyPem?: string;
  readonly privateKeyPem?: string;
}

const KEYRING = 'keyring.json';
const DOCUMENT_SIGNING_EKU = '1.3.6.1.5.5.7.3.36';

function readIndex(dir: string): KeyringFile {
  const path = join(dir, KEYRING);
  if (!existsSync(path)) throw new ClefError('CLEF_LABEL_KEY_MISSING', `no key folder at ${dir}; run \`clef keys init\``, { file: path });
  let index: Partial<KeyringFile> | undefined;
  try {
    index = JSON.parse(readFileSync(path, 'utf8')) as Partial<KeyringFile>;
  } catch (error) {
    throw new ClefError('CLEF_LABEL_KEY_INVALID', `${path} is not the JSON keyring \`clef keys init\` writes (${(error as Error).message}): restore it from a backup or make a new key folder`, { file: path });
  }
  if (typeof index?.cmo !== 'string' || !Array.isArray(index.keys) || !index.keys.every((key) => typeof key?.id === 'string' && typeof key.kind === 'string')) {
    throw new ClefError('CLEF_LABEL_KEY_INVALID', `${path} is not the keyring \`clef keys init\` writes (it needs a cmo name and a list of keys): restore it from a backup or make a new key folder`, { file: path });
  }
  return index as KeyringFile;
}

/**
 * Makes the key folder owner-only (0700). `mkdir` leaves an existing folder's mode alone, so a folder made earlier
 * with wider permissions (0777) is tightened rather than refused: the keys it is about to hold need it closed.
 */
function ownerOnlyFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if ((statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700);
}

function write(dir: string, name: string, text: string, secret: boolean): string {
  const path = join(dir, name);
  writeFileSync(path, text, { mode: secret ? 0o600 : 0o644, flag: 'wx' });
  if (secret) chmodSync(path, 0o600);
  return name;
}

/**
 * Makes a key folder with the CMO's development CA, a C2PA signing certificate it issues and an
 * Ed25519 implicit-label key; private keys are written with mode 0600. Refuses an existing folder.
 */
export async function initKeyFolder(dir: string, cmoName: string, now: Date): Promise<KeyFolderEntry[]> {
  const present = existsSync(dir) ? readdirSync(dir) : [];
  if (present.length > 0) {
    const code = present.includes(KEYRING) || present.some((name) => name.endsWith('.pem')) ? 'CLEF_LABEL_KEY_EXISTS' : 'CLEF_OUTPUT_UNWRITABLE';
    throw new ClefError(code, `${dir} already holds ${present.includes(KEYRING) ? 'a key folder' : 'files'}: keys are never overwritten; give --keys a new folder`);
  }
  const keys = await createDevelopmentKeys(cmoName, now);
  // The keys are written into a fresh folder beside the target and renamed into place whole, so an interrupted
  // init leaves no partial key folder that a later run would take for a real one.
  mkdirSync(dirname(dir), { recursive: true });
  const staging = mkdtempSync(join(dirname(dir), `.${basename(dir)}-`));
  try {
    const entries = writeDevelopmentKeys(staging, cmoName, keys);
    if (existsSync(dir)) rmdirSync(dir);
    renameSync(staging, dir);
    chmodSync(dir, 0o700);
    return entries;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

function writeDevelopmentKeys(dir: string, cmoName: string, keys: Awaited<ReturnType<typeof createDevelopmentKeys>>): KeyFolderEntry[] {
  const entries: KeyFolderEntry[] = [
    { id: 'cmo-ca', kind: 'c2pa-ca', role: 'cmo', party: cmoName, certificate: write(dir, 'cmo-ca.cert.pem', keys.caCertificatePem, false), privateKey: write(dir, 'cmo-ca.key.pem', keys.caPrivateKeyPem, true) },
    { id: 'cmo-c2pa', kind: 'c2pa-signer', role: 'cmo', party: cmoName, certificate: write(dir, 'cmo-c2pa.cert.pem', keys.signerCertificatePem, false), chain: 'cmo-ca.cert.pem', privateKey: write(dir, 'cmo-c2pa.key.pem', keys.signerPrivateKeyPem, true) },
    { id: 'cmo-aigc', kind: 'ed25519', role: 'cmo', party: cmoName, publicKey: write(dir, 'cmo-aigc.pub.pem', keys.ed25519PublicKeyPem, false), privateKey: write(dir, 'cmo-aigc.key.pem', keys.ed25519PrivateKeyPem, true) },
  ];
  writeFileSync(join(dir, KEYRING), `${JSON.stringify({ cmo: cmoName, keys: entries }, null, 2)}\n`);
  return entries;
}

function invalid(id: string, message: string): ClefError {
  return new ClefError('CLEF_LABEL_KEY_INVALID', `key ${id}: ${message}`);
}

function parsePrivateKey(id: string, pem: string): KeyObject {
  try {
    return createPrivateKey(pem);
  } catch {
    throw invalid(id, 'the private key cannot be read (PEM, PKCS#8 or SEC1 expected)');
  }
}

/** Checks a C2PA signing certificate as the reference library will: EKU, not a CA, issued by the given chain, matching key. */
function checkSigner(item: KeyImport, privateKey: KeyObject): void {
  const leaf = new X509Certificate(item.certificatePem!);
  if (leaf.ca) throw invalid(item.id, 'a CA certificate cannot sign C2PA manifests');
  const usages = leaf.keyUsage ?? [];
  if (!usages.includes(C2PA_SIGNER_EKU) && !usages.includes(DOCUMENT_SIGNING_EKU)) throw invalid(item.id, `the certificate lacks the C2PA signer EKU ${C2PA_SIGNER_EKU}`);
  if (!leaf.checkPrivateKey(privateKey)) throw invalid(item.id, 'the private key does not belong to the certificate');
  const chain = pemCertificates(item.chainPem ?? '');
  if (chain.length === 0 || leaf.checkIssued(leaf)) throw invalid(item.id, 'the issuer chain is missing (a self-signed signing certificate is not allowed)');
  if (!leaf.checkIssued(new X509Certificate(Buffer.from(chain[0])))) throw invalid(item.id, 'the first chain certificate did not issue the signing certificate');
}

/** Adds a certificate or key the CMO supplies, or an AI service's public key, to the key folder. */
export function importKey(dir: string, item: KeyImport): KeyFolderEntry {
  const index = readIndex(dir);
  ownerOnlyFolder(dir);
  if (!/^[A-Za-z0-9_.-]+$/.test(item.id) || index.keys.some((k) => k.id === item.id)) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `key id "${item.id}" is not a new file-safe name`);
  let entry: KeyFolderEntry;
  try {
    if (item.caPem) {
      if (!new X509Certificate(item.caPem).ca) throw invalid(item.id, 'the certificate is not a CA');
      entry = { id: item.id, kind: 'c2pa-ca', role: item.role, party: item.party, certificate: write(dir, `${item.id}.cert.pem`, item.caPem, false) };
    } else if (item.certificatePem) {
      if (!item.privateKeyPem) throw invalid(item.id, 'a signing certificate needs its private key');
      checkSigner(item, parsePrivateKey(item.id, item.privateKeyPem));
      entry = {
        id: item.id, kind: 'c2pa-signer', role: item.role, party: item.party, certificate: write(dir, `${item.id}.cert.pem`, item.certificatePem, false),
        chain: write(dir, `${item.id}.chain.pem`, item.chainPem ?? '', false), privateKey: write(dir, `${item.id}.key.pem`, item.privateKeyPem, true),
      };
    } else if (item.privateKeyPem || item.publicKeyPem) {
      const privateKey = item.privateKeyPem ? parsePrivateKey(item.id, item.privateKeyPem) : undefined;
      const publicKey = privateKey ? createPublicKey(privateKey) : createPublicKey(item.publicKeyPem!);
      ed25519Entry(item.id, item.role, item.party, publicKey, privateKey);
      entry = {
        id: item.id, kind: 'ed25519', role: item.role, party: item.party,
        publicKey: write(dir, `${item.id}.pub.pem`, publicKey.export({ format: 'pem', type: 'spki' }).toString(), false),
        ...(item.privateKeyPem ? { privateKey: write(dir, `${item.id}.key.pem`, item.privateKeyPem, true) } : {}),
      };
    } else throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', 'give a CA certificate, a signing certificate with its key, or an Ed25519 key');
  } catch (error) {
    if (error instanceof ClefError) throw error;
    throw invalid(item.id, `cannot be read: ${(error as Error).message}`);
  }
  writeFileSync(join(dir, KEYRING), `${JSON.stringify({ ...index, keys: [...index.keys, entry] }, null, 2)}\n`);
  return entry;
}

/** The entries of a key folder, as `clef keys list` shows them. */
export function listKeys(dir: string): { cmo: string; keys: KeyFolderEntry[] } {
  return readIndex(dir);
}

/** Loads a key folder into the in-memory keyring labeling and verification use. */
export function readKeyring(dir: string): LabelKeyring {
  const index = readIndex(dir);
  const text = (name: string): string => readFileSync(join(dir, name), 'utf8');
  return {
    cmoName: index.cmo,
    ed25519: index.keys.filter((k) => k.kind === 'ed25519').map((k) => {
      const privateKey = k.privateKey ? createPrivateKey(text(k.privateKey)) : undefined;
      return ed25519Entry(k.id, k.role, k.party, createPublicKey(text(k.publicKey!)), privateKey);
    }),
    c2paSigners: index.keys.filter((k) => k.kind === 'c2pa-signer').map((k) => ({
      id: k.id, role: k.role, party: k.party,
      identity: { chain: [...pemCertificates(text(k.certificate!)), ...pemCertificates(text(k.chain!))], privateKey: createPrivateKey(text(k.privateKey!)) },
    })),
    trustAnchorsPem: index.keys.filter((k) => k.kind === 'c2pa-ca').map((k) => text(k.certificate!)),
  };
}
