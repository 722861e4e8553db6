import { Command } from 'commander';
import { audioEvidenceCommand } from './audio-evidence.js';
import { audioIdentifyCommand } from './audio-identify.js';
import { audioIndexCommand } from './audio-index.js';
import { audioScanCommand } from './audio-scan.js';

/** `clef audio`: fingerprint registered recordings and identify them in audio. */
export function audioCommand(): Command {
  return new Command('audio')
    .description('audio identification: index registered recordings, identify them in files, scan data sets, write evidence')
    .addCommand(audioIndexCommand())
    .addCommand(audioIdentifyCommand())
    .addCommand(audioScanCommand())
    .addCommand(audioEvidenceCommand());
}
