import { Command } from 'commander';
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { printJson, printLine } from '../output.js';
import { KEYS_OPTION_HELP, keyFolderOf } from './label-options.js';

/** `clef label propagate FILE --platform CODE --out FILE`: adds a platform's propagation fields and a new C2PA manifest. */
export function labelPropagateCommand(): Command {
  return new Command('propagate')
    .description("add a platform's propagation fields to a labeled file, with a new C2PA manifest whose parent is the previous file")
    .argument('<file>', 'the labeled audio file')
    .requiredOption('--platform <code>', 'the disseminating platform (ContentPropagator)')
    .requiredOption('--out <file>', 'where to write the propagated file')
    .option('--propagation-id <id>', "the platform's id for this dissemination (PropagateID; default: a new UUID)")
    .option('--keys <dir>', KEYS_OPTION_HELP)
    .option('--db <location>', 'the store (not used)')
    .option('--json', 'write JSON only')
    .action(async (file: string, options: { platform: string; out: string; propagationId?: string; keys?: string; json?: boolean }) => {
      const { naming, propagateLabel, readAudioFile, readKeyring, writeAudioFile } = await import('../../labels/index.js');
      const propagated = await naming(file, () => propagateLabel(readAudioFile(file), {
        platform: options.platform, propagationId: options.propagationId ?? randomUUID(), title: basename(file),
      }, readKeyring(keyFolderOf(options.keys))));
      writeAudioFile(options.out, propagated.bytes);
      if (options.json) printJson({ out: options.out, aigc: propagated.aigc });
      else printLine(`propagated ${options.out}: ${propagated.aigc.ContentPropagator} (${propagated.aigc.PropagateID})`);
    });
}
