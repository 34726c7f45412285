import { describe, expect, it } from "vitest";
import { describeAccountContract } from "./contract/accountContract.ts";
import { describeAttributionContract } from "./contract/attributionContract.ts";
import { describeAuditContract } from "./contract/auditContract.ts";
import { describeDocumentContract } from "./contract/documentContract.ts";
import { ALICE, ALICE_NEW, BOB_NEW, DOC_A, DOC_B, ORG, PARTIES } from "./contract/fixtures.ts";
import { describeHistoryContract } from "./contract/historyContract.ts";
import { describeInvitationContract } from "./contract/invitationContract.ts";
import { describeNotificationContract } from "./contract/notificationContract.ts";
import { describeNotificationMailContract } from "./contract/notificationMailContract.ts";
import { describeOrganisationContract } from "./contract/organisationContract.ts";
import { describeUpdateLogContract } from "./contract/updateLogContract.ts";
import { describeVersionContract } from "./contract/versionContract.ts";
import type { Store } from "./Store.ts";

/**
 * The behaviour every Store must show, whatever keeps the bytes, one part per port.
 * Register it once per implementation (`describeStoreContract("SqliteStore", …)`);
 * `makeStore` must return a fresh, empty, migrated store each time. Every part closes the
 * stores it opened.
 */
export function describeStoreContract(
  name: string,
  makeStore: () => Promise<Store>,
  /** Runs SQL on the store's database behind its back, as an operator with database access could. */
  rawSql: (store: Store, sql: string) => Promise<void>,
): void {
  /** A fresh store with one organisation, Alice and Bob, and Alice's documents A and B. */
  const open = async (): Promise<Store> => {
    const store = await makeStore();
    expect(await store.createOrganisation(ORG)).toBeNull();
    for (const user of [ALICE_NEW, BOB_NEW]) await store.createUser(user);
    for (const id of [DOC_A, DOC_B])
      await store.createDocument({
        id,
        title: id,
        kind: "concept",
        ownerId: ALICE.id,
        crossPartyAcceptance: false,
        parties: PARTIES,
      });
    return store;
  };

  describe(`Store contract: ${name}`, () => {
    describe("UpdateLog", () => describeUpdateLogContract(open));
    describe("AttributionStore", () => describeAttributionContract(open));
    describe("HistoryStore", () => describeHistoryContract(open));
    describe("VersionStore", () => describeVersionContract(open, rawSql));
    describe("OrganisationStore", () => describeOrganisationContract(open));
    describe("AccountStore and SessionStore", () => describeAccountContract(open));
    describe("DocumentStore", () => describeDocumentContract(open));
    describe("AuditStore", () => describeAuditContract(open));
    describe("InvitationStore, PasswordResetStore and MailOutboxStore", () => describeInvitationContract(open));
    describe("NotificationMailStore", () => describeNotificationMailContract(open));
    describe("NotificationStore", () => describeNotificationContract(open, rawSql));

    it("answers a ping while open", async () => {
      const store = await open();
      try {
        expect(await store.ping()).toBe(true);
      } finally {
        await store.close();
      }
    });
  });
}
