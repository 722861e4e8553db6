import type { Finding } from '../../errors/finding.js';
import type { DsrHeaderRow } from './dsr-rows.js';
import type { DsrFileName } from './parse-dsr-file-name.js';

/**
 * Compares a HEAD record with the file's name (numbering, sender, recipient, service), as the DSR file
 * naming convention requires; disagreements are warnings.
 */
export function checkDsrHeaderAgainstName(header: DsrHeaderRow, name: DsrFileName, file: string): Finding[] {
  const findings: Finding[] = [];
  const warn = (field: string, value: string, message: string): void => {
    findings.push({ code: 'CLEF_DSR_FILE_NAME_INVALID', severity: 'warning', message, location: { file, line: header.line, recordType: 'HEAD', field, value } });
  };
  if (header.fileNumber !== null && header.fileNumber !== name.fileNumber) warn('FileNumber', String(header.fileNumber), `HEAD FileNumber ${header.fileNumber} but the file name says ${name.fileNumber}of${name.numberOfFiles}`);
  if (header.numberOfFiles !== null && header.numberOfFiles !== name.numberOfFiles) warn('NumberOfFiles', String(header.numberOfFiles), `HEAD NumberOfFiles ${header.numberOfFiles} but the file name says ${name.fileNumber}of${name.numberOfFiles}`);
  if (header.senderPartyId !== name.sender && header.senderName !== name.sender) warn('SenderPartyId', header.senderPartyId, `the file name's sender ${name.sender} is neither the HEAD's SenderPartyId nor its SenderName`);
  if (header.recipientPartyId !== null || header.recipientName !== null) {
    if (header.recipientPartyId !== name.recipient && header.recipientName !== name.recipient) warn('RecipientPartyId', header.recipientPartyId ?? '', `the file name's recipient ${name.recipient} is neither the HEAD's RecipientPartyId nor its RecipientName`);
  }
  if (header.serviceDescription !== null && header.serviceDescription !== name.serviceDescription) warn('ServiceDescription', header.serviceDescription, `HEAD ServiceDescription ${header.serviceDescription} but the file name says ${name.serviceDescription}`);
  return findings;
}
