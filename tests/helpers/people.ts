import { hashPassword } from "../../server/accounts/passwords.ts";
import type { InstanceRole } from "../../server/store/ports/AccountStore.ts";
import type { Store } from "../../server/store/Store.ts";
import { DEMO_PASSWORD } from "./server.ts";

/** A user the demo does not have, written through the store (no route creates accounts here). */
export interface Person {
  id: string;
  email: string;
  name: string;
  orgId: string;
  instanceRole?: InstanceRole | null;
}

/** People of organisations beyond the demo's: Bern's staff, an administrator of the instance, one of Bern. */
export const PEOPLE = {
  beat: { id: "u-beat", email: "beat.huber@be.ch", name: "Beat Huber", orgId: "kanton-be" },
  bea: { id: "u-bea", email: "bea.keller@be.ch", name: "Bea Keller", orgId: "kanton-be" },
  sara: { id: "u-sara", email: "sara.graf@so.ch", name: "Sara Graf", orgId: "kanton-so" },
  nina: { id: "u-nina", email: "nina.weber@sem.admin.ch", name: "Nina Weber", orgId: "sem" },
  admin: { id: "u-ada", email: "admin@sem.admin.ch", name: "Ada Admin", orgId: "sem", instanceRole: "admin" },
  bernAdmin: {
    id: "u-be-admin",
    email: "admin@be.ch",
    name: "Otto Admin",
    orgId: "kanton-be",
    instanceRole: "org_admin",
  },
} satisfies Record<string, Person>;

/** Creates these people with the test servers' demo password, so `login` signs them in. */
export async function addPeople(store: Pick<Store, "createUser">, ...people: Person[]): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const p of people) await store.createUser({ ...p, instanceRole: p.instanceRole ?? null, passwordHash });
}
