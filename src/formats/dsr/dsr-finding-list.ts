import type { Finding } from '../../errors/finding.js';

/**
 * The findings of one DSR file: every error and warning counted, the first `cap` of each kept,
 * so a broken 10 M-line file does not hold millions of findings in memory.
 */
export class DsrFindingList {
  readonly errors: Finding[] = [];
  readonly warnings: Finding[] = [];
  errorCount = 0;
  warningCount = 0;

  constructor(readonly cap = 100) {}

  /** Records a finding: `warning` severity counts as a warning, anything else as an error. */
  add(finding: Finding): void {
    if (finding.severity === 'warning') {
      this.warningCount++;
      if (this.warnings.length < this.cap) this.warnings.push(finding);
    } else {
      this.errorCount++;
      if (this.errors.length < this.cap) this.errors.push(finding);
    }
  }
}
