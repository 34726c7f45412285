import { request } from "node:http";
import type { Node as PMNode } from "@tiptap/pm/model";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { schema } from "../../server/word/intoYDoc.ts";
import { readDocx } from "../../server/word/read/index.ts";
import { DOCX_CONTENT_TYPE } from "../../shared/api/schemas.ts";
import { readThreads } from "../../shared/comments/model.ts";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { parseSuggestionId } from "../../shared/suggestions/ids.ts";
import { listSuggestions } from "../../shared/suggestions/list.ts";
import { withAllAccepted, withAllRejected } from "../../shared/suggestions/outcomes.ts";
import { readWordOrigins, wordOriginKey, wordOriginsOf } from "../../shared/word/origins.ts";
import { apiClient } from "../helpers/api.ts";
import { libreOfficeOutcomes } from "../helpers/libreOffice.ts";
import { convertWithLibreOffice } from "../helpers/libreOfficeConvert.ts";
import { login, startTestServer } from "../helpers/server.ts";
import { storedDoc } from "../helpers/stored.ts";
import {
  ANNA,
  BRUNO,
  changeEnd,
  changeStart,
  comment,
  commentEnd,
  deletionAt,
  fodt,
  h,
  p,
  t,
} from "../helpers/wordFiles.ts";
import { appendParagraph, connectClient } from "../helpers/yClient.ts";

const ANDREA = "u-andrea";

const TWO_AUTHORS = {
  changes: [
    { id: "c1", kind: "insertion" as const, ...ANNA },
    { id: "c2", kind: "deletion" as const, ...BRUNO, removed: p("alte ") },
  ],
};
const trackedParagraph = () =>
  p(`Die ${changeStart("c1")}neue ${changeEnd("c1")}Regel ersetzt die ${deletionAt("c2")}Praxis.`);

/**
 * Tracked changes by two authors only: LibreOffice 7.4 crashes ("URP bridge disposed") when
 * the outcomes helper opens a DOCX with comments that it wrote itself, so the comparison
 * with its Accept All uses a file without them.
 */
const trackedOnlyFodt = () => fodt([h(1, "Ziele"), trackedParagraph(), p("Zweiter Absatz.")].join("\n"), TWO_AUTHORS);

/** Tracked changes by two authors (an insertion, a deletion), a thread with a reply, a resolved comment. */
function trackedFodt(): string {
  return fodt(
    [
      h(1, "Ziele"),
      trackedParagraph(),
      p(
        `${comment({ name: "k1", ...ANNA, text: "Bitte prüfen." })}${comment({ name: "k2", ...BRUNO, text: "Geprüft." })}` +
          `Wirkungsziel${commentEnd("k1")}${commentEnd("k2")} und ${comment({ name: "k3", ...BRUNO, text: "Erledigt.", resolved: true })}Frist${commentEnd("k3")}.`,
      ),
    ].join("\n"),
    TWO_AUTHORS,
  );
}

const lines = (doc: PMNode) => {
  const out: string[] = [];
  doc.forEach((b) => {
    out.push(b.textContent.replaceAll("\u200B", ""));
  });
  return out.filter((l) => l.trim() !== "");
};
const loLines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
const pmOf = (ydoc: Y.Doc) => yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(CONTENT_FIELD), schema);

const TYPES = {
  "[Content_Types].xml": strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
};

/** A zip with the given entries, stored as a DOCX would be. */
const zipOf = (entries: Record<string, Uint8Array>, level: 0 | 9 = 9) => zipSync(entries, { level });

describe("Word import", async () => {
  const server = await startTestServer();
  const andrea = await login(server.url, "andrea.meier@so.ch"); // canton, owner of the demo documents
  const claire = await login(server.url, "claire.dubois@sem.admin.ch");
  const marco = await login(server.url, "marco.rossi@sem.admin.ch"); // viewer of the demo agreement
  const sandra = await login(server.url, "sandra.keller@sem.admin.ch"); // member of no document
  const api = apiClient(server.url);
  const tracked = await convertWithLibreOffice(trackedFodt(), "fodt", "docx");
  // A zip bomb: 210 MB of zeros in a few hundred kilobytes, past the inflate limit. Made before
  // any request: seconds of compressing between two requests let the server close an idle
  // keep-alive connection just as the next request reuses it (ECONNRESET).
  const bomb = zipOf({ ...TYPES, "word/document.xml": new Uint8Array(210 * 1024 * 1024) });

  const upload = (path: string, cookie: string, body: Uint8Array, type = DOCX_CONTENT_TYPE) =>
    fetch(`${server.url}/api${path}`, { method: "POST", headers: { cookie, "content-type": type }, body });
  const importNew = (cookie: string, body: Uint8Array, title = "Aus Word", type = DOCX_CONTENT_TYPE) =>
    upload(`/documents/import?title=${encodeURIComponent(title)}&kind=concept`, cookie, body, type);
  const documentCount = async () => (await server.store.listDocumentsOf(ANDREA)).length;
  const auditActions = async (documentId: string) =>
    (await server.store.listAudit(documentId, 100)).map((a) => a.action);

  it("creates a document from a LibreOffice-made DOCX and answers 201 with the report", async () => {
    const res = await importNew(andrea, tracked);
    expect(res.status).toBe(201);
    const { id, report } = (await res.json()) as { id: string; report: { imported: Record<string, number> } };
    expect(report.imported).toMatchObject({ headings: 1, insertions: 1, deletions: 1 });
    expect(report.imported.threads).toBeGreaterThanOrEqual(1);
    const doc = await api<{ title: string; role: string }>("GET", `/api/documents/${id}`, { cookie: andrea });
    expect(doc.body).toMatchObject({ title: "Aus Word", role: "owner" });
    expect(await auditActions(id)).toContain("document.imported");
  });

  it("makes every tracked change a suggestion of the importer with its Word origin; Accept All is LibreOffice's", async () => {
    const file = await convertWithLibreOffice(trackedOnlyFodt(), "fodt", "docx");
    const { id } = (await (await importNew(andrea, file)).json()) as { id: string };
    const ydoc = await storedDoc(server, id);
    const content = pmOf(ydoc);
    const suggestions = listSuggestions(content);
    expect(suggestions.length).toBe(2);
    const origins = readWordOrigins(ydoc);
    const authors = new Set<string>();
    for (const s of suggestions) {
      expect(parseSuggestionId(s.id)).toMatchObject({ userId: ANDREA, orgId: "kanton-so" });
      authors.add(origins.get(wordOriginKey.suggestion(s.id))?.author ?? "");
    }
    expect(authors).toEqual(new Set([ANNA.author, BRUNO.author]));
    const lo = await libreOfficeOutcomes(file);
    expect(lines(withAllAccepted(content))).toEqual(loLines(lo.accepted));
    expect(lines(withAllRejected(content))).toEqual(loLines(lo.rejected));
  });

  it("makes the comments threads of the importer with replies, resolved state and Word origins", async () => {
    const { id } = (await (await importNew(andrea, tracked)).json()) as { id: string };
    const ydoc = await storedDoc(server, id);
    const threads = readThreads(ydoc);
    const origins = readWordOrigins(ydoc);
    for (const thread of threads) expect(thread.authorId).toBe(ANDREA);
    const open = threads.find((th) => th.text === "Bitte prüfen.");
    expect(open).toMatchObject({ quote: "Wirkungsziel", resolved: false });
    expect(origins.get(wordOriginKey.thread(open?.id ?? ""))?.author).toBe(ANNA.author);
    // LibreOffice writes the second comment on the passage as a reply, or as a thread of its own.
    const second = open?.replies[0] ?? threads.find((th) => th.text === "Geprüft.");
    expect(second?.text).toBe("Geprüft.");
    const key = open?.replies[0] ? wordOriginKey.reply(second?.id ?? "") : wordOriginKey.thread(second?.id ?? "");
    expect(origins.get(key)?.author).toBe(BRUNO.author);
    expect(threads.find((th) => th.text === "Erledigt.")).toMatchObject({ quote: "Frist", resolved: true });
  });

  it("takes the parties as the create form does: federal staff name the canton", async () => {
    const path = (parties: string) => `/documents/import?title=Bund&kind=agreement&parties=${parties}`;
    const created = await upload(path("kanton-so,sem"), claire, tracked);
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const doc = await api<{ parties: { orgId: string }[]; crossPartyAcceptance: boolean }>(
      "GET",
      `/api/documents/${id}`,
      {
        cookie: claire,
      },
    );
    expect(doc.body.parties.map((x) => x.orgId).sort()).toEqual(["kanton-so", "sem"]);
    expect(doc.body.crossPartyAcceptance).toBe(true);
    expect((await upload(path("kanton-so"), claire, tracked)).status).toBe(400);
    // Her organisation must be one of the parties (and nothing is created: the parties are checked first).
    expect((await upload(path("kanton-be,kanton-so"), claire, tracked)).status).toBe(400);
  });

  it("refuses the kind amendment: a Nachtrag starts only from a signed document (400, nothing created)", async () => {
    const before = await documentCount();
    const res = await upload("/documents/import?title=Nachtrag&kind=amendment", andrea, tracked);
    expect(res.status).toBe(400);
    expect(await documentCount()).toBe(before);
  });

  it("refuses a client update that writes the wordOrigins map on the raw protocol; the map stays", async () => {
    const { id } = (await (await importNew(andrea, tracked)).json()) as { id: string };
    const before = [...readWordOrigins(await storedDoc(server, id)).entries()];
    const client = connectClient(server.url, id, andrea, { reconnect: false });
    await client.synced;
    const [key] = before[0] ?? [];
    wordOriginsOf(client.doc).set(key ?? "s:forged", { author: "Forged Author", date: null });
    wordOriginsOf(client.doc).set("s:new", { author: "Forged Author", date: null });
    expect((await client.closed).code).toBe(CloseCode.UpdateRefused);
    expect([...readWordOrigins(await storedDoc(server, id)).entries()]).toEqual(before);
  });

  it("refuses the wrong content type (415) and creates nothing", async () => {
    const count = await documentCount();
    expect((await importNew(andrea, tracked, "Falsch", "application/octet-stream")).status).toBe(415);
    expect((await importNew(andrea, tracked, "Falsch", "application/json")).status).toBe(415);
    expect(await documentCount()).toBe(count);
  });

  it("refuses a file over 50 MB from its Content-Length (413) without reading it", async () => {
    const count = await documentCount();
    const url = new URL(`${server.url}/api/documents/import?title=Gross&kind=concept`);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(url, {
        method: "POST",
        headers: { cookie: andrea, "content-type": DOCX_CONTENT_TYPE, "content-length": String(51 * 1024 * 1024) },
      });
      req.on("response", (res) => {
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on("error", reject);
      req.write(new Uint8Array(1024)); // a first kilobyte only: the answer comes before the rest
    });
    expect(status).toBe(413);
    expect(await documentCount()).toBe(count);
  });

  it("refuses bad files with a clear error and creates no document", async () => {
    const count = await documentCount();
    const cases: [Uint8Array, number, string][] = [
      [strToU8("not a zip at all"), 422, "word_not_docx"],
      [zipOf({ "[Content_Types].xml": strToU8("<Types/>") }), 422, "word_no_document"],
      [zipOf({ ...TYPES, "word/document.xml": strToU8("<w:document><w:body><w:p>") }), 422, "word_malformed_xml"],
      [bomb, 413, "archive_too_large"],
    ];
    for (const [bytes, status, code] of cases) {
      const res = await importNew(andrea, bytes, "Kaputt");
      expect({ status: res.status, code: ((await res.json()) as { code: string }).code }).toEqual({ status, code });
    }
    expect(await documentCount()).toBe(count);
  });

  // --- A Word file that comes back -------------------------------------------------------

  const call = <T>(method: string, path: string, cookie: string, json?: unknown) =>
    api<T>(method, `/api${path}`, { cookie, json });

  /** A concept of Andrea's imported from plain paragraphs, Claire a suggester in it, with version 1 reached. */
  async function withVersion(paragraphs: string[]) {
    const plain = await convertWithLibreOffice(fodt(paragraphs.map((x) => p(t(x))).join("\n")), "fodt", "docx");
    const { id } = (await (await importNew(andrea, plain, "Rückläufer")).json()) as { id: string };
    expect(
      (await call("PUT", `/documents/${id}/members`, andrea, { userId: "u-claire", role: "suggester" })).status,
    ).toBe(200);
    expect((await call("PUT", `/documents/${id}/members`, andrea, { userId: "u-marco", role: "viewer" })).status).toBe(
      200,
    );
    const version = await call<{ id: string }>("POST", `/documents/${id}/milestones`, andrea, {});
    expect(version.status).toBe(201);
    expect((await call("POST", `/versions/${version.body.id}/approvals`, andrea, { decision: "approve" })).status).toBe(
      201,
    );
    return { id, versionId: version.body.id };
  }

  /** The version's DOCX export as someone edits it in a word processor: its paragraphs (cover included) changed by `edit`, then saved by LibreOffice. */
  async function editedExport(
    versionId: string,
    edit: (paragraphs: string[]) => string[],
    options?: Parameters<typeof fodt>[1],
  ) {
    const res = await fetch(`${server.url}/api/versions/${versionId}/export?format=docx`, {
      headers: { cookie: andrea },
    });
    expect(res.status).toBe(200);
    const exported = await readDocx(new Uint8Array(await res.arrayBuffer()));
    const paragraphs: string[] = [];
    schema.nodeFromJSON(exported.doc).forEach((b) => {
      paragraphs.push(b.textContent);
    });
    return convertWithLibreOffice(fodt(edit(paragraphs).join("\n"), options), "fodt", "docx");
  }

  const fileBack = (id: string, versionId: string, cookie: string, body: Uint8Array) =>
    upload(`/documents/${id}/import?against=${encodeURIComponent(versionId)}`, cookie, body);

  it("takes back an edited export: untracked edits become the user's suggestions, live edits since survive", async () => {
    const { id, versionId } = await withVersion(["Erster Absatz bleibt.", "Zweiter Absatz alt.", "Dritter Absatz."]);
    // Since the version, Andrea wrote on live.
    const live = connectClient(server.url, id, andrea, { reconnect: false });
    await live.synced;
    appendParagraph(live.doc, "Live seither geschrieben.");
    for (let i = 0; i < 200 && !lines(pmOf(await storedDoc(server, id))).includes("Live seither geschrieben."); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    live.destroy();
    const before = lines(pmOf(await storedDoc(server, id)));
    expect(before).toContain("Live seither geschrieben.");

    const file = await editedExport(
      versionId,
      (ps) =>
        ps.map((x) =>
          x === "Zweiter Absatz alt."
            ? p(`Zweiter Absatz ${deletionAt("c2")}neu.`)
            : x === "Erster Absatz bleibt."
              ? p(`Erster Absatz ${changeStart("c1")}sehr ${changeEnd("c1")}bleibt.`)
              : x === "Dritter Absatz."
                ? p(`${comment({ name: "k1", ...BRUNO, text: "Warum?" })}Dritter${commentEnd("k1")} Absatz.`)
                : p(t(x)),
        ),
      {
        changes: [
          { id: "c1", kind: "insertion", ...BRUNO },
          { id: "c2", kind: "deletion", ...ANNA, removed: p("alt ") },
        ],
      },
    );
    const res = await fileBack(id, versionId, claire, file);
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { suggestions: number; threads: number };
    expect(answer.threads).toBe(1);
    // Bruno's insertion, Anna's deletion, Claire's own insertion of "neu": no paragraph from the export's cover.
    expect(answer.suggestions).toBe(3);

    const ydoc = await storedDoc(server, id);
    const content = pmOf(ydoc);
    // Reject All gives the live text as it was; Accept All the file's text with the live edit.
    expect(lines(withAllRejected(content))).toEqual(before);
    expect(content.childCount).toBe(before.length);
    expect(lines(withAllAccepted(content))).toEqual([
      "Erster Absatz sehr bleibt.",
      "Zweiter Absatz neu.",
      "Dritter Absatz.",
      "Live seither geschrieben.",
    ]);
    const origins = readWordOrigins(ydoc);
    const suggestions = listSuggestions(content);
    for (const s of suggestions) expect(parseSuggestionId(s.id)?.userId).toBe("u-claire");
    // Bruno's tracked "sehr " and Anna's tracked deletion beside an untracked edit keep their Word origins; the untracked edit has none.
    const authors = suggestions.map((s) => origins.get(wordOriginKey.suggestion(s.id))?.author);
    expect(authors).toContain(BRUNO.author);
    expect(authors).toContain(ANNA.author);
    expect(suggestions.some((s) => !origins.has(wordOriginKey.suggestion(s.id)))).toBe(true);
    const thread = readThreads(ydoc).find((th) => th.text === "Warum?");
    expect(thread).toMatchObject({ authorId: "u-claire", quote: "Dritter" });
  });

  it("refuses viewers, non-members, a locked document and another document's file, changing nothing", async () => {
    const { id, versionId } = await withVersion(["Alpha.", "Beta."]);
    const other = await withVersion(["Gamma.", "Delta."]);
    const file = await editedExport(versionId, (ps) => ps.map((x) => p(t(x === "Beta." ? "Beta neu." : x))));
    const state = async () => Y.encodeStateAsUpdate(await storedDoc(server, id));
    const before = await state();

    expect((await fileBack(id, versionId, marco, file)).status).toBe(403);
    expect((await fileBack(id, versionId, sandra, file)).status).toBe(403);
    // Another document's version, and this document's file against the other one's version.
    expect((await fileBack(id, other.versionId, claire, file)).status).toBe(404);
    const foreign = await fileBack(other.id, other.versionId, andrea, file);
    expect({ status: foreign.status, code: ((await foreign.json()) as { code: string }).code }).toEqual({
      status: 422,
      code: "word_other_version",
    });
    expect(await state()).toEqual(before);

    const locked = await call<{ id: string }>("POST", `/documents/${id}/milestones`, andrea, {});
    expect(locked.status).toBe(201);
    const refused = await fileBack(id, versionId, claire, file);
    expect({ status: refused.status, code: ((await refused.json()) as { code: string }).code }).toEqual({
      status: 409,
      code: "milestone_pending",
    });
    expect(await state()).toEqual(before);
    expect(await auditActions(id)).not.toContain("document.file_returned");
  });
});
