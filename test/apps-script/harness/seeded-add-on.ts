// The usual setting of an add-on test: a sandbox in its own process with some clients and contacts,
// the add-on in the vm, signed in as the admin. One call to set it up, one to take it down.
import type { PivorClient, PivorRecord } from '../../../shared/api/index.ts';
import { startSandboxProcess, type SandboxProcess } from '../../helpers/sandbox-process.ts';
import { buildOnce } from './build-once.ts';
import { GasEnvironment, type GasEnvironmentOptions } from './gas-environment.ts';
import { adminClient, clientBodies, contactBodies, seed } from './pivor-admin.ts';
import { signInAdmin } from './sidebar-driver.ts';

export interface SeededAddOn {
  sandbox: SandboxProcess;
  admin: PivorClient;
  gas: GasEnvironment;
  clients: PivorRecord[];
  contacts: PivorRecord[];
  close(): Promise<void>;
}

export async function seededAddOn(options: { clients: number; contacts: number; gas?: GasEnvironmentOptions }): Promise<SeededAddOn> {
  buildOnce();
  const sandbox = await startSandboxProcess(['--seed', 'users', '--quiet']);
  const admin = await adminClient(sandbox.url);
  const clients = await seed(admin, 'clients', clientBodies(options.clients));
  const contacts = await seed(admin, 'contacts', contactBodies(options.contacts, clients.map((c) => c.id)));
  const gas = new GasEnvironment(options.gas ?? {});
  await signInAdmin(gas, sandbox.url);
  return {
    sandbox, admin, gas, clients, contacts,
    async close() {
      await gas.close();
      await sandbox.close();
    },
  };
}
