import { afterEach, beforeEach } from "vitest";
import * as Y from "yjs";
import { mergeThroughDoc } from "../../sync/compaction.ts";
import type { MergeUpdates } from "../../sync/UpdateLog.ts";
import type { NewUser, UserRow } from "../ports/AccountStore.ts";
import type { PartyRow } from "../ports/DocumentStore.ts";
import type { OrganisationRow } from "../ports/OrganisationStore.ts";

// The organisation, users, documents and bytes every part of the store contract works with.

/** An organisation with every setting at its default, named `name` in every language. */
export const organisation = (id: string, name: string, change: Partial<OrganisationRow> = {}): OrganisationRow => ({
  id,
  kind: "other",
  name: { de: name, fr: name, it: name },
  shortName: name,
  colour: "#5f6b7a",
  domains: [],
  active: true,
  ssoProvisioning: false,
  passwordSignIn: true,
  ...change,
});

export const ORG = organisation("org-test", "Testamt", { domains: ["test.ch"] });
export const ALICE_NEW: NewUser = {
  id: "u-alice",
  email: "alice@test.ch",
  name: "Alice",
  orgId: ORG.id,
  passwordHash: "h1",
};
export const BOB_NEW: NewUser = { id: "u-bob", email: "bob@test.ch", name: "Bob", orgId: ORG.id, passwordHash: "h2" };
/** The users as the store answers them: active. */
const asStored = (user: NewUser): UserRow => ({
  instanceRole: null,
  language: "de",
  ...user,
  deactivatedAt: null,
  lastSignInAt: null,
  signingAuthority: false,
});
export const ALICE: UserRow = asStored(ALICE_NEW);
export const BOB: UserRow = asStored(BOB_NEW);
/** The parties of the contract's documents: the test organisation as the canton, the migrations' SEM as the federal one. */
export const PARTIES: PartyRow[] = [
  { orgId: ORG.id, role: "canton" },
  { orgId: "sem", role: "federal" },
];
export const DOC_A = "doc-a";
export const DOC_B = "doc-b";

export const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);

/** An opaque update whose bytes tell which document and which append it was. */
export const update = (documentId: string, n: number) => ({
  documentId,
  data: bytes(documentId.charCodeAt(documentId.length - 1), n, 0xff - n),
  userId: ALICE.id,
});

/** Bytes as hex, so that a Buffer and a Uint8Array with the same content compare equal. */
export const hex = (data: Uint8Array): string =>
  Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("hex");

/** `mergeThroughDoc`, recording what each call was given and returned (as hex). */
export function recordingMerge() {
  const calls: { snapshot: string | null; updates: string[]; result: string }[] = [];
  const fn: MergeUpdates = (snapshot, updates) => {
    const result = mergeThroughDoc(snapshot, updates);
    calls.push({ snapshot: snapshot && hex(snapshot), updates: updates.map(hex), result: hex(result) });
    return result;
  };
  return { fn, calls };
}

/** A Y.Doc with one text whose updates are collected, as a client would send them. */
export function textEditor() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  const text = doc.getText("content");
  return {
    type: (s: string) => text.insert(text.length, s),
    take: () => updates.splice(0),
  };
}

/** The text a client sees after loading `state`. */
export function textOf(state: { snapshot: Uint8Array | null; updates: Uint8Array[] }): string {
  const doc = new Y.Doc();
  if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
  for (const u of state.updates) Y.applyUpdate(doc, u);
  return doc.getText("content").toString();
}

/** Opens a fresh store (or log) before each test of the calling suite and closes it after it. */
export function eachFresh<S extends { close(): Promise<void> }>(open: () => Promise<S>): { readonly store: S } {
  let current: S | null = null;
  beforeEach(async () => {
    current = await open();
  });
  afterEach(async () => {
    await current?.close();
    current = null;
  });
  return {
    get store(): S {
      if (!current) throw new Error("no store outside a test");
      return current;
    },
  };
}
