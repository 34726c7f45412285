import { applySuggestion } from "@handlewithcare/prosemirror-suggest-changes";
import { describe, expect, it } from "vitest";
import { DocumentSummary, type ErrorBody, type VersionSummary } from "../../shared/api/schemas.ts";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { listSuggestions } from "../../shared/suggestions/list.ts";
import { apiClient } from "../helpers/api.ts";
import { HeadlessEditor } from "../helpers/headlessEditor.ts";
import { inProcessApp } from "../helpers/inProcessApp.ts";
import { describeNeeding, freshSchema } from "../helpers/needsServices.ts";
import { addPeople, PEOPLE } from "../helpers/people.ts";
import { login, startTestServer } from "../helpers/server.ts";
import { appendParagraph, connectClient, eventually, textOf } from "../helpers/yClient.ts";

const partiesOf = (body: unknown) => DocumentSummary.parse(body).parties.map((p) => [p.orgId, p.role]);
const BERN_AND_SEM = [
  ["kanton-be", "canton"],
  ["sem", "federal"],
];

/** Creating documents with parties (REST only, in-process) on one store. */
async function creationSuite(env: Record<string, string>) {
  const app = await inProcessApp(env);
  await addPeople(app.store, PEOPLE.beat);
  await app.store.updateOrganisation("kanton-ju", { active: false });
  const call = apiClient(app.request);
  const andrea = await login(app.request, "andrea.meier@so.ch");
  const claire = await login(app.request, "claire.dubois@sem.admin.ch");
  const beat = await login(app.request, PEOPLE.beat.email);
  const create = (cookie: string, parties?: unknown) =>
    call("POST", "/api/documents", { cookie, json: { title: "KIP 3 Konzept", kind: "concept", parties } });

  it("gives a canton user's document their canton and the SEM by default", async () => {
    const so = await create(andrea);
    expect(so.status).toBe(201);
    expect(partiesOf(so.body)).toEqual([
      ["kanton-so", "canton"],
      ["sem", "federal"],
    ]);
    const be = await create(beat);
    expect(partiesOf(be.body)).toEqual(BERN_AND_SEM);
    // The parties are stored, not derived: they come back with the document.
    const id = DocumentSummary.parse(be.body).id;
    expect(partiesOf((await call("GET", `/api/documents/${id}`, { cookie: beat })).body)).toEqual(BERN_AND_SEM);
  });

  it("lets SEM staff name the canton, in either order, and asks them to (400) when they do not", async () => {
    const named = await create(claire, ["sem", "kanton-be"]);
    expect(named.status).toBe(201);
    expect(partiesOf(named.body)).toEqual(BERN_AND_SEM);
    const unnamed = await create(claire);
    expect(unnamed.status).toBe(400);
    expect((unnamed.body as ErrorBody).message).toMatch(/name the document's parties/);
  });

  it.each([
    ["a Solothurn user creating a Bern document", "andrea", ["kanton-be", "sem"], /your organisation/],
    ["two cantons", "andrea", ["kanton-so", "kanton-be"], /one canton and one federal/],
    ["the SEM twice", "claire", ["sem", "sem"], /two different/],
    ["an unknown organisation", "claire", ["kanton-xx", "sem"], /no active organisation kanton-xx/],
    ["an inactive organisation", "claire", ["kanton-ju", "sem"], /no active organisation kanton-ju/],
    ["three parties", "claire", ["kanton-so", "kanton-be", "sem"], /parties/],
    ["one party", "andrea", ["kanton-so"], /parties/],
    ["a party id that is no slug", "andrea", ["Kanton SO", "sem"], /parties/],
  ])("refuses %s with 400 and creates nothing", async (_, who, parties, message) => {
    const cookie = who === "andrea" ? andrea : claire;
    const userId = who === "andrea" ? "u-andrea" : "u-claire";
    const before = await app.store.listDocumentsOf(userId);
    const res = await create(cookie, parties);
    expect(res.status).toBe(400);
    expect((res.body as ErrorBody).code).toBe("bad_request");
    expect((res.body as ErrorBody).message).toMatch(message);
    expect(await app.store.listDocumentsOf(userId)).toEqual(before);
  });
}

/**
 * A Bern agreement with a SEM editor and a Solothurn editor, on a real server (milestones
 * and the raw protocol need the rooms). Sara of Solothurn got onto it behind the candidate
 * list's back (directly in the store, as an old membership would be): she stays a stranger
 * to its parties.
 */
async function bernSuite(env: Record<string, string>) {
  const server = await startTestServer(env);
  await addPeople(server.store, PEOPLE.beat, PEOPLE.nina, PEOPLE.sara);
  const api = apiClient(server.url);
  const beat = await login(server.url, PEOPLE.beat.email);
  const nina = await login(server.url, PEOPLE.nina.email);
  const sara = await login(server.url, PEOPLE.sara.email);
  const andrea = await login(server.url, "andrea.meier@so.ch");

  async function bernAgreement(): Promise<string> {
    const created = await api<DocumentSummary>("POST", "/api/documents", {
      cookie: beat,
      json: { title: "Programmvereinbarung Kanton Bern", kind: "agreement" },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body.crossPartyAcceptance).toBe(true);
    const added = await api("PUT", `/api/documents/${id}/members`, {
      cookie: beat,
      json: { userId: "u-nina", role: "editor" },
    });
    expect(added.status).toBe(200);
    // Sara is no candidate of a Bern document ...
    const refused = await api("PUT", `/api/documents/${id}/members`, {
      cookie: beat,
      json: { userId: "u-sara", role: "editor" },
    });
    expect(refused.status).toBe(404);
    // ... so she is put there directly, as an old membership could have been.
    await server.store.setMembership({ documentId: id, userId: "u-sara", role: "editor" });
    const writer = connectClient(server.url, id, beat, { reconnect: false });
    await writer.synced;
    appendParagraph(writer.doc, `Art. 1 Gegenstand der Vereinbarung ${id}`);
    await eventually(() => textOf(writer.doc).includes("Art. 1"), "the paragraph");
    // The server holds it once a fresh client sees it.
    for (let i = 0; i < 100; i++) {
      const probe = connectClient(server.url, id, beat, { reconnect: false });
      await probe.synced;
      const seen = textOf(probe.doc).includes("Art. 1");
      probe.destroy();
      if (seen) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    writer.destroy();
    return id;
  }

  it("is approved by Bern and the SEM, never by Solothurn, even for a Solothurn editor", async () => {
    const id = await bernAgreement();
    const requested = await api<VersionSummary>("POST", `/api/documents/${id}/milestones`, { cookie: beat, json: {} });
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({
      milestone: "pv-bereinigt",
      requiredParties: ["canton", "federal"],
      requiredOrgs: ["kanton-be", "sem"],
    });
    const versionId = requested.body.id;
    const approve = (cookie: string) =>
      api<ErrorBody>("POST", `/api/versions/${versionId}/approvals`, { cookie, json: { decision: "approve" } });

    const bySolothurn = await approve(sara);
    expect(bySolothurn.status).toBe(403);
    expect(bySolothurn.body.code).toBe("forbidden");
    // Not a member at all: 403 too.
    expect((await approve(andrea)).status).toBe(403);
    expect(await server.store.listApprovals([versionId])).toEqual([]);

    expect((await approve(beat)).status).toBe(201);
    const half = await api<VersionSummary[]>("GET", `/api/documents/${id}/versions`, { cookie: beat });
    expect(half.body[0]).toMatchObject({ status: "pending" });
    expect((await approve(sara)).status).toBe(403);
    expect((await approve(nina)).status).toBe(201);
    const done = await api<VersionSummary[]>("GET", `/api/documents/${id}/versions`, { cookie: beat });
    expect(done.body[0]?.status).toBe("reached");
    expect(done.body[0]?.approvals.map((a) => a.orgId)).toEqual(["kanton-be", "sem"]);
    expect((await server.store.listApprovals([versionId])).map((a) => a.userId)).toEqual(["u-beat", "u-nina"]);
  });

  it("refuses, on the raw protocol, a non-party editor accepting a suggestion (4422); a party other than the suggester's accepts it", async () => {
    const id = await bernAgreement();
    const suggester = connectClient(server.url, id, beat, { reconnect: false });
    await suggester.synced;
    const editor = new HeadlessEditor(suggester.doc, { userId: "u-beat", orgId: "kanton-be" });
    let end = -1;
    editor.state.doc.forEach((node, offset) => {
      if (end < 0 && node.type.name === "paragraph" && node.content.size > 0) end = offset + node.nodeSize - 1;
    });
    expect(editor.edit((tr) => tr.insertText(" (Bern)", end), true).ok).toBe(true);

    const stranger = connectClient(server.url, id, sara, { reconnect: false });
    await stranger.synced;
    await eventually(() => textOf(stranger.doc).includes("(Bern)"), "the suggestion at Solothurn");
    const strangerEditor = new HeadlessEditor(stranger.doc);
    const [suggestion] = listSuggestions(strangerEditor.state.doc);
    expect(suggestion?.origin).toMatchObject({ userId: "u-beat", orgId: "kanton-be" });
    // Solothurn is another organisation than Bern's, but no party: "other" is not enough.
    strangerEditor.command(applySuggestion(suggestion?.id ?? ""));
    expect((await stranger.closed).code).toBe(CloseCode.UpdateRefused);
    const audit = await api<{ action: string; userId: string | null }[]>("GET", `/api/documents/${id}/audit`, {
      cookie: beat,
    });
    expect(audit.body.some((e) => e.action === "update.refused" && e.userId === "u-sara")).toBe(true);

    const sem = connectClient(server.url, id, nina, { reconnect: false });
    await sem.synced;
    await eventually(() => listSuggestions(new HeadlessEditor(sem.doc).state.doc).length === 1, "still pending at SEM");
    new HeadlessEditor(sem.doc).command(applySuggestion(suggestion?.id ?? ""));
    await eventually(
      () => listSuggestions(new HeadlessEditor(suggester.doc).state.doc).length === 0,
      "accepted by the SEM",
    );
    expect(textOf(suggester.doc)).toContain("(Bern)");
    for (const c of [suggester, sem]) c.destroy();
  });
}

describe("document parties on SQLite", async () => {
  describe("creating documents", () => creationSuite({}));
  describe("a Bern agreement", () => bernSuite({}));
});

const describeOnPostgres = await describeNeeding("postgres");

describeOnPostgres("document parties on PostgreSQL", async () => {
  const { url } = await freshSchema("accord_parties");
  describe("creating documents", () => creationSuite({ DATABASE_URL: url }));
  // A schema of its own: the other suite's organisations were changed (Jura deactivated).
  const bern = await freshSchema("accord_parties_be");
  describe("a Bern agreement", () => bernSuite({ DATABASE_URL: bern.url }));
});
