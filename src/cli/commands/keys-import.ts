import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import type { KeyRole } from '../../labels/index.js';
import { ClefError } from '../../errors/clef-error.js';
import { printJson, printLine } from '../output.js';
import { KEYS_OPTION_HELP, keyFolderOf } from './label-options.js';

interface ImportOptions {
  id: string;
  role: string;
  party?: string;
  ca?: string;
  certificate?: string;
  chain?: string;
  publicKey?: string;
  privateKey?: string;
  keys?: string;
  json?: boolean;
}

const text = (path: string | undefined): string | undefined => {
  if (path === undefined) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new ClefError('CLEF_FILE_UNREADABLE', (error as Error).message, { file: path });
  }
};

/** `clef keys import`: adds a CA to trust, a C2PA signing certificate with its key, or an Ed25519 key of an AI service or platform. */
export function keysImportCommand(): Command {
  return new Command('import')
    .description('add a CA to trust, a signing certificate and key the CMO supplies, or the Ed25519 key of an AI service or platform')
    .requiredOption('--id <id>', 'a name for the key in the folder')
    .option('--role <role>', 'cmo, producer (an AI service) or propagator (a platform)', 'cmo')
    .option('--party <name>', 'the producer or platform name the key signs for (default: the id)')
    .option('--ca <pem>', 'a CA certificate to trust for C2PA verification')
    .option('--certificate <pem>', 'a C2PA signing certificate (needs --private-key and --chain)')
    .option('--chain <pem>', "the signing certificate's issuer chain")
    .option('--public-key <pem>', 'an Ed25519 public key (an AI service that signs its own labels)')
    .option('--private-key <pem>', 'the private key of --certificate, or an Ed25519 key Clef signs with for that party')
    .option('--keys <dir>', KEYS_OPTION_HELP)
    .option('--db <location>', 'the store (not used: keys live in the key folder)')
    .option('--json', 'write JSON only')
    .action(async (options: ImportOptions) => {
      const { importKey } = await import('../../labels/index.js');
      if (!['cmo', 'producer', 'propagator'].includes(options.role)) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `--role must be cmo, producer or propagator, not ${options.role}`);
      const entry = importKey(keyFolderOf(options.keys), {
        id: options.id, role: options.role as KeyRole, party: options.party ?? options.id,
        caPem: text(options.ca), certificatePem: text(options.certificate), chainPem: text(options.chain),
        publicKeyPem: text(options.publicKey), privateKeyPem: text(options.privateKey),
      });
      if (options.json) printJson(entry);
      else printLine(`imported ${entry.id}\t${entry.kind}\t${entry.role}\t${entry.party}`);
    });
}
