import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { VerifyResult, VersionDetail } from "../../shared/api/schemas.ts";
import { login, startTestServer } from "../helpers/server.ts";
import { appendParagraph, connectClient } from "../helpers/yClient.ts";

const AGREEMENT = "kip3-vereinbarung-so";

describe("exports and verification over the API", async () => {
  const server = await startTestServer();
  const andrea = await login(server.url, "andrea.meier@so.ch");
  const claire = await login(server.url, "claire.dubois@sem.admin.ch");
  const outsider = await login(server.url, "marco.rossi@sem.admin.ch"); // viewer of the agreement: may read and export

  const post = async (path: string, cookie: string, json: unknown) => {
    const r = await fetch(`${server.url}/api${path}`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify(json),
    });
    return (await r.json()) as VersionDetail;
  };
  const get = (path: string, cookie: string) => fetch(`${server.url}/api${path}`, { headers: { cookie } });
  const verify = async (bytes: Uint8Array) =>
    (await (
      await fetch(`${server.url}/api/verify`, {
        method: "POST",
        headers: { "content-type": "application/octet-stream" },
        body: bytes,
      })
    ).json()) as VerifyResult;

  // Sections not settled by both parties: "Programmvereinbarung bereinigt" only with a reason (issue 15).
  const version = await post(`/documents/${AGREEMENT}/milestones`, andrea, {
    override: "Restliche Artikel werden mündlich bereinigt.",
  });
  await post(`/versions/${version.id}/approvals`, andrea, { decision: "approve" });
  await post(`/versions/${version.id}/approvals`, claire, { decision: "approve" });

  it.each([
    ["pdf", "application/pdf"],
    ["docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["html", "text/html; charset=utf-8"],
    ["md", "text/markdown; charset=utf-8"],
    ["zip", "application/zip"],
  ])("exports the version as %s, and verify recognises the file", async (format, type) => {
    const res = await get(`/versions/${version.id}/export?format=${format}`, outsider);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(type);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="Programmvereinbarung-KIP-3-.*-v1\./);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const result = await verify(bytes);
    expect(result).toMatchObject({ verdict: "genuine", format, approvalsIncluded: 2, approvalsTotal: 2 });
    expect(result.matches.map((m) => [m.version.id, m.chainIntact])).toEqual([[version.id, true]]);
  });

  it("puts PDF, DOCX, manifest, Yjs state and the bytes the hashes cover into the archive bundle", async () => {
    const res = await get(`/versions/${version.id}/export?format=zip`, andrea);
    const entries = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(entries).sort()).toEqual([
      "content.json",
      "document.docx",
      "document.pdf",
      "manifest.json",
      "open-items.json",
      "record.json",
      "state.yjs",
    ]);
    const manifest = JSON.parse(strFromU8(entries["manifest.json"] ?? new Uint8Array()));
    expect(manifest.version).toMatchObject({
      id: version.id,
      contentHash: version.contentHash,
      chainHash: version.chainHash,
    });
    expect(manifest.approvals).toHaveLength(2);
  });

  it("exports the current text as a draft and a redline against it as Word tracked changes", async () => {
    const client = connectClient(server.url, AGREEMENT, andrea, { reconnect: false });
    await client.synced;
    appendParagraph(client.doc, "Zusatz nach der Freigabe.");
    await new Promise((r) => setTimeout(r, 200));
    client.destroy();
    const draft = await get(`/documents/${AGREEMENT}/export?format=md`, andrea);
    const md = await draft.text();
    expect(md).toContain("Entwurf, nicht freigegeben");
    expect(md).toContain("Zusatz nach der Freigabe.");
    const red = await get(`/documents/${AGREEMENT}/redline?from=${version.id}&to=current&format=docx`, andrea);
    expect(red.status).toBe(200);
    const xml = strFromU8(unzipSync(new Uint8Array(await red.arrayBuffer()))["word/document.xml"] ?? new Uint8Array());
    expect(xml).toMatch(/<w:ins [^>]*>[\s\S]*?Zusatz nach der Freigabe/);
  });

  it("answers clear errors for a wrong format, an unknown version and a stranger", async () => {
    expect((await get(`/versions/${version.id}/export?format=exe`, andrea)).status).toBe(400);
    expect((await get(`/versions/v-unknown/export?format=pdf`, andrea)).status).toBe(404);
    expect((await get(`/documents/${AGREEMENT}/redline?from=v-unknown&to=current&format=docx`, andrea)).status).toBe(
      404,
    );
    expect((await fetch(`${server.url}/api/versions/${version.id}/export?format=pdf`)).status).toBe(401);
    expect(await verify(new Uint8Array([1, 2, 3]))).toMatchObject({ verdict: "unknown", matches: [] });
  });
});
