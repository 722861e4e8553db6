import type { RegistryContext } from '../registry/use-cases/registry-context.js';
import { addUser } from '../access/use-cases/users.js';
import { addDsp } from '../usage/use-cases/dsps.js';

/** A portal login the demo makes; the passwords are printed, so they are for the demo store only. */
export interface DemoLogin {
  readonly user: string;
  readonly password: string;
  readonly role: string;
  readonly what: string;
}

const demoDsp = 'PADPIDA2011072101T';

/** Adds one portal login per role to the demo store: staff, two members, the demo DSP (and its name), the AI licensee. */
export async function addDemoLogins(context: RegistryContext, aiLicenseeId: string): Promise<DemoLogin[]> {
  await addDsp(context, demoDsp, 'Demo Stream');
  const logins: (DemoLogin & { party?: string; dsp?: string; licensee?: string })[] = [
    { user: 'staff', password: 'demo-staff', role: 'admin', what: 'CMO staff: dashboard, runs, upload, unmatched, claims' },
    { user: 'liwei', password: 'demo-liwei', role: 'member', party: '00012345036', what: 'member LI Wei: works, statements with charts, claims' },
    { user: 'zhangmin', password: 'demo-zhangmin', role: 'member', party: '00012345722', what: 'member ZHANG Min' },
    { user: 'stream', password: 'demo-stream', role: 'dsp', dsp: demoDsp, what: 'DSP Demo Stream: its reports' },
    { user: 'melodia', password: 'demo-melodia', role: 'licensee', licensee: aiLicenseeId, what: 'AI licensee Melodia AI Ltd: licences, declarations and their audits, revenue' },
  ];
  for (const login of logins) await addUser(context, { name: login.user, role: login.role, party: login.party, dsp: login.dsp, licensee: login.licensee, password: login.password });
  return logins.map(({ user, password, role, what }) => ({ user, password, role, what }));
}
