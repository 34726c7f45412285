import type { Role } from "../../shared/roles.ts";
import { hashPassword } from "../accounts/passwords.ts";
import type { DocumentReader } from "../documents/documents.ts";
import { createDocument } from "../documents/documents.ts";
import type { AccountStore } from "../store/ports/AccountStore.ts";
import type { UpdateLog } from "../sync/UpdateLog.ts";
import { kip3Agreement } from "./content/kip3Agreement.ts";
import { kip3Concept } from "./content/kip3Concept.ts";
import { yjsStateOf } from "./demoContent.ts";
import { withDemoStatuses } from "./demoSections.ts";

/**
 * The demo accounts: two of the canton, two of the SEM, and the SEM's instance administrator,
 * who is a member of no document. All share the demo password. Andrea Meier and Claire Dubois
 * hold signing authority, so that each party of the agreement has a signatory to pick.
 */
export const DEMO_USERS = [
  { id: "u-andrea", email: "andrea.meier@so.ch", name: "Andrea Meier", orgId: "kanton-so", signingAuthority: true },
  { id: "u-lukas", email: "lukas.frei@so.ch", name: "Lukas Frei", orgId: "kanton-so" },
  { id: "u-claire", email: "claire.dubois@sem.admin.ch", name: "Claire Dubois", orgId: "sem", signingAuthority: true },
  { id: "u-marco", email: "marco.rossi@sem.admin.ch", name: "Marco Rossi", orgId: "sem" },
  { id: "u-admin", email: "sandra.keller@sem.admin.ch", name: "Sandra Keller", orgId: "sem", instanceRole: "admin" },
] as const;

type DemoUserId = (typeof DEMO_USERS)[number]["id"];

/** The demo documents, with stable ids so links in the README keep working. */
export const DEMO_DOCUMENTS: {
  id: string;
  source: typeof kip3Concept | typeof kip3Agreement;
  members: Record<Exclude<DemoUserId, "u-andrea" | "u-admin">, Role>;
}[] = [
  {
    id: "kip3-konzept-so",
    source: kip3Concept,
    members: { "u-lukas": "editor", "u-claire": "suggester", "u-marco": "commenter" },
  },
  {
    id: "kip3-vereinbarung-so",
    source: kip3Agreement,
    members: { "u-lukas": "editor", "u-claire": "editor", "u-marco": "viewer" },
  },
];

/**
 * Fills an empty store (whose organisations the migrations made) with the demo users and the KIP 3 concept
 * and agreement of Solothurn. Does nothing if any user exists. Returns whether it seeded.
 */
export async function seedDemo(store: UpdateLog & AccountStore & DocumentReader, password: string): Promise<boolean> {
  if ((await store.countUsers()) > 0) return false;
  const passwordHash = await hashPassword(password);
  for (const user of DEMO_USERS) await store.createUser({ ...user, passwordHash });
  const andrea = { id: "u-andrea", orgId: "kanton-so" };
  for (const { id, source, members } of DEMO_DOCUMENTS) {
    // Andrea's defaults: her canton (Solothurn) and the SEM.
    await createDocument(store, andrea, { id, title: source.title, kind: source.kind });
    for (const [userId, role] of Object.entries(members)) await store.setMembership({ documentId: id, userId, role });
    const state = yjsStateOf(source.content);
    const data = source.kind === "agreement" ? withDemoStatuses(state) : state;
    await store.appendUpdates([{ documentId: id, data, userId: "u-andrea" }]);
  }
  return true;
}
