import { unzipSync } from "fflate";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { VersionDetail } from "../../shared/api/schemas.ts";
import { type CommentAuthor, createThread, readThreads } from "../../shared/comments/model.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { readSectionStatuses, sectionsOf } from "../../shared/sections/sections.ts";
import { apiClient } from "../helpers/api.ts";
import { libreOfficeComments } from "../helpers/libreOfficeConvert.ts";
import { addPeople, PEOPLE } from "../helpers/people.ts";
import { login, startTestServer } from "../helpers/server.ts";
import { storedDoc } from "../helpers/stored.ts";
import { connectClient, eventually } from "../helpers/yClient.ts";

/**
 * Holes found in the attack review of issues 14 and 15, each shown here first (these tests
 * failed on main before their fix) and then closed. Real server, real SQLite file, stock
 * y-websocket clients.
 */

type ErrorBody = { code: string; message: string };
const AGREEMENT = "kip3-vereinbarung-so"; // Andrea owner, Lukas and Claire editors, Marco viewer
const RRB = { rrbNumber: "RRB Nr. 2024/412", rrbDate: "2024-04-17" };

describe("attack review of the final state (issue 15)", async () => {
  const server = await startTestServer({});
  await addPeople(server.store, PEOPLE.beat);
  const api = apiClient(server.url);
  const andrea = await login(server.url, "andrea.meier@so.ch");
  const lukas = await login(server.url, "lukas.frei@so.ch");
  const claire = await login(server.url, "claire.dubois@sem.admin.ch");
  const call = <T>(method: string, p: string, cookie: string, json?: unknown) =>
    api<T & ErrorBody>(method, `/api${p}`, { cookie, json });

  const request = async (milestone: string) => {
    const res = await call<VersionDetail>("POST", `/documents/${AGREEMENT}/milestones`, andrea, {
      includeOpen: true,
      ...(milestone === "pv-bereinigt" ? { override: "Die übrigen Artikel sind mündlich bereinigt." } : {}),
    });
    expect(res.status).toBe(201);
    expect(res.body.milestone).toBe(milestone);
    return res.body;
  };
  const approve = async (versionId: string, cookie: string, json: Record<string, unknown> = {}) => {
    const res = await call("POST", `/versions/${versionId}/approvals`, cookie, { decision: "approve", ...json });
    expect(res.status).toBe(201);
  };

  /** The section statuses the live doc holds, read by a fresh client, and the first section's id. */
  async function statuses() {
    const client = connectClient(server.url, AGREEMENT, andrea, { reconnect: false });
    await client.synced;
    const all = readSectionStatuses(client.doc);
    const first = sectionsOf(client.doc)[0]?.id ?? "";
    client.destroy();
    return { all: JSON.stringify([...all]), first };
  }

  it("refuses a section status on a signed agreement as final (409 document_final), storing nothing", async () => {
    const settled = await request("pv-bereinigt");
    await approve(settled.id, andrea);
    await approve(settled.id, claire);
    const rrb = await request("rrb-genehmigung");
    await approve(rrb.id, lukas, { details: RRB });
    const signature = await request("unterzeichnung");
    await approve(signature.id, lukas, { details: { signedOn: "2024-05-02" }, signatories: ["u-andrea"] });
    await approve(signature.id, claire, { details: { signedOn: "2024-05-02" }, signatories: ["u-claire"] });

    const before = await statuses();
    expect(before.first).not.toBe("");
    const audited = async () =>
      (await server.store.listAudit(AGREEMENT, 200)).filter((e) => e.action === "section.status").length;
    const count = await audited();
    const res = await call("PUT", `/documents/${AGREEMENT}/sections/${before.first}/status`, claire, {
      status: "discussion",
    });
    // It was refused as "a milestone is pending", which the client explains as a lock to wait out.
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("document_final");
    expect((await statuses()).all).toBe(before.all);
    expect(await audited()).toBe(count);
  });
});

describe("attack review of the exports (issue 14)", async () => {
  const server = await startTestServer({});
  const marco = await login(server.url, "marco.rossi@sem.admin.ch");
  const CONCEPT = "kip3-konzept-so"; // Marco comments
  const MARCO: CommentAuthor = { id: "u-marco", name: "Marco Rossi", orgId: "sem" };

  it("exports a DOCX whose parts are well-formed XML when a comment holds U+FFFE (any commenter can write one)", async () => {
    // A stock client writes the thread: the comment rule checks its fields, not its characters.
    const client = connectClient(server.url, CONCEPT, marco, { reconnect: false });
    await client.synced;
    const first = (client.doc.getXmlFragment(CONTENT_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const at = (i: number) => Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(first, i));
    createThread(client.doc, {
      author: MARCO,
      text: "Bitte \uFFFE prüfen \uFFFF",
      quote: "Pro",
      anchorStart: at(2),
      anchorEnd: at(5),
    });
    for (let i = 0; i < 500 && readThreads(await storedDoc(server, CONCEPT)).length === 0; i++)
      await new Promise((r) => setTimeout(r, 10));
    await eventually(() => readThreads(client.doc).length === 1, "the thread");
    client.destroy();
    const res = await fetch(`${server.url}/api/documents/${CONCEPT}/export?format=docx`, {
      headers: { cookie: marco },
    });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const broken: string[] = [];
    for (const [name, part] of Object.entries(unzipSync(bytes))) {
      if (!name.endsWith(".xml") && !name.endsWith(".rels")) continue;
      try {
        new SaxesParser({ xmlns: true }).write(new TextDecoder().decode(part)).close();
      } catch (err) {
        broken.push(`${name}: ${(err as Error).message}`);
      }
    }
    expect(broken).toEqual([]);
    // A real reader gets the comment, its text around the character it could not hold.
    const comments = await libreOfficeComments(bytes);
    expect(comments.map((c) => c.author)).toContain("Marco Rossi");
    expect(comments.find((c) => c.author === "Marco Rossi")?.text).toMatch(/^Bitte .* prüfen/);
  });
});
