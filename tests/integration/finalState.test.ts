import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { AccordServer } from "../../server/startServer.ts";
import type { DocumentSummary, VersionDetail } from "../../shared/api/schemas.ts";
import { type CommentAuthor, createThread, readThreads } from "../../shared/comments/model.ts";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { apiClient } from "../helpers/api.ts";
import { docxParagraphs } from "../helpers/docx.ts";
import { addPeople, PEOPLE } from "../helpers/people.ts";
import { login, startTestServer, tempDataDir } from "../helpers/server.ts";
import { storedDoc } from "../helpers/stored.ts";
import { appendParagraph, connectClient, textOf, type YClient } from "../helpers/yClient.ts";

type ErrorBody = { code: string; message: string };
const AGREEMENT = "kip3-vereinbarung-so"; // Andrea owner, Lukas and Claire editors, Marco viewer
const RRB = { rrbNumber: "RRB Nr. 2024/412", rrbDate: "2024-04-17" };
const LUKAS: CommentAuthor = { id: "u-lukas", name: "Lukas Frei", orgId: "kanton-so" };

/** Connects a stock y-websocket client that does not reconnect, synced. */
async function open(url: string, documentId: string, cookie: string): Promise<YClient> {
  const client = connectClient(url, documentId, cookie, { reconnect: false });
  await client.synced;
  return client;
}

/** Starts a thread on the first characters of the content, as the comments panel does. */
function comment(client: YClient, author: CommentAuthor, text: string): string {
  const first = client.doc.getXmlFragment(CONTENT_FIELD).get(0) as Y.XmlElement;
  const at = (i: number) =>
    Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(first.get(0) as Y.XmlText, i));
  return createThread(client.doc, { author, text, quote: "Pro", anchorStart: at(0), anchorEnd: at(3) });
}

// Issue 15, item 1, on a real server over a real SQLite file with stock y-websocket clients:
// after the last milestone a document is final, read-only for every role, marked in the list
// and the exports, and changed only by starting an amendment (Nachtrag).
describe("final state and amendments", () => {
  /** A server of its own, with everyone signed in. */
  async function fresh(dataDir = tempDataDir(), restart = false) {
    const server = await startTestServer({}, dataDir);
    if (!restart) await addPeople(server.store, PEOPLE.beat);
    const api = apiClient(server.url);
    const who = {
      andrea: await login(server.url, "andrea.meier@so.ch"),
      lukas: await login(server.url, "lukas.frei@so.ch"),
      claire: await login(server.url, "claire.dubois@sem.admin.ch"),
      marco: await login(server.url, "marco.rossi@sem.admin.ch"),
      beat: await login(server.url, PEOPLE.beat.email),
    };
    const call = <T>(method: string, p: string, cookie: string, json?: unknown) =>
      api<T & ErrorBody>(method, `/api${p}`, { cookie, json });
    return { server, dataDir, call, ...who };
  }
  type Fresh = Awaited<ReturnType<typeof fresh>>;

  const request = async (f: Fresh, documentId: string, milestone: string) => {
    const res = await f.call<VersionDetail>("POST", `/documents/${documentId}/milestones`, f.andrea, {
      includeOpen: true,
      // The demo agreement's sections are not all settled by both parties (tests/integration/sections.test.ts).
      ...(milestone === "pv-bereinigt" ? { override: "Die übrigen Artikel sind mündlich bereinigt." } : {}),
    });
    expect(res.status).toBe(201);
    expect(res.body.milestone).toBe(milestone);
    return res.body;
  };
  const approve = async (f: Fresh, versionId: string, cookie: string, json: Record<string, unknown> = {}) => {
    const res = await f.call("POST", `/versions/${versionId}/approvals`, cookie, { decision: "approve", ...json });
    expect(res.status).toBe(201);
  };

  /** Walks a document of the agreement's path (or the amendment's) up to the request of its signature. */
  async function untilSignature(f: Fresh, documentId: string, ids: readonly [string, string, string]) {
    const settled = await request(f, documentId, ids[0]);
    await approve(f, settled.id, f.andrea);
    await approve(f, settled.id, f.claire);
    const rrb = await request(f, documentId, ids[1]);
    await approve(f, rrb.id, f.lukas, { details: RRB }); // four eyes: not Andrea, who requested
    return request(f, documentId, ids[2]);
  }
  const AGREEMENT_PATH = ["pv-bereinigt", "rrb-genehmigung", "unterzeichnung"] as const;
  const AMENDMENT_PATH = ["nachtrag-bereinigt", "nachtrag-rrb-genehmigung", "nachtrag-unterzeichnung"] as const;

  /** Signs the agreement: Lukas for the canton naming Andrea, Claire for the SEM naming herself. */
  async function sign(f: Fresh, documentId = AGREEMENT, ids: readonly [string, string, string] = AGREEMENT_PATH) {
    const signature = await untilSignature(f, documentId, ids);
    await approve(f, signature.id, f.lukas, { details: { signedOn: "2024-05-02" }, signatories: ["u-andrea"] });
    await approve(f, signature.id, f.claire, { details: { signedOn: "2024-05-02" }, signatories: ["u-claire"] });
    return signature;
  }

  const summaryOf = async (f: Fresh, documentId: string, cookie = f.andrea) =>
    (await f.call<DocumentSummary>("GET", `/documents/${documentId}`, cookie)).body;

  /** What the store holds of the document: its text, its threads and its log's length. */
  const storedState = async (server: AccordServer, documentId: string) => {
    const doc = await storedDoc(server, documentId);
    const state = await server.store.loadState(documentId);
    return { text: textOf(doc), threads: readThreads(doc).length, lastSeq: state.lastSeq };
  };

  it("accepts an editor's text and comment before the signature; after it, refuses both (4422) for every role, storing nothing", async () => {
    const f = await fresh();
    const before = await open(f.server.url, AGREEMENT, f.lukas);
    comment(before, LUKAS, "Vor der Unterzeichnung");
    appendParagraph(before.doc, "Vor der Unterzeichnung geschrieben");
    const accepted = await storedStateEventually(f.server, AGREEMENT, (s) => s.text.includes("Vor der Unterzeichnung"));
    expect(accepted.threads).toBe(1);
    before.destroy();

    await sign(f);
    expect((await summaryOf(f, AGREEMENT)).final).toMatchObject({
      milestone: "unterzeichnung",
      by: ["Andrea Meier", "Claire Dubois"],
    });
    const frozen = await storedState(f.server, AGREEMENT);
    for (const [cookie, label] of [
      [f.andrea, "owner"],
      [f.lukas, "editor"],
      [f.claire, "editor of the other party"],
    ] as const) {
      const typist = await open(f.server.url, AGREEMENT, cookie);
      appendParagraph(typist.doc, `Nach der Unterzeichnung (${label})`);
      expect((await typist.closed).code, label).toBe(CloseCode.UpdateRefused);
      const commenter = await open(f.server.url, AGREEMENT, cookie);
      comment(commenter, LUKAS, `Kommentar nach der Unterzeichnung (${label})`);
      expect((await commenter.closed).code, label).toBe(CloseCode.UpdateRefused);
    }
    expect(await storedState(f.server, AGREEMENT)).toEqual(frozen);
    const refusals = (await f.server.store.listAudit(AGREEMENT, 200)).filter((e) => e.action === "update.refused");
    expect(refusals.some((e) => JSON.stringify(e.detail).includes("final"))).toBe(true);
  });

  it("refuses restoring a version, renaming and a new milestone on a final document (409 document_final), and stays final after a restart", async () => {
    const f = await fresh();
    const signature = await sign(f);
    const frozen = await storedState(f.server, AGREEMENT);
    const restore = await f.call("POST", `/versions/${signature.id}/restore`, f.andrea);
    expect([restore.status, restore.body.code]).toEqual([409, "document_final"]);
    const rename = await f.call("PATCH", `/documents/${AGREEMENT}`, f.lukas, { title: "Umbenannt" });
    expect([rename.status, rename.body.code]).toEqual([409, "document_final"]);
    const again = await f.call("POST", `/documents/${AGREEMENT}/milestones`, f.andrea, { includeOpen: true });
    expect([again.status, again.body.code]).toEqual([409, "no_milestone_left"]);
    expect(await storedState(f.server, AGREEMENT)).toEqual(frozen);
    expect((await summaryOf(f, AGREEMENT)).title).toBe("Programmvereinbarung KIP 3 Kanton Solothurn 2024–2027");

    await f.server.close();
    const restarted = await fresh(f.dataDir, true);
    expect((await summaryOf(restarted, AGREEMENT)).final?.milestone).toBe("unterzeichnung");
    const typist = await open(restarted.server.url, AGREEMENT, restarted.lukas);
    appendParagraph(typist.doc, "Nach dem Neustart");
    expect((await typist.closed).code).toBe(CloseCode.UpdateRefused);
    expect(await storedState(restarted.server, AGREEMENT)).toEqual(frozen);
  });

  it("marks a final document in the list and prints 'unterzeichnet am … von …' in every export", async () => {
    const f = await fresh();
    expect(
      (await f.call<DocumentSummary[]>("GET", "/documents", f.marco)).body.find((d) => d.id === AGREEMENT)?.final,
    ).toBeNull();
    const signature = await sign(f);
    const listed = (await f.call<DocumentSummary[]>("GET", "/documents", f.marco)).body.find((d) => d.id === AGREEMENT);
    expect(listed?.final).toMatchObject({ versionId: signature.id, by: ["Andrea Meier", "Claire Dubois"] });

    const download = async (p: string) => {
      const res = await fetch(`${f.server.url}/api${p}`, { headers: { cookie: f.marco } });
      expect(res.status).toBe(200);
      return new Uint8Array(await res.arrayBuffer());
    };
    const dir = mkdtempSync(path.join(tmpdir(), "accord-final-"));
    const line = /Endgültig: unterzeichnet am \d{2}\.\d{2}\.\d{4} von Andrea Meier, Claire Dubois/;
    for (const base of [`/versions/${signature.id}/export`, `/documents/${AGREEMENT}/export`]) {
      expect(strFromU8(await download(`${base}?format=md`))).toMatch(line);
      expect(strFromU8(await download(`${base}?format=html`))).toMatch(line);
      expect(docxParagraphs(await download(`${base}?format=docx`)).join("\n")).toMatch(line);
      const pdf = path.join(dir, "final.pdf");
      writeFileSync(pdf, await download(`${base}?format=pdf`));
      expect(execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ")).toMatch(line);
    }
    // The version's export stays the same bytes each time (it is verifiable), and the current
    // text of a final document exports as that version, not as a draft.
    const md = strFromU8(await download(`/versions/${signature.id}/export?format=md`));
    expect(strFromU8(await download(`/versions/${signature.id}/export?format=md`))).toBe(md);
    expect(strFromU8(await download(`/documents/${AGREEMENT}/export?format=md`))).toBe(md);
    expect(md).not.toContain("Entwurf, nicht freigegeben");
    // …and verifies as genuine, the final note included.
    for (const format of ["pdf", "docx"]) {
      const file = await download(`/versions/${signature.id}/export?format=${format}`);
      const verified = await fetch(`${f.server.url}/api/verify`, {
        method: "POST",
        headers: { "content-type": "application/octet-stream" },
        body: file,
      });
      expect(((await verified.json()) as { verdict: string }).verdict, format).toBe("genuine");
    }
  });

  it("starts an amendment from the signed text with its own path, leaving the signed document's chain as it was", async () => {
    const f = await fresh();
    await sign(f);
    const chainBefore = await f.call("GET", `/documents/${AGREEMENT}/chain`, f.andrea);
    const versionsBefore = await f.server.store.listVersions(AGREEMENT);
    const signedText = (await storedState(f.server, AGREEMENT)).text;

    const started = await f.call<DocumentSummary>("POST", `/documents/${AGREEMENT}/amendments`, f.claire);
    expect(started.status).toBe(201);
    const amendment = started.body;
    expect(amendment).toMatchObject({
      kind: "amendment",
      role: "owner",
      title: "Nachtrag 1 zu Programmvereinbarung KIP 3 Kanton Solothurn 2024–2027",
      amends: { documentId: AGREEMENT, title: "Programmvereinbarung KIP 3 Kanton Solothurn 2024–2027" },
      nextMilestone: { id: "nachtrag-bereinigt" },
      final: null,
    });
    expect(amendment.parties.map((p) => [p.orgId, p.role])).toEqual([
      ["kanton-so", "canton"],
      ["sem", "federal"],
    ]);
    // The same people, with their roles; whoever started it owns it.
    const members = (await f.server.store.listMembers(amendment.id)).map((m) => [m.userId, m.role]).sort();
    expect(members).toEqual(
      [
        ["u-andrea", "owner"],
        ["u-claire", "owner"],
        ["u-lukas", "editor"],
        ["u-marco", "viewer"],
      ].sort(),
    );
    const copy = await storedState(f.server, amendment.id);
    expect(copy.text).toBe(signedText);
    expect(copy.threads).toBe(0);
    expect((await summaryOf(f, AGREEMENT)).amendments.map((a) => a.id)).toEqual([amendment.id]);

    // The amendment is a document of its own: edited, and signed on its own path.
    const editor = await open(f.server.url, amendment.id, f.lukas);
    appendParagraph(editor.doc, "Neu im Nachtrag");
    await storedStateEventually(f.server, amendment.id, (s) => s.text.includes("Neu im Nachtrag"));
    editor.destroy();
    await sign(f, amendment.id, AMENDMENT_PATH);
    expect((await summaryOf(f, amendment.id)).final?.milestone).toBe("nachtrag-unterzeichnung");

    expect(await f.call("GET", `/documents/${AGREEMENT}/chain`, f.andrea)).toMatchObject({
      status: 200,
      text: chainBefore.text,
    });
    expect(await f.server.store.listVersions(AGREEMENT)).toEqual(versionsBefore);
    expect((await storedState(f.server, AGREEMENT)).text).toBe(signedText);
  });

  it("refuses an amendment to a viewer, a non-member and of a document that is not final, creating nothing", async () => {
    const f = await fresh();
    const early = await f.call("POST", `/documents/${AGREEMENT}/amendments`, f.andrea);
    expect([early.status, early.body.code]).toEqual([409, "not_final"]);
    await sign(f);
    const viewer = await f.call("POST", `/documents/${AGREEMENT}/amendments`, f.marco);
    expect([viewer.status, viewer.body.code]).toEqual([403, "forbidden"]);
    const stranger = await f.call("POST", `/documents/${AGREEMENT}/amendments`, f.beat);
    expect([stranger.status, stranger.body.code]).toEqual([403, "forbidden"]);
    // The concept is not final (and no agreement): refused too.
    const concept = await f.call("POST", "/documents/kip3-konzept-so/amendments", f.andrea);
    expect([concept.status, concept.body.code]).toEqual([409, "not_final"]);
    expect((await summaryOf(f, AGREEMENT)).amendments).toEqual([]);
    // Nobody creates an amendment through the ordinary route.
    const forged = await f.call("POST", "/documents", f.andrea, { title: "Nachtrag", kind: "amendment" });
    expect(forged.status).toBe(400);
    const kinds = (await f.call<DocumentSummary[]>("GET", "/documents", f.andrea)).body.map((d) => d.kind);
    expect(kinds).not.toContain("amendment");
  });
});

/** Polls the store until `predicate` holds for the document's stored state. */
async function storedStateEventually(
  server: AccordServer,
  documentId: string,
  predicate: (s: { text: string; threads: number }) => boolean,
) {
  for (let i = 0; i < 100; i++) {
    const doc = await storedDoc(server, documentId);
    const s = { text: textOf(doc), threads: readThreads(doc).length };
    if (predicate(s)) return s;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the stored state of ${documentId} never matched`);
}
