import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { CheckResult } from "../../shared/api/checks.ts";
import type { VersionDetail } from "../../shared/api/schemas.ts";
import { createThread } from "../../shared/comments/model.ts";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import {
  readSectionStatuses,
  SECTION_STATUS_FIELD,
  type SectionEntry,
  sectionsOf,
} from "../../shared/sections/sections.ts";
import { apiClient } from "../helpers/api.ts";
import { HeadlessEditor, schema } from "../helpers/headlessEditor.ts";
import { addPeople, PEOPLE } from "../helpers/people.ts";
import { login, startTestServer } from "../helpers/server.ts";
import { connectClient, eventually, textOf } from "../helpers/yClient.ts";

type ErrorBody = { code: string; message: string };
const heading = (text: string) => ({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text }] });
const para = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

// Issue 15, items 5 and 6, on a real server over real WebSockets (stock y-websocket clients).
describe("negotiation status per section and the checks", async () => {
  const server = await startTestServer();
  await addPeople(server.store, PEOPLE.sara, PEOPLE.beat);
  const api = apiClient(server.url);
  const andrea = await login(server.url, "andrea.meier@so.ch"); // owner, canton
  const claire = await login(server.url, "claire.dubois@sem.admin.ch"); // editor, SEM
  const marco = await login(server.url, "marco.rossi@sem.admin.ch"); // viewer, SEM
  const beat = await login(server.url, PEOPLE.beat.email); // Bern: no member
  const call = <T>(method: string, path: string, cookie: string, json?: unknown) =>
    api<T & ErrorBody>(method, `/api${path}`, { cookie, json });
  const setStatus = (cookie: string, documentId: string, sectionId: string, body: unknown) =>
    call<{ statuses: SectionEntry }>("PUT", `/documents/${documentId}/sections/${sectionId}/status`, cookie, body);
  const checksOf = async (documentId: string, cookie = andrea) => {
    const res = await call<CheckResult[]>("GET", `/documents/${documentId}/checks`, cookie);
    expect(res.status).toBe(200);
    return res.body as unknown as CheckResult[];
  };
  const failing = (checks: CheckResult[]) =>
    checks.filter((c) => !c.ok).map((c) => [c.id, c.where?.kind, c.where?.id] as const);
  /** The statuses as the server's live doc holds them, read by a fresh client. */
  async function storedStatuses(documentId: string) {
    const client = connectClient(server.url, documentId, andrea, { reconnect: false });
    await client.synced;
    const statuses = readSectionStatuses(client.doc);
    client.destroy();
    return statuses;
  }

  /** A new agreement of Andrea's (Claire editor, Marco viewer) with sections A, B and C, and Andrea's open client. */
  async function agreement() {
    const created = await call<{ id: string }>("POST", "/documents", andrea, { title: "PV Test", kind: "agreement" });
    expect(created.status).toBe(201);
    const id = created.body.id;
    for (const [userId, role] of [
      ["u-claire", "editor"],
      ["u-marco", "viewer"],
    ]) {
      expect((await call("PUT", `/documents/${id}/members`, andrea, { userId, role })).status).toBe(200);
    }
    const client = connectClient(server.url, id, andrea, { reconnect: false });
    await client.synced;
    const editor = new HeadlessEditor(client.doc, { userId: "u-andrea", orgId: "kanton-so" });
    const content = [para("Präambel"), heading("A"), para("Text A"), heading("B"), para("Text B"), heading("C")];
    editor.edit((tr) => tr.replaceWith(0, tr.doc.content.size, schema.nodeFromJSON({ type: "doc", content }).content));
    const sections = sectionsOf(client.doc);
    expect(sections.map((s) => s.title)).toEqual(["A", "B", "C"]);
    const [a, b, c] = sections.map((s) => s.id) as [string, string, string];
    await eventually(() => client.provider.synced, "the content at the server");
    // The server has the content once its checks list the three sections.
    for (let i = 0; i < 100 && failing(await checksOf(id)).length < 3; i++) await new Promise((r) => setTimeout(r, 20));
    return { id, client, editor, a, b, c };
  }
  const settleBoth = async (id: string, sectionId: string) => {
    expect((await setStatus(andrea, id, sectionId, { status: "settled" })).status).toBe(200);
    expect((await setStatus(claire, id, sectionId, { status: "settled" })).status).toBe(200);
  };
  /** Inserts text at the end of the paragraph that follows the heading `title`. */
  const typeAfter = (editor: HeadlessEditor, title: string, text: string) =>
    editor.edit((tr) => {
      let at = -1;
      let seen = false;
      tr.doc.forEach((node, offset) => {
        if (node.type.name === "heading" && node.textContent === title) seen = true;
        else if (seen && at < 0 && node.type.name === "paragraph") at = offset + node.nodeSize - 1;
      });
      tr.insertText(text, at);
    });

  it("sets each party's own status; settled by both is listed as settled", async () => {
    const { id, a, b, c } = await agreement();
    const canton = await setStatus(andrea, id, a, { status: "settled" });
    expect(canton.status).toBe(200);
    expect(canton.body.statuses).toMatchObject({ "kanton-so": { status: "settled", by: "u-andrea" } });
    // Settled by one party only: still unsettled.
    expect(failing(await checksOf(id))).toEqual([
      ["sections.unsettled", "section", a],
      ["sections.unsettled", "section", b],
      ["sections.unsettled", "section", c],
    ]);
    const sem = await setStatus(claire, id, a, { status: "settled" });
    expect(sem.body.statuses).toMatchObject({ "kanton-so": { status: "settled" }, sem: { status: "settled" } });
    expect(failing(await checksOf(id))).toEqual([
      ["sections.unsettled", "section", b],
      ["sections.unsettled", "section", c],
    ]);
    const audit = (await server.store.listAudit(id, 50)).filter((e) => e.action === "section.status");
    expect(audit.map((e) => [e.userId, e.detail.status])).toEqual([
      ["u-claire", "settled"],
      ["u-andrea", "settled"],
    ]);
  });

  it("resets both statuses to in discussion after a change inside a settled section, not after one outside it", async () => {
    const { id, editor, client, a, b } = await agreement();
    await settleBoth(id, a);
    await settleBoth(id, b);
    const watcher = connectClient(server.url, id, claire, { reconnect: false });
    await watcher.synced;
    // Outside A (in B): A stays settled, B is reset.
    typeAfter(editor, "B", " geändert");
    await eventually(() => textOf(watcher.doc).includes("Text B geändert"), "the edit at the watcher");
    await eventually(
      () => readSectionStatuses(watcher.doc).get(b)?.sem?.status === "discussion",
      "the reset of B at the watcher",
    );
    let stored = await storedStatuses(id);
    expect(stored.get(a)).toMatchObject({ "kanton-so": { status: "settled" }, sem: { status: "settled" } });
    expect(stored.get(b)).toMatchObject({
      "kanton-so": { status: "discussion", by: "system" },
      sem: { status: "discussion", by: "system" },
    });
    // Inside A: reset too, for both parties, and audited with the editor who caused it.
    typeAfter(editor, "A", " neu");
    await eventually(() => textOf(watcher.doc).includes("Text A neu"), "the second edit at the watcher");
    stored = await storedStatuses(id);
    expect(stored.get(a)).toMatchObject({ "kanton-so": { status: "discussion" }, sem: { status: "discussion" } });
    const resets = (await server.store.listAudit(id, 50)).filter((e) => e.action === "section.reset");
    expect(resets.map((e) => [e.userId, e.detail.sections])).toEqual([
      ["u-andrea", [a]],
      ["u-andrea", [b]],
    ]);
    // The heading's own text is part of its section.
    await settleBoth(id, a);
    editor.edit((tr) => {
      let at = -1;
      tr.doc.forEach((node, offset) => {
        if (node.type.name === "heading" && node.textContent === "A") at = offset + 2;
      });
      tr.insertText("rt. ", at);
    });
    await eventually(() => sectionsOf(watcher.doc).some((s) => s.title === "Art."), "the renamed heading");
    expect((await storedStatuses(id)).get(a)?.sem?.status).toBe("discussion");
    expect(sectionsOf(client.doc).find((s) => s.title === "Art.")?.id).toBe(a);
  });

  it("lets nobody set another party's status, and no viewer or outsider any (nothing stored)", async () => {
    const { id, a } = await agreement();
    // The route sets the caller's own organisation only; naming another is a bad request.
    const forged = await setStatus(claire, id, a, { status: "settled", orgId: "kanton-so" });
    expect(forged.status).toBe(400);
    const viewer = await setStatus(marco, id, a, { status: "settled" });
    expect(viewer.status).toBe(403);
    const outsider = await setStatus(beat, id, a, { status: "settled" });
    expect(outsider.status).toBe(403);
    const bad = await setStatus(andrea, id, a, { status: "bereinigt" });
    expect(bad.status).toBe(400);
    const unknown = await setStatus(andrea, id, "999:1", { status: "settled" });
    expect(unknown.status).toBe(404);
    expect((await storedStatuses(id)).size).toBe(0);
    expect((await server.store.listAudit(id, 50)).filter((e) => e.action === "section.status")).toEqual([]);
  });

  it("refuses a client update that writes the status map directly (4422), storing nothing", async () => {
    const { id, a } = await agreement();
    const attacker = connectClient(server.url, id, claire, { reconnect: false });
    await attacker.synced;
    const at = new Date().toISOString();
    attacker.doc.getMap(SECTION_STATUS_FIELD).set(a, {
      "kanton-so": { status: "settled", by: "u-andrea", at },
      sem: { status: "settled", by: "u-claire", at },
    });
    expect((await attacker.closed).code).toBe(CloseCode.UpdateRefused);
    expect((await storedStatuses(id)).size).toBe(0);
    expect(failing(await checksOf(id)).filter(([, , where]) => where === a)).toHaveLength(1);
  });

  it("lists exactly the unsettled sections, open suggestions and threads, for members only", async () => {
    const { id, a, b, c, client } = await agreement();
    await settleBoth(id, b);
    const sem = connectClient(server.url, id, claire, { reconnect: false });
    await sem.synced;
    const suggester = new HeadlessEditor(sem.doc, { userId: "u-claire", orgId: "sem" });
    // A suggestion at the end of heading C, the last block.
    expect(suggester.edit((tr) => tr.insertText(" Vorschlag", tr.doc.content.size - 1), true).ok).toBe(true);
    const text = (sem.doc.getXmlFragment(CONTENT_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const anchor = Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, 0));
    const threadId = createThread(sem.doc, {
      author: { id: "u-claire", name: "Claire Dubois", orgId: "sem" },
      text: "Bitte prüfen.",
      quote: "Präambel",
      anchorStart: anchor,
      anchorEnd: anchor,
    });
    await eventually(() => textOf(client.doc).includes("Vorschlag"), "the suggestion at Andrea's client");
    await new Promise((r) => setTimeout(r, 100));
    const checks = await checksOf(id);
    const suggestionIds = checks.filter((c) => c.id === "suggestions.open" && !c.ok).map((c) => c.where?.id);
    expect(suggestionIds).toHaveLength(1);
    expect(failing(checks)).toEqual([
      ["sections.unsettled", "section", a],
      // The suggestion is inside C: C is still unsettled; B was settled before it.
      ["sections.unsettled", "section", c],
      ["suggestions.open", "suggestion", suggestionIds[0]],
      ["threads.open", "thread", threadId],
    ]);
    expect(checks.find((r) => r.where?.id === a)?.params).toMatchObject({
      title: "A",
      "status:kanton-so": "open",
      "status:sem": "open",
    });
    expect((await call("GET", `/documents/${id}/checks`, marco)).status).toBe(200);
    expect((await call("GET", `/documents/${id}/checks`, beat)).status).toBe(403);
    expect((await call("GET", "/documents/nope/checks", andrea)).status).toBe(404);
    expect((await api("GET", `/api/documents/${id}/checks`, {})).status).toBe(401);
  });

  it("refuses pv-bereinigt while a section is unsettled; with an override reason the version records and exports it", async () => {
    const { id, a, b } = await agreement();
    await settleBoth(id, a);
    await settleBoth(id, b);
    const refused = await call<VersionDetail>("POST", `/documents/${id}/milestones`, andrea, {});
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("checks_failing");
    expect(await server.store.listVersions(id)).toEqual([]);
    const reason = "Art. C wird im Nachtrag geregelt.";
    const allowed = await call<VersionDetail>("POST", `/documents/${id}/milestones`, andrea, { override: reason });
    expect(allowed.status).toBe(201);
    const [version] = await server.store.listVersions(id);
    expect(JSON.parse(version?.record ?? "{}").override).toEqual({
      reason,
      failing: [{ id: "sections.unsettled", label: "C" }],
    });
    const md = await fetch(`${server.url}/api/versions/${version?.id}/export?format=md`, {
      headers: { cookie: andrea },
    });
    const exported = await md.text();
    expect(exported).toContain("Angefordert trotz offener Prüfpunkte: C");
    expect(exported).toContain(reason);
    // The chain still verifies with the record that holds the reason.
    const chain = await call<{ intact: boolean }>("GET", `/documents/${id}/chain`, andrea);
    expect(chain.body.intact).toBe(true);
  });

  it("seeds the demo agreement with one section settled by both and some by one party", async () => {
    const statuses = await storedStatuses("kip3-vereinbarung-so");
    const checks = await checksOf("kip3-vereinbarung-so");
    const settledIds = [...statuses].filter(
      ([, e]) => e["kanton-so"]?.status === "settled" && e.sem?.status === "settled",
    );
    expect(settledIds).toHaveLength(1);
    expect(checks.some((c) => c.where?.id === settledIds[0]?.[0])).toBe(false);
    expect(checks.filter((c) => c.id === "sections.unsettled" && !c.ok).length).toBeGreaterThan(5);
  });
});
