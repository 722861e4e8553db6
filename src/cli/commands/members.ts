import { setExitCode } from '../cli-io.js';
import { Command } from 'commander';
import { formatLocation } from '../../errors/index.js';
import type { MemberView } from '../../registry/use-cases/members.js';
import { printJson, printLine, printNotice } from '../output.js';
import { readRegistry, withRegistry, withStoreOptions } from '../registry-session.js';
import { lazily } from '../lazily.js';

const addMember = lazily(() => import('../../registry/use-cases/members.js'), 'addMember');
const importMembers = lazily(() => import('../../registry/use-cases/members.js'), 'importMembers');
const listMembers = lazily(() => import('../../registry/use-cases/members.js'), 'listMembers');
const showMember = lazily(() => import('../../registry/use-cases/members.js'), 'showMember');

function printMember(member: MemberView): void {
  printLine(`${member.member_id}  ${member.name}  IPI ${member.ipi_name_numbers.join(', ') || '-'}  ${member.rights.join(';')}  ${member.territories}  ${member.start_date}–${member.end_date ?? ''}  (${member.party_id})`);
}

/** `clef members add|list|show|import`: the CMO's own member records. */
export function membersCommand(): Command {
  const members = new Command('members').description("the CMO's members: parties it represents, for which rights, where and when");
  withStoreOptions(
    members
      .command('add')
      .description('add a membership')
      .requiredOption('--ipi <ipi-name-number>', 'the member’s IPI name number')
      .requiredOption('--name <name>', 'the member’s name')
      .requiredOption('--rights <rights>', 'rights it is a member for, e.g. PR;MR')
      .option('--territories <tis>', 'TIS territories, e.g. 2136 or 2136;E0250', '2136')
      .requiredOption('--start <date>', 'first day, YYYY-MM-DD')
      .option('--end <date>', 'last day, YYYY-MM-DD')
      .option('--json', 'print JSON'),
  ).action(async (options) => {
    await withRegistry(options, async (context) => {
      const member = await addMember(context, { ipiNameNumber: options.ipi, name: options.name, rights: options.rights, territories: options.territories, startDate: options.start, endDate: options.end });
      if (options.json) printJson(member);
      else printMember(member);
    });
  });
  withStoreOptions(members.command('list').description('list the memberships').option('--json', 'print JSON')).action(async (options) => {
    await readRegistry(options, async (context) => {
      const list = await listMembers(context);
      if (options.json) return printJson(list);
      for (const member of list) printMember(member);
    });
  });
  withStoreOptions(members.command('show').argument('<member>', 'member id, party id or IPI name number').option('--json', 'print JSON')).action(async (id: string, options) => {
    await readRegistry(options, async (context) => {
      const member = await showMember(context, id);
      if (options.json) printJson(member);
      else printMember(member);
    });
  });
  withStoreOptions(
    members.command('import').argument('<file>', 'CSV: ipi_name_number,name,rights,territories,start_date,end_date').description('import a member list: all rows, or none when any is invalid').option('--json', 'print JSON'),
  ).action(async (file: string, options) => {
    await withRegistry(options, async (context) => {
      const result = await importMembers(context, file);
      if (options.json) printJson(result);
      else {
        for (const finding of result.findings.slice(0, 50)) printNotice(`${finding.code} ${formatLocation(finding.location)}: ${finding.message}`);
        printLine(result.findings.length ? `${file}: ${result.findings.length} problems — nothing imported` : `${file}: ${result.imported} memberships imported`);
      }
      if (result.findings.length) setExitCode(1);
    });
  });
  return members;
}
