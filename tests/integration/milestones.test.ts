import { describe, expect, it } from "vitest";
import type { VerifyResult, VersionDetail, VersionSummary } from "../../shared/api/schemas.ts";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { canonicalJson } from "../../shared/versions/canonicalJson.ts";
import { apiClient } from "../helpers/api.ts";
import { HeadlessEditor } from "../helpers/headlessEditor.ts";
import { login, startTestServer } from "../helpers/server.ts";
import { appendParagraph, connectClient, textOf } from "../helpers/yClient.ts";

const CONCEPT = "kip3-konzept-so";
/** The demo agreement's members besides its owner Andrea: each test makes an agreement of its own with them. */
const MEMBERS = [
  ["u-lukas", "editor"],
  ["u-claire", "editor"],
  ["u-marco", "viewer"],
] as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("milestones: lock, freeze, approvals", async () => {
  const server = await startTestServer();
  const andrea = await login(server.url, "andrea.meier@so.ch"); // owner, canton
  const lukas = await login(server.url, "lukas.frei@so.ch"); // editor, canton
  const claire = await login(server.url, "claire.dubois@sem.admin.ch"); // editor of the agreement (SEM), suggester of the concept

  const api = apiClient(server.url);
  const call = <T>(method: string, path: string, cookie: string, json?: unknown) =>
    api<T>(method, `/api${path}`, { cookie, json });

  /** The document as the server holds it now, through a fresh stock client. */
  async function currentJson(doc: string): Promise<string> {
    const client = connectClient(server.url, doc, andrea, { reconnect: false });
    await client.synced;
    const json = canonicalJson(new HeadlessEditor(client.doc).state.doc.toJSON());
    client.destroy();
    return json;
  }

  /** Appends a paragraph as Lukas and waits until the server holds it. */
  async function typeInto(documentId: string, text: string): Promise<void> {
    const client = connectClient(server.url, documentId, lukas, { reconnect: false });
    await client.synced;
    appendParagraph(client.doc, text);
    for (let i = 0; i < 100 && !(await currentJson(documentId)).includes(text); i++) await sleep(20);
    client.destroy();
    expect(await currentJson(documentId)).toContain(text);
  }

  /** A new agreement of Andrea's (canton) with a paragraph of its own, whose other members are the demo agreement's. */
  async function newAgreement(): Promise<string> {
    const created = await call<{ id: string }>("POST", "/documents", andrea, {
      title: "Vereinbarung",
      kind: "agreement",
    });
    expect(created.status).toBe(201);
    const documentId = created.body.id;
    for (const [userId, role] of MEMBERS) {
      expect((await call("PUT", `/documents/${documentId}/members`, andrea, { userId, role })).status).toBe(200);
    }
    await typeInto(documentId, `Art. 1 Gegenstand der Vereinbarung ${documentId}`); // its own text, its own hashes
    return documentId;
  }

  const request = async (documentId: string) => {
    const requested = await call<VersionDetail>("POST", `/documents/${documentId}/milestones`, andrea, {});
    expect(requested.status).toBe(201);
    return requested.body.id;
  };
  const decide = async (versionId: string, cookie: string, decision: Record<string, unknown>) =>
    expect((await call("POST", `/versions/${versionId}/approvals`, cookie, decision)).status).toBe(201);

  /**
   * A new agreement walked along its milestone path through the API, so that each test
   * starts where it needs to: the first milestone pending; reached by both parties (and
   * edited after); the RRB approval reached; the signature rejected.
   */
  async function agreementAt(stage: "pending" | "settled" | "approved" | "rejected"): Promise<string> {
    const documentId = await newAgreement();
    const settled = await request(documentId);
    if (stage === "pending") return documentId;
    await decide(settled, lukas, { decision: "approve" });
    await decide(settled, claire, { decision: "approve" });
    await typeInto(documentId, "Nach der Freigabe");
    if (stage === "settled") return documentId;
    const rrbDetails = { rrbNumber: "RRB Nr. 2023/1234", rrbDate: "2023-12-12" };
    // Four eyes on the RRB approval: Andrea requested it, her colleague Lukas approves for the canton.
    await decide(await request(documentId), lukas, { decision: "approve", details: rrbDetails });
    if (stage === "approved") return documentId;
    await decide(await request(documentId), claire, { decision: "reject", reason: "Ziffer 4 ist noch offen." });
    return documentId;
  }

  it("freezes exactly the server's state at the lock while an editor keeps typing; nothing typed after it lands", async () => {
    const agreement = await newAgreement();
    const typist = connectClient(server.url, agreement, lukas);
    await typist.synced;
    let typing = true;
    let lines = 0;
    const typed = (async () => {
      while (typing) {
        appendParagraph(typist.doc, `Zeile ${lines++}`);
        await sleep(3);
      }
    })();
    await sleep(80);
    const requested = await call<VersionDetail>("POST", `/documents/${agreement}/milestones`, andrea, {});
    await sleep(150);
    typing = false;
    await typed;
    typist.destroy();
    expect(requested.status).toBe(201);
    const version = requested.body;
    expect(version).toMatchObject({ milestone: "pv-bereinigt", status: "pending", seq: 1, prevHash: null });
    expect(version.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(lines).toBeGreaterThan(10);
    // The version is exactly the document as the server holds it: nothing after the lock got in.
    expect(canonicalJson(version.content)).toBe(await currentJson(agreement));
    const summary = await call<{ lock: { versionId: string } | null }>("GET", `/documents/${agreement}`, lukas);
    expect(summary.body.lock?.versionId).toBe(version.id);
  });

  it("refuses a second request while one is pending, and every content change, for every role", async () => {
    const agreement = await agreementAt("pending");
    const again = await call("POST", `/documents/${agreement}/milestones`, andrea, {});
    expect(again.status).toBe(409);
    for (const cookie of [andrea, lukas, claire]) {
      const client = connectClient(server.url, agreement, cookie, { reconnect: false });
      await client.synced;
      appendParagraph(client.doc, "Während der Freigabe geschrieben");
      expect((await client.closed).code).toBe(CloseCode.UpdateRefused);
    }
    expect(await currentJson(agreement)).not.toContain("Während der Freigabe");
  });

  it("needs both organisations: the canton's approval alone keeps it locked, SEM's completes it", async () => {
    const agreement = await agreementAt("pending");
    const versions = await call<VersionSummary[]>("GET", `/documents/${agreement}/versions`, lukas);
    const id = versions.body[0]?.id ?? "";
    const byViewer = await call(
      "POST",
      `/versions/${id}/approvals`,
      await login(server.url, "marco.rossi@sem.admin.ch"),
      {
        decision: "approve",
      },
    );
    expect(byViewer.status).toBe(403);
    const canton = await call<VersionSummary>("POST", `/versions/${id}/approvals`, lukas, { decision: "approve" });
    expect(canton.status).toBe(201);
    expect(canton.body.status).toBe("pending");
    expect((await call("POST", `/versions/${id}/approvals`, andrea, { decision: "approve" })).status).toBe(409);
    const sem = await call<VersionSummary>("POST", `/versions/${id}/approvals`, claire, { decision: "approve" });
    expect(sem.body.status).toBe("reached");
    expect(sem.body.approvals.map((a) => a.orgId).sort()).toEqual(["kanton-so", "sem"]);
    const doc = await call<{ lock: unknown; nextMilestone: { id: string } }>("GET", `/documents/${agreement}`, lukas);
    expect(doc.body.lock).toBeNull();
    expect(doc.body.nextMilestone.id).toBe("rrb-genehmigung");
    // Unlocked: editing works again.
    const client = connectClient(server.url, agreement, lukas, { reconnect: false });
    await client.synced;
    appendParagraph(client.doc, "Nach der Freigabe");
    await sleep(200);
    expect(await currentJson(agreement)).toContain("Nach der Freigabe");
    client.destroy();
  });

  it("records the RRB number and date, and refuses an approval without them", async () => {
    const agreement = await agreementAt("settled");
    const requested = await call<VersionDetail>("POST", `/documents/${agreement}/milestones`, andrea, {});
    expect(requested.body).toMatchObject({ milestone: "rrb-genehmigung", seq: 2 });
    const id = requested.body.id;
    expect((await call("POST", `/versions/${id}/approvals`, lukas, { decision: "approve" })).status).toBe(400);
    const bad = await call("POST", `/versions/${id}/approvals`, lukas, {
      decision: "approve",
      details: { rrbNumber: "RRB Nr. 2023/1234", rrbDate: "12.12.2023" },
    });
    expect(bad.status).toBe(400);
    const ok = await call<VersionSummary>("POST", `/versions/${id}/approvals`, lukas, {
      decision: "approve",
      details: { rrbNumber: "RRB Nr. 2023/1234", rrbDate: "2023-12-12" },
    });
    expect(ok.body.status).toBe("reached");
    expect(ok.body.approvals[0]?.details).toEqual({ rrbNumber: "RRB Nr. 2023/1234", rrbDate: "2023-12-12" });
    // Chained to the version before it.
    const [settled] = (await call<VersionSummary[]>("GET", `/documents/${agreement}/versions`, andrea)).body;
    expect(settled?.seq).toBe(1);
    expect(ok.body.prevHash).toBe(settled?.chainHash);
  });

  it("a rejection (with a reason) unlocks without reaching the milestone; the version stays", async () => {
    const agreement = await agreementAt("approved");
    const requested = await call<VersionDetail>("POST", `/documents/${agreement}/milestones`, andrea, {});
    const id = requested.body.id;
    expect((await call("POST", `/versions/${id}/approvals`, claire, { decision: "reject" })).status).toBe(400);
    const rejected = await call<VersionSummary>("POST", `/versions/${id}/approvals`, claire, {
      decision: "reject",
      reason: "Ziffer 4 ist noch offen.",
    });
    expect(rejected.body.status).toBe("rejected");
    const doc = await call<{ lock: unknown; nextMilestone: { id: string } }>("GET", `/documents/${agreement}`, andrea);
    expect(doc.body.lock).toBeNull();
    expect(doc.body.nextMilestone.id).toBe("unterzeichnung");
    const versions = await call<VersionSummary[]>("GET", `/documents/${agreement}/versions`, andrea);
    expect(versions.body.map((v) => [v.seq, v.status])).toEqual([
      [1, "reached"],
      [2, "reached"],
      [3, "rejected"],
    ]);
    const chain = await call<{ intact: boolean }>("GET", `/documents/${agreement}/chain`, andrea);
    expect(chain.body.intact).toBe(true);
  });

  it("refuses to freeze with open suggestions unless asked to, and then lists them", async () => {
    const suggester = connectClient(server.url, CONCEPT, claire, { reconnect: false });
    await suggester.synced;
    const editor = new HeadlessEditor(suggester.doc, { userId: "u-claire", orgId: "sem" });
    let at = 0;
    editor.state.doc.forEach((node, offset) => {
      if (!at && node.type.name === "paragraph" && node.content.size > 0) at = offset + node.nodeSize - 1;
    });
    expect(editor.edit((tr) => tr.insertText(" (Vorschlag)", at), true).ok).toBe(true);
    await sleep(200);
    const refused = await call<{ code: string }>("POST", `/documents/${CONCEPT}/milestones`, andrea, {});
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("open_items");
    const withOpen = await call<VersionDetail>("POST", `/documents/${CONCEPT}/milestones`, andrea, {
      includeOpen: true,
    });
    expect(withOpen.status).toBe(201);
    expect(withOpen.body.openItems).toEqual({ suggestions: 1, threads: 0 });
    // Locked now: the suggester is refused too.
    const again = connectClient(server.url, CONCEPT, claire, { reconnect: false });
    await again.synced;
    const locked = new HeadlessEditor(again.doc, { userId: "u-claire", orgId: "sem" });
    locked.edit((tr) => tr.insertText(" (zu spät)", at), true);
    expect((await again.closed).code).toBe(CloseCode.UpdateRefused);
    expect(textOf(suggester.doc)).not.toContain("zu spät");
  });

  it("verifies a hash without signing in (hash known, not genuine) and says whether the chain is intact", async () => {
    const agreement = await agreementAt("rejected");
    const versions = await call<VersionSummary[]>("GET", `/documents/${agreement}/versions`, andrea);
    const second = versions.body[1];
    const verify = (body: string, type: string) =>
      fetch(`${server.url}/api/verify`, { method: "POST", headers: { "content-type": type }, body }).then(
        async (r) => ({ status: r.status, body: (await r.json()) as VerifyResult }),
      );
    const byHash = await verify(JSON.stringify({ hash: second?.chainHash }), "application/json");
    expect(byHash.status).toBe(200);
    expect(byHash.body.verdict).toBe("hash_known");
    expect(byHash.body.matches).toHaveLength(1);
    expect(byHash.body.matches[0]).toMatchObject({
      documentId: agreement,
      chainIntact: true,
      version: { id: second?.id, milestone: "rrb-genehmigung", status: "reached" },
    });
    const file = `# Programmvereinbarung\n\nInhalts-Hash: ${second?.contentHash}\n`;
    const byFile = await verify(file, "application/octet-stream");
    // A file that only carries a hash is no export: it names a version but is "altered".
    expect(byFile.body.verdict).toBe("altered");
    // Versions 2 and 3 froze the same text: a content hash names both; the answer names the newer one.
    expect(byFile.body.matches).toHaveLength(1);
    const byHashes = versions.body.filter((v) => v.contentHash === second?.contentHash).map((v) => v.id);
    expect(byHashes).toContain(byFile.body.matches[0]?.version.id);
    const unknown = await verify(JSON.stringify({ hash: "0".repeat(64) }), "application/json");
    expect(unknown.body).toMatchObject({ verdict: "unknown", matches: [] });
    const bad = await verify(JSON.stringify({ hash: "nope" }), "application/json");
    expect(bad.status).toBe(400);
  });

  it("restores an old version's text as a new change and leaves every stored hash as it was", async () => {
    const agreement = await agreementAt("rejected");
    const before = await call<VersionSummary[]>("GET", `/documents/${agreement}/versions`, andrea);
    const first = await call<VersionDetail>("GET", `/versions/${before.body[0]?.id}`, andrea);
    const restored = await call("POST", `/versions/${before.body[0]?.id}/restore`, lukas);
    expect(restored.status).toBe(204);
    expect(await currentJson(agreement)).toBe(canonicalJson(first.body.content));
    const after = await call<VersionSummary[]>("GET", `/documents/${agreement}/versions`, andrea);
    expect(after.body.map((v) => [v.id, v.contentHash, v.chainHash])).toEqual(
      before.body.map((v) => [v.id, v.contentHash, v.chainHash]),
    );
  });
});
