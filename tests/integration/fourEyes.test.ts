import { describe, expect, it } from "vitest";
import { approvalHashOf } from "../../server/versions/hashes.ts";
import type { DirectoryEntry } from "../../shared/api/accountSchemas.ts";
import type { Colleague, VersionDetail, VersionSummary } from "../../shared/api/schemas.ts";
import { canonicalJson } from "../../shared/versions/canonicalJson.ts";
import { apiClient } from "../helpers/api.ts";
import { addPeople, PEOPLE } from "../helpers/people.ts";
import { login, startTestServer } from "../helpers/server.ts";

type ErrorBody = { code: string; message: string };
const RRB = { rrbNumber: "RRB Nr. 2024/412", rrbDate: "2024-04-17" };
const SIGNED_ON = { signedOn: "2024-05-02" };
/** A person of Solothurn with signing authority who is no member of the agreements. */
const OUTSIDER = { id: "u-otto-so", email: "otto.stadler@so.ch", name: "Otto Stadler", orgId: "kanton-so" };

// Issue 15, item 2, on the HTTP API of a real server: the requester of a four-eyes milestone
// cannot approve it for their organisation, signatories are picked from the people with
// signing authority and checked one by one, and only administrators grant that authority.
describe("four eyes and signing authority", async () => {
  const server = await startTestServer();
  await addPeople(server.store, PEOPLE.sara, PEOPLE.nina, PEOPLE.beat, PEOPLE.bernAdmin, OUTSIDER);
  await server.store.setSigningAuthority(OUTSIDER.id, true);
  const api = apiClient(server.url);
  const andrea = await login(server.url, "andrea.meier@so.ch"); // owner, canton: requests; signing authority (demo)
  const lukas = await login(server.url, "lukas.frei@so.ch"); // editor, canton: no signing authority
  const claire = await login(server.url, "claire.dubois@sem.admin.ch"); // editor, SEM: signing authority (demo)
  const sara = await login(server.url, PEOPLE.sara.email); // editor, canton
  const admin = await login(server.url, "sandra.keller@sem.admin.ch"); // instance administrator
  const bernAdmin = await login(server.url, PEOPLE.bernAdmin.email); // administrator of Bern
  const call = <T>(method: string, path: string, cookie: string, json?: unknown) =>
    api<T>(method, `/api${path}`, { cookie, json });
  const approve = (versionId: string, cookie: string, json: Record<string, unknown> = {}) =>
    call<VersionSummary & ErrorBody>("POST", `/versions/${versionId}/approvals`, cookie, {
      decision: "approve",
      ...json,
    });
  const setPerson = (cookie: string, userId: string, change: Record<string, unknown>) =>
    call<DirectoryEntry & ErrorBody>("PATCH", `/admin/users/${userId}`, cookie, change);

  /** A new agreement of Andrea's whose canton members are Lukas and Sara, and SEM members Claire and Nina. */
  async function newAgreement(): Promise<string> {
    const created = await call<{ id: string }>("POST", "/documents", andrea, { title: "PV", kind: "agreement" });
    expect(created.status).toBe(201);
    for (const userId of ["u-lukas", "u-claire", PEOPLE.sara.id, PEOPLE.nina.id]) {
      const put = await call("PUT", `/documents/${created.body.id}/members`, andrea, { userId, role: "editor" });
      expect(put.status).toBe(200);
    }
    return created.body.id;
  }
  const request = async (documentId: string, milestone: string) => {
    const res = await call<VersionDetail>("POST", `/documents/${documentId}/milestones`, andrea, {});
    expect(res.status).toBe(201);
    expect(res.body.milestone).toBe(milestone);
    return res.body;
  };
  const approvalsOf = (versionId: string) => server.store.listApprovals([versionId]);
  const decisionsAudited = async (documentId: string) =>
    (await server.store.listAudit(documentId, 100)).filter((e) => /^milestone\.(approved|rejected)$/.test(e.action));

  /** An agreement whose first milestone (no four eyes) Andrea approved herself, now awaiting the RRB approval. */
  async function awaitingRrb(): Promise<{ documentId: string; version: VersionDetail }> {
    const documentId = await newAgreement();
    const settled = await request(documentId, "pv-bereinigt");
    expect(settled.fourEyes).toBe(false);
    // Without four eyes the requester may approve for her own organisation.
    expect((await approve(settled.id, andrea)).status).toBe(201);
    expect((await approve(settled.id, claire)).status).toBe(201);
    return { documentId, version: await request(documentId, "rrb-genehmigung") };
  }

  /** An agreement awaiting its signature (the RRB approved by Lukas). */
  async function awaitingSignature(): Promise<{ documentId: string; version: VersionDetail }> {
    const { documentId, version } = await awaitingRrb();
    expect((await approve(version.id, lukas, { details: RRB })).status).toBe(201);
    return { documentId, version: await request(documentId, "unterzeichnung") };
  }

  describe("four eyes", () => {
    it("lets the requester approve a milestone without four eyes for her organisation", async () => {
      const documentId = await newAgreement();
      const settled = await request(documentId, "pv-bereinigt");
      const own = await approve(settled.id, andrea);
      expect(own.status).toBe(201);
      expect(own.body.approvals.map((a) => [a.orgId, a.userId])).toEqual([["kanton-so", "u-andrea"]]);
    });

    it("refuses the requester's approval of the RRB approval with 403 four_eyes, stores nothing; a colleague's passes", async () => {
      const { documentId, version } = await awaitingRrb();
      expect(version).toMatchObject({ fourEyes: true, frozenBy: { id: "u-andrea" } });
      const auditedBefore = await decisionsAudited(documentId);
      const own = await approve(version.id, andrea, { details: RRB });
      expect(own.status).toBe(403);
      expect(own.body.code).toBe("four_eyes");
      expect(await approvalsOf(version.id)).toEqual([]);
      expect(await decisionsAudited(documentId)).toEqual(auditedBefore);
      const still = await call<VersionSummary>("GET", `/versions/${version.id}`, andrea);
      expect(still.body).toMatchObject({ status: "pending", approvals: [] });
      // The UI names who else may approve: the canton's other editors on this document.
      const others = await call<Colleague[]>("GET", `/versions/${version.id}/approvers`, andrea);
      expect(others.body.map((c) => c.id).sort()).toEqual(["u-lukas", PEOPLE.sara.id].sort());
      const colleague = await approve(version.id, sara, { details: RRB });
      expect(colleague.status).toBe(201);
      expect(colleague.body).toMatchObject({ status: "reached" });
      expect(colleague.body.approvals.map((a) => [a.orgId, a.userId])).toEqual([["kanton-so", PEOPLE.sara.id]]);
    });

    it("lets the requester reject her own four-eyes request, withdrawing it", async () => {
      const { documentId, version } = await awaitingRrb();
      const withdrawn = await call<VersionSummary>("POST", `/versions/${version.id}/approvals`, andrea, {
        decision: "reject",
        reason: "Falsche Fassung angefordert.",
      });
      expect(withdrawn.status).toBe(201);
      expect(withdrawn.body.status).toBe("rejected");
      const doc = await call<{ lock: unknown }>("GET", `/documents/${documentId}`, andrea);
      expect(doc.body.lock).toBeNull();
    });
  });

  describe("signatories", () => {
    it("lists the members of the approver's organisation on the document who hold signing authority", async () => {
      const { version } = await awaitingSignature();
      const canton = await call<Colleague[]>("GET", `/versions/${version.id}/signatories`, lukas);
      // Otto holds signing authority but is no member of the document.
      expect(canton.body).toEqual([{ id: "u-andrea", name: "Andrea Meier" }]);
      const sem = await call<Colleague[]>("GET", `/versions/${version.id}/signatories`, claire);
      expect(sem.body).toEqual([{ id: "u-claire", name: "Claire Dubois" }]);
      const stranger = await login(server.url, PEOPLE.beat.email);
      expect((await call("GET", `/versions/${version.id}/signatories`, stranger)).status).toBe(403);
    });

    it.each([
      ["typed as free text", { details: { signatory: "Andrea Meier", ...SIGNED_ON } }, 400, "bad_request"],
      ["missing", { details: SIGNED_ON }, 400, "bad_request"],
      [
        "three of them",
        { details: SIGNED_ON, signatories: ["u-andrea", "u-lukas", PEOPLE.sara.id] },
        400,
        "bad_request",
      ],
      ["the same twice", { details: SIGNED_ON, signatories: ["u-andrea", "u-andrea"] }, 400, "bad_request"],
      ["without signing authority", { details: SIGNED_ON, signatories: ["u-lukas"] }, 422, "invalid_signatory"],
      ["of another organisation", { details: SIGNED_ON, signatories: ["u-claire"] }, 422, "invalid_signatory"],
      ["unknown", { details: SIGNED_ON, signatories: ["u-nobody"] }, 422, "invalid_signatory"],
      ["no member of the document", { details: SIGNED_ON, signatories: [OUTSIDER.id] }, 422, "invalid_signatory"],
      [
        "valid beside an invalid one",
        { details: SIGNED_ON, signatories: ["u-andrea", "u-claire"] },
        422,
        "invalid_signatory",
      ],
    ])("refuses a signatory %s, and stores nothing", async (_, json, status, code) => {
      const { documentId, version } = await awaitingSignature();
      const auditedBefore = await decisionsAudited(documentId);
      const res = await approve(version.id, lukas, json);
      expect(res.status).toBe(status);
      expect(res.body.code).toBe(code);
      expect(await approvalsOf(version.id)).toEqual([]);
      expect(await decisionsAudited(documentId)).toEqual(auditedBefore);
    });

    it("refuses a deactivated signatory, and stores nothing", async () => {
      const { version } = await awaitingSignature();
      expect((await setPerson(admin, PEOPLE.sara.id, { signingAuthority: true })).status).toBe(200);
      const listed = await call<Colleague[]>("GET", `/versions/${version.id}/signatories`, lukas);
      expect(listed.body.map((c) => c.id)).toContain(PEOPLE.sara.id);
      expect((await setPerson(admin, PEOPLE.sara.id, { active: false })).status).toBe(200);
      try {
        const res = await approve(version.id, lukas, { details: SIGNED_ON, signatories: [PEOPLE.sara.id] });
        expect(res.status).toBe(422);
        expect(res.body.code).toBe("invalid_signatory");
        expect(await approvalsOf(version.id)).toEqual([]);
      } finally {
        await setPerson(admin, PEOPLE.sara.id, { active: true, signingAuthority: false });
      }
    });

    it("records the chosen names: approval, record and export say «Unterzeichnet durch: Name, Name»", async () => {
      const { version } = await awaitingSignature();
      // Four eyes on the signature too: Andrea requested it.
      expect((await approve(version.id, andrea, { details: SIGNED_ON, signatories: ["u-andrea"] })).status).toBe(403);
      const canton = await approve(version.id, lukas, { details: SIGNED_ON, signatories: ["u-andrea"] });
      expect(canton.status).toBe(201);
      expect((await setPerson(admin, PEOPLE.nina.id, { signingAuthority: true })).status).toBe(200);
      const sem = await approve(version.id, claire, { details: SIGNED_ON, signatories: ["u-claire", PEOPLE.nina.id] });
      expect(sem.status).toBe(201);
      expect(sem.body.status).toBe("reached");
      expect(sem.body.approvals.map((a) => a.details)).toEqual([
        { signatory: "Andrea Meier", ...SIGNED_ON },
        { signatory: "Claire Dubois, Nina Weber", ...SIGNED_ON },
      ]);
      const stored = await approvalsOf(version.id);
      expect(stored.map((a) => JSON.parse(a.record ?? "null").details)).toEqual([
        [
          ["Unterzeichnet durch", "Andrea Meier"],
          ["Datum der Unterzeichnung", "2024-05-02"],
        ],
        [
          ["Unterzeichnet durch", "Claire Dubois, Nina Weber"],
          ["Datum der Unterzeichnung", "2024-05-02"],
        ],
      ]);
      const md = await fetch(`${server.url}/api/versions/${version.id}/export?format=md`, {
        headers: { cookie: andrea },
      }).then((r) => r.text());
      expect(md).toContain("Unterzeichnet durch: Andrea Meier");
      expect(md).toContain("Unterzeichnet durch: Claire Dubois, Nina Weber");
    });

    it("keeps an old approval with a typed signatory verifiable and printed as it was", async () => {
      const { documentId, version } = await awaitingSignature();
      // A row as the free-text field stored it, written to the store directly as an old database holds it.
      const fields = {
        id: "a-typed-signatory",
        versionId: version.id,
        userId: "u-lukas",
        orgId: "kanton-so",
        decision: "approve" as const,
        details: canonicalJson({ signatory: "Dr. Hans Muster, Regierungsrat", ...SIGNED_ON }),
        reason: null,
        at: "2024-05-02T09:00:00.000Z",
        record: canonicalJson({
          userName: "Lukas Frei",
          orgName: "Kanton Solothurn",
          details: [
            ["Unterzeichnet durch", "Dr. Hans Muster, Regierungsrat"],
            ["Datum der Unterzeichnung", "2024-05-02"],
          ],
        }),
      };
      await server.store.insertApproval({ ...fields, hash: approvalHashOf(fields, version.chainHash) });
      const chain = await call<{ intact: boolean }>("GET", `/documents/${documentId}/chain`, andrea);
      expect(chain.body.intact).toBe(true);
      const md = await fetch(`${server.url}/api/versions/${version.id}/export?format=md`, {
        headers: { cookie: andrea },
      }).then((r) => r.text());
      expect(md).toContain("Unterzeichnet durch: Dr. Hans Muster, Regierungsrat");
    });
  });

  describe("who sets signing authority", () => {
    it("refuses anyone but an administrator, and changes nothing", async () => {
      const res = await setPerson(lukas, "u-andrea", { signingAuthority: false });
      expect(res.status).toBe(403);
      expect((await server.store.findUserById("u-andrea"))?.signingAuthority).toBe(true);
    });

    it("refuses an organisation administrator another organisation's people, and changes nothing", async () => {
      const res = await setPerson(bernAdmin, "u-lukas", { signingAuthority: true });
      expect(res.status).toBe(403);
      expect((await server.store.findUserById("u-lukas"))?.signingAuthority).toBe(false);
    });

    it("refuses an administrator's own signing authority, and changes nothing", async () => {
      const res = await setPerson(bernAdmin, PEOPLE.bernAdmin.id, { signingAuthority: true });
      expect(res.status).toBe(403);
      expect((await server.store.findUserById(PEOPLE.bernAdmin.id))?.signingAuthority).toBe(false);
    });

    it("lets an organisation administrator set it in their organisation, shown in the directory and audited", async () => {
      const granted = await setPerson(bernAdmin, PEOPLE.beat.id, { signingAuthority: true });
      expect(granted.status).toBe(200);
      expect(granted.body).toMatchObject({ id: PEOPLE.beat.id, signingAuthority: true });
      const list = await call<DirectoryEntry[]>("GET", "/admin/users?orgId=kanton-be", bernAdmin);
      expect(list.body.find((p) => p.id === PEOPLE.beat.id)?.signingAuthority).toBe(true);
      const events = await server.store.listAccountEvents(PEOPLE.beat.id, 20);
      expect(events.map((e) => [e.action, e.userId, e.detail])).toContainEqual([
        "account.signing_authority_changed",
        PEOPLE.bernAdmin.id,
        { from: false, to: true },
      ]);
      // An instance administrator sets it for anyone.
      const revoked = await setPerson(admin, PEOPLE.beat.id, { signingAuthority: false });
      expect(revoked.body).toMatchObject({ signingAuthority: false });
    });
  });
});
