import { Command } from 'commander';
import { currentIo } from '../cli-io.js';
import { printJson, printLine, printNotice } from '../output.js';
import { withRegistry, withStoreOptions } from '../registry-session.js';
import { lazily } from '../lazily.js';

const createApiToken = lazily(() => import('../../access/use-cases/api-tokens.js'), 'createApiToken');
const addUser = lazily(() => import('../../access/use-cases/users.js'), 'addUser');
const listUsers = lazily(() => import('../../access/use-cases/users.js'), 'listUsers');
const setUserPassword = lazily(() => import('../../access/use-cases/users.js'), 'setUserPassword');

/** `clef users add NAME --role ROLE [--party IPI|--licensee ID|--dsp DPID] [--password-env VAR]`. */
export function usersAddCommand(): Command {
  return withStoreOptions(
    new Command('add')
      .argument('<name>', 'the user name')
      .requiredOption('--role <role>', 'admin (CMO staff), member, licensee or dsp')
      .option('--party <ipi>', 'a member user\'s party: IPI name number, party id or member id')
      .option('--licensee <id>', 'a licensee user\'s licensee id')
      .option('--dsp <dpid>', 'a dsp user\'s DDEX party id')
      .option('--password-env <var>', 'set the web password from this environment variable (never on the command line)')
      .option('--json', 'print JSON: the user')
      .description('add a user of the API and the portal; the role decides what it may see'),
  ).action(async (name: string, options) => {
    await withRegistry(options, async (context) => {
      const password = options.passwordEnv ? currentIo().env[options.passwordEnv] : undefined;
      const user = await addUser(context, { name, role: options.role, party: options.party, licensee: options.licensee, dsp: options.dsp, password });
      if (options.json) return printJson(user);
      printLine(`user ${user.name}: ${user.role}${user.party_id ? ` of party ${user.party_id}` : ''}${user.licensee_id ? ` of licensee ${user.licensee_id}` : ''}${user.dpid ? ` of DSP ${user.dpid}` : ''}${user.has_password ? ', web password set' : ''}`);
    });
  });
}

/** `clef users password NAME --password-env VAR`. */
export function usersPasswordCommand(): Command {
  return withStoreOptions(
    new Command('password').argument('<name>').requiredOption('--password-env <var>', 'the environment variable holding the new password').description('set a user\'s web password (scrypt hash kept)'),
  ).action(async (name: string, options) => {
    await withRegistry(options, async (context) => {
      await setUserPassword(context, name, currentIo().env[options.passwordEnv] ?? '');
      printNotice(`password of ${name} set`);
    });
  });
}

/** `clef users list [--json]`. */
export function usersListCommand(): Command {
  return withStoreOptions(new Command('list').option('--json', 'print JSON').description('list the users')).action(async (options) => {
    await withRegistry(options, async (context) => {
      const users = await listUsers(context);
      if (options.json) return printJson(users);
      printLine(['name', 'role', 'bound to', 'web password'].join('\t'));
      for (const u of users) printLine([u.name, u.role, u.party_id ?? u.licensee_id ?? u.dpid ?? '-', u.has_password ? 'yes' : 'no'].join('\t'));
    });
  });
}

/** `clef users add|password|list`. */
export function usersCommand(): Command {
  return new Command('users').description('users of the API and the portal, with their roles').addCommand(usersAddCommand()).addCommand(usersPasswordCommand()).addCommand(usersListCommand());
}

/** `clef tokens create NAME`: prints a new API token once; only its digest is kept. */
export function tokensCommand(): Command {
  const create = withStoreOptions(new Command('create').argument('<name>', 'the user').option('--json', 'print JSON: {token, prefix}').description('make an API token for a user (printed once)')).action(async (name: string, options) => {
    await withRegistry(options, async (context) => {
      const token = await createApiToken(context, name);
      if (options.json) return printJson(token);
      printLine(token.token);
      printNotice(`token ${token.prefix}… for ${name}: send it as Authorization: Bearer TOKEN; it is not shown again`);
    });
  });
  return new Command('tokens').description('API tokens').addCommand(create);
}
