import { describe, expect, it } from "vitest";
import type { DirectoryEntry, InvitationCreated } from "../../shared/api/accountSchemas.ts";
import type { DocumentSummary, ErrorBody, MemberCandidate, User, VersionSummary } from "../../shared/api/schemas.ts";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { apiClient } from "../helpers/api.ts";
import { describeNeeding, freshSchema } from "../helpers/needsServices.ts";
import { login, startTestServer } from "../helpers/server.ts";
import { storedDoc } from "../helpers/stored.ts";
import { appendParagraph, connectClient, eventually, textOf } from "../helpers/yClient.ts";

const SANDRA = "sandra.keller@sem.admin.ch"; // the demo's instance administrator
const CLAIRE = "claire.dubois@sem.admin.ch"; // SEM staff
const ANDREA = "andrea.meier@so.ch"; // Solothurn: a stranger to everything of Bern
const BEAT = { email: "beat.brunner@be.ch", name: "Beat Brunner", password: "Zytglogge-Bern-1530" };
const URSULA = { email: "ursula.zaugg@be.ch", name: "Ursula Zaugg", password: "Bärengraben-Aare-1857" };
const RRB = { rrbNumber: "RRB Nr. 412/2024", rrbDate: "2024-04-17" };

const tokenOf = (url: string | null): string => url?.split("/#/invitation/")[1] ?? "";
const cookieOf = (headers: Headers): string => headers.get("set-cookie")?.split(";")[0] ?? "";

/**
 * The "Done when", over real HTTP and WebSockets against a real server on a fresh
 * store: Kanton Bern's first user is invited by the instance administrator, becomes Bern's
 * organisation administrator, creates a concept with Bern and the SEM, invites a colleague,
 * picks the colleague and SEM staff as members; the SEM sees it under Bern; Bern and the
 * SEM reach its three milestones. Solothurn, at every step, gets nothing. The steps build
 * on each other, in order.
 */
function bernOnboarding(env: () => Promise<Record<string, string>>) {
  return async () => {
    const server = await startTestServer(await env());
    const call = apiClient(server.url);
    const sandra = await login(server.url, SANDRA);
    const claire = await login(server.url, CLAIRE);
    const andrea = await login(server.url, ANDREA);
    let beat = "";
    let beatId = "";
    let ursula = "";
    let ursulaId = "";
    let documentId = "";

    const bernPeople = async () => (await server.store.listUsersOf(["kanton-be"])).map((u) => u.email).sort();
    const openInvitations = async (orgId: string) =>
      (await server.store.listOpenInvitations([orgId], new Date())).map((i) => i.email).sort();
    const accept = async (url: string | null, person: typeof BEAT) => {
      const accepted = await call<{ user: User }>("POST", `/api/invitations/${tokenOf(url)}/accept`, {
        json: { name: person.name, password: person.password },
      });
      expect(accepted.status).toBe(201);
      return { cookie: cookieOf(accepted.headers), id: accepted.body.user.id };
    };

    it("starts with nobody in Kanton Bern", async () => {
      expect(await bernPeople()).toEqual([]);
      const directory = await call<DirectoryEntry[]>("GET", "/api/admin/users?orgId=kanton-be", { cookie: sandra });
      expect(directory.status).toBe(200);
      expect(directory.body).toEqual([]);
    });

    it("lets the administrator invite Bern's first user, who accepts, is signed in and signs in again", async () => {
      const created = await call<InvitationCreated>("POST", "/api/invitations", {
        cookie: sandra,
        json: { email: BEAT.email, orgId: "kanton-be", name: BEAT.name },
      });
      expect(created.status).toBe(201);
      expect(created.body.url).toMatch(/\/#\/invitation\/[A-Za-z0-9_-]{43}$/);
      const accepted = await accept(created.body.url, BEAT);
      ({ cookie: beat, id: beatId } = accepted);
      expect((await call<User>("GET", "/api/me", { cookie: beat })).body).toMatchObject({
        name: BEAT.name,
        orgId: "kanton-be",
        orgName: "Kanton Bern",
        instanceRole: null,
      });
      expect(await bernPeople()).toEqual([BEAT.email]);
      // The password chosen on accepting signs in later too.
      expect((await login(server.url, BEAT.email, BEAT.password)).length).toBeGreaterThan(0);
    });

    it("makes Beat Bern's organisation administrator; before that he invites nobody", async () => {
      const early = await call("POST", "/api/invitations", {
        cookie: beat,
        json: { email: URSULA.email, orgId: "kanton-be" },
      });
      expect(early.status).toBe(403);
      expect(await openInvitations("kanton-be")).toEqual([]);

      const granted = await call("PATCH", `/api/admin/users/${beatId}`, {
        cookie: sandra,
        json: { instanceRole: "org_admin" },
      });
      expect(granted.status).toBe(200);
      // His open session has the role at once.
      expect((await call<User>("GET", "/api/me", { cookie: beat })).body.instanceRole).toBe("org_admin");
    });

    it("keeps Bern's organisation administrator out of Solothurn: no invitation, directory or role change", async () => {
      const invitationsBefore = await openInvitations("kanton-so");
      const outboxBefore = await server.store.listMail(["kanton-so"], 200);
      const refused = await call<ErrorBody>("POST", "/api/invitations", {
        cookie: beat,
        json: { email: "neu@so.ch", orgId: "kanton-so", name: "Neu" },
      });
      expect(refused.status).toBe(403);
      expect((await call("GET", "/api/admin/users?orgId=kanton-so", { cookie: beat })).status).toBe(403);
      expect((await call("GET", "/api/invitations?orgId=kanton-so", { cookie: beat })).status).toBe(403);
      const promote = await call("PATCH", "/api/admin/users/u-andrea", {
        cookie: beat,
        json: { instanceRole: "org_admin" },
      });
      expect(promote.status).toBe(403);
      // Nor is he an instance administrator by his own hand.
      const self = await call("PATCH", `/api/admin/users/${beatId}`, { cookie: beat, json: { instanceRole: "admin" } });
      expect(self.status).toBe(403);

      expect(await openInvitations("kanton-so")).toEqual(invitationsBefore);
      expect(await server.store.listMail(["kanton-so"], 200)).toEqual(outboxBefore);
      expect((await server.store.findUserById("u-andrea"))?.instanceRole).toBeNull();
      expect((await server.store.findUserById(beatId))?.instanceRole).toBe("org_admin");
    });

    it("lets Beat create a concept with the parties Bern and SEM, and no Solothurn document", async () => {
      const before = await server.store.listDocumentsOf(beatId);
      const foreign = await call<ErrorBody>("POST", "/api/documents", {
        cookie: beat,
        json: { title: "KIP 3 Konzept Solothurn", kind: "concept", parties: ["kanton-so", "sem"] },
      });
      expect(foreign.status).toBe(400);
      expect(await server.store.listDocumentsOf(beatId)).toEqual(before);

      const created = await call<DocumentSummary>("POST", "/api/documents", {
        cookie: beat,
        json: { title: "KIP 3 Programmkonzept Kanton Bern", kind: "concept", parties: ["kanton-be", "sem"] },
      });
      expect(created.status).toBe(201);
      documentId = created.body.id;
      expect(created.body).toMatchObject({ role: "owner", kind: "concept", lock: null });
      expect(created.body.nextMilestone?.id).toBe("konzept-entwurf");
      expect(created.body.parties.map((p) => [p.orgId, p.role])).toEqual([
        ["kanton-be", "canton"],
        ["sem", "federal"],
      ]);
    });

    it("lets Beat, as organisation administrator, invite a colleague; the link is in the answer and in Bern's outbox", async () => {
      const created = await call<InvitationCreated>("POST", "/api/invitations", {
        cookie: beat,
        json: { email: URSULA.email, orgId: "kanton-be", name: URSULA.name, language: "fr" },
      });
      expect(created.status).toBe(201);
      const outbox = await call<{ recipient: string; text: string }[]>("GET", "/api/admin/outbox?orgId=kanton-be", {
        cookie: beat,
      });
      expect(outbox.status).toBe(200);
      const mail = outbox.body.find((m) => m.recipient === URSULA.email);
      expect(mail?.text).toContain(created.body.url);
      ({ cookie: ursula, id: ursulaId } = await accept(created.body.url, URSULA));
      expect((await call<User>("GET", "/api/me", { cookie: ursula })).body).toMatchObject({
        orgId: "kanton-be",
        instanceRole: null,
        language: "fr",
      });
      expect(await bernPeople()).toEqual([BEAT.email, URSULA.email]);
      // The colleague administers nothing.
      expect(
        (await call("POST", "/api/invitations", { cookie: ursula, json: { email: "x@be.ch", orgId: "kanton-be" } }))
          .status,
      ).toBe(403);
    });

    it("offers the parties' people as candidates, never Solothurn's; Beat picks Ursula and Claire", async () => {
      const candidates = await call<MemberCandidate[]>("GET", `/api/documents/${documentId}/candidates`, {
        cookie: beat,
      });
      expect(candidates.status).toBe(200);
      const offered = candidates.body.map((c) => c.email);
      expect(offered).toEqual(expect.arrayContaining([URSULA.email, CLAIRE, "marco.rossi@sem.admin.ch"]));
      expect(offered).not.toContain(BEAT.email);
      expect(candidates.body.every((c) => c.orgId === "kanton-be" || c.orgId === "sem")).toBe(true);

      // Andrea of Solothurn is no candidate: the same 404 as an unknown id, and nothing stored.
      const auditBefore = await server.store.listAudit(documentId, 100);
      const foreign = await call<ErrorBody>("PUT", `/api/documents/${documentId}/members`, {
        cookie: beat,
        json: { userId: "u-andrea", role: "editor" },
      });
      const unknown = await call<ErrorBody>("PUT", `/api/documents/${documentId}/members`, {
        cookie: beat,
        json: { userId: "u-nobody", role: "editor" },
      });
      expect([foreign.status, foreign.text]).toEqual([404, unknown.text]);
      expect(await server.store.roleOf(documentId, "u-andrea")).toBeNull();
      expect(await server.store.listAudit(documentId, 100)).toEqual(auditBefore);
      // Nor can Ursula, who owns nothing, add anyone.
      const byEditor = await call("PUT", `/api/documents/${documentId}/members`, {
        cookie: ursula,
        json: { userId: "u-marco", role: "viewer" },
      });
      expect(byEditor.status).toBe(403);

      for (const userId of [ursulaId, "u-claire"]) {
        const added = await call("PUT", `/api/documents/${documentId}/members`, {
          cookie: beat,
          json: { userId, role: "editor" },
        });
        expect(added.status).toBe(200);
      }
      expect(await server.store.roleOf(documentId, ursulaId)).toBe("editor");
      expect(await server.store.roleOf(documentId, "u-claire")).toBe("editor");
      expect(await server.store.roleOf(documentId, "u-marco")).toBeNull();
    });

    it("lists the concept for SEM staff with Bern as its canton, beside Solothurn's documents", async () => {
      const list = await call<DocumentSummary[]>("GET", "/api/documents", { cookie: claire });
      expect(list.status).toBe(200);
      // What the list groups by (client/src/features/documents/byProgramme.ts): the canton party.
      const cantonOf = (d: DocumentSummary) => d.parties.find((p) => p.role === "canton")?.organisation;
      const groups = new Map<string, string[]>();
      for (const d of list.body) {
        const canton = cantonOf(d);
        groups.set(canton?.name.de ?? "", [...(groups.get(canton?.name.de ?? "") ?? []), d.id]);
      }
      expect(groups.get("Kanton Bern")).toEqual([documentId]);
      expect(groups.get("Kanton Solothurn")?.sort()).toEqual(["kip3-konzept-so", "kip3-vereinbarung-so"]);
    });

    it("hides the concept from Solothurn: not listed, not readable, no socket", async () => {
      const list = await call<DocumentSummary[]>("GET", "/api/documents", { cookie: andrea });
      expect(list.body.map((d) => d.id)).not.toContain(documentId);
      for (const path of [
        `/api/documents/${documentId}`,
        `/api/documents/${documentId}/versions`,
        `/api/documents/${documentId}/members`,
        `/api/documents/${documentId}/candidates`,
      ]) {
        expect((await call("GET", path, { cookie: andrea })).status, path).toBe(403);
      }
      const socket = connectClient(server.url, documentId, andrea, { reconnect: false });
      expect((await socket.closed).code).toBe(CloseCode.Forbidden);
      socket.destroy();
    });

    it("takes Ursula's text over the socket", async () => {
      const writer = connectClient(server.url, documentId, ursula, { reconnect: false });
      await writer.synced;
      appendParagraph(writer.doc, "1. Ausgangslage im Kanton Bern");
      await eventually(() => textOf(writer.doc).includes("Ausgangslage"), "the paragraph");
      for (let i = 0; i < 200; i++) {
        if (textOf(await storedDoc(server, documentId)).includes("Ausgangslage")) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      writer.destroy();
      expect(textOf(await storedDoc(server, documentId))).toContain("Ausgangslage");
    });

    const request = async (milestone: string) => {
      const requested = await call<VersionSummary>("POST", `/api/documents/${documentId}/milestones`, {
        cookie: beat,
        json: {},
      });
      expect(requested.status).toBe(201);
      expect(requested.body).toMatchObject({ milestone, status: "pending" });
      return requested.body;
    };
    const approve = (cookie: string, versionId: string, details?: Record<string, string>) =>
      call<ErrorBody>("POST", `/api/versions/${versionId}/approvals`, {
        cookie,
        json: { decision: "approve", ...(details ? { details } : {}) },
      });
    const statusOf = async (versionId: string) =>
      (await call<VersionSummary[]>("GET", `/api/documents/${documentId}/versions`, { cookie: beat })).body.find(
        (v) => v.id === versionId,
      )?.status;

    it("has its draft milestone approved by Bern only: not by the SEM, not by Solothurn", async () => {
      // Only the owner requests.
      expect((await call("POST", `/api/documents/${documentId}/milestones`, { cookie: ursula, json: {} })).status).toBe(
        403,
      );
      const draft = await request("konzept-entwurf");
      expect(draft).toMatchObject({ requiredParties: ["canton"], requiredOrgs: ["kanton-be"] });
      expect((await approve(andrea, draft.id)).status).toBe(403);
      expect((await approve(claire, draft.id)).status).toBe(403);
      expect(await server.store.listApprovals([draft.id])).toEqual([]);
      expect(await statusOf(draft.id)).toBe("pending");
      expect((await approve(ursula, draft.id)).status).toBe(201);
      expect(await statusOf(draft.id)).toBe("reached");
    });

    it("has the government's decision (RRB) recorded by Bern with its number and date, by a second person", async () => {
      const rrb = await request("rrb-eingabe");
      expect(rrb.fields.map((f) => [f.key, f.required])).toEqual([
        ["rrbNumber", true],
        ["rrbDate", true],
      ]);
      expect((await approve(ursula, rrb.id)).status).toBe(400);
      expect((await approve(ursula, rrb.id, { rrbNumber: RRB.rrbNumber, rrbDate: "2024-02-30" })).status).toBe(400);
      expect((await approve(andrea, rrb.id, RRB)).status).toBe(403);
      expect((await approve(claire, rrb.id, RRB)).status).toBe(403);
      // Four eyes: Beat requested it, so his colleague Ursula approves for Bern.
      expect((await approve(beat, rrb.id, RRB)).body.code).toBe("four_eyes");
      expect(await server.store.listApprovals([rrb.id])).toEqual([]);
      expect((await approve(ursula, rrb.id, RRB)).status).toBe(201);
      expect(await statusOf(rrb.id)).toBe("reached");
    });

    it("has the SEM's review approved by the SEM only, which completes the concept's path", async () => {
      const review = await request("sem-pruefung");
      expect(review).toMatchObject({ requiredParties: ["federal"], requiredOrgs: ["sem"] });
      expect((await approve(beat, review.id)).status).toBe(403);
      expect((await approve(ursula, review.id)).status).toBe(403);
      expect((await approve(andrea, review.id)).status).toBe(403);
      expect(await server.store.listApprovals([review.id])).toEqual([]);
      expect((await approve(claire, review.id, { remark: "Keine Vorbehalte." })).status).toBe(201);

      const versions = await call<VersionSummary[]>("GET", `/api/documents/${documentId}/versions`, { cookie: claire });
      const path = [...versions.body].sort((a, b) => a.seq - b.seq);
      expect(path.map((v) => [v.milestone, v.status, v.approvals.map((a) => [a.orgId, a.userName])])).toEqual([
        ["konzept-entwurf", "reached", [["kanton-be", URSULA.name]]],
        ["rrb-eingabe", "reached", [["kanton-be", URSULA.name]]],
        ["sem-pruefung", "reached", [["sem", "Claire Dubois"]]],
      ]);
      expect(path[1]?.approvals[0]?.details).toEqual(RRB);
      const summary = await call<DocumentSummary>("GET", `/api/documents/${documentId}`, { cookie: beat });
      expect(summary.body).toMatchObject({ lock: null, nextMilestone: null });
      expect((await call("POST", `/api/documents/${documentId}/milestones`, { cookie: beat, json: {} })).status).toBe(
        409,
      );
    });
  };
}

describe(
  "Kanton Bern's onboarding on SQLite",
  bernOnboarding(async () => ({})),
);

const describeOnPostgres = await describeNeeding("postgres");
describeOnPostgres(
  "Kanton Bern's onboarding on PostgreSQL",
  bernOnboarding(async () => ({ DATABASE_URL: (await freshSchema("accord_bern")).url })),
);
