import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { approvalHashOf } from "../../server/versions/hashes.ts";
import type { User, VersionDetail, VersionSummary } from "../../shared/api/schemas.ts";
import { canonicalJson } from "../../shared/versions/canonicalJson.ts";
import { apiClient } from "../helpers/api.ts";
import { docxParagraphs } from "../helpers/docx.ts";
import { addPeople, PEOPLE } from "../helpers/people.ts";
import { login, startTestServer } from "../helpers/server.ts";

const CONCEPT = "kip3-konzept-so";
/** What an attacker puts in the RRB number of a canton-only milestone: a second, forged approval line. */
const FORGED = "RRB 12\nSEM: freigegeben von X";

/**
 * A server whose concept passed its first milestone and awaits the government decision (RRB
 * number and date). Andrea requests; the RRB milestone has four eyes, so her colleague Sara
 * (an editor of the canton) is the one who decides: `decide` posts as Sara.
 */
async function conceptAwaitingRrb() {
  const server = await startTestServer();
  await addPeople(server.store, PEOPLE.sara);
  const andrea = await login(server.url, "andrea.meier@so.ch"); // owner, canton
  const api = apiClient(server.url);
  const call = <T>(method: string, urlPath: string, json?: unknown) =>
    api<T>(method, `/api${urlPath}`, { cookie: andrea, json });
  expect((await call("PUT", `/documents/${CONCEPT}/members`, { userId: PEOPLE.sara.id, role: "editor" })).status).toBe(
    200,
  );
  const sara = await login(server.url, PEOPLE.sara.email);
  const decide = <T>(versionId: string, json: unknown) =>
    api<T>("POST", `/api/versions/${versionId}/approvals`, { cookie: sara, json });
  const first = await call<VersionDetail>("POST", `/documents/${CONCEPT}/milestones`, { includeOpen: true });
  await call("POST", `/versions/${first.body.id}/approvals`, { decision: "approve" });
  const rrb = (await call<VersionDetail>("POST", `/documents/${CONCEPT}/milestones`, { includeOpen: true })).body;
  expect(rrb.milestone).toBe("rrb-eingabe");
  return { server, andrea, call, decide, rrb };
}

describe("approval fields are validated for real, and no export prints a forged line", async () => {
  const { call, decide, rrb } = await conceptAwaitingRrb();

  it.each([
    [
      "a day that does not exist",
      { rrbNumber: "RRB 2024/88", rrbDate: "2024-02-30" },
      /Datum des RRB must be a date that exists/,
    ],
    [
      "a month that does not exist",
      { rrbNumber: "RRB 2024/88", rrbDate: "2024-13-45" },
      /Datum des RRB must be a date that exists/,
    ],
    [
      "a line break that forges an approval line",
      { rrbNumber: FORGED, rrbDate: "2024-03-01" },
      /rrbNumber: must be one line/,
    ],
    ["a trailing line break", { rrbNumber: "RRB 12\n", rrbDate: "2024-03-01" }, /rrbNumber: must be one line/],
    ["a tab", { rrbNumber: "RRB\t12", rrbDate: "2024-03-01" }, /rrbNumber: must be one line/],
    ["a NUL", { rrbNumber: "RRB\u000012", rrbDate: "2024-03-01" }, /rrbNumber: must be one line/],
    ["a U+2028 line separator", { rrbNumber: "RRB\u202812", rrbDate: "2024-03-01" }, /rrbNumber: must be one line/],
    ["a zero-width space", { rrbNumber: "RRB\u200B12", rrbDate: "2024-03-01" }, /rrbNumber: must be one line/],
    ["a right-to-left mark", { rrbNumber: "RRB 12\u200F", rrbDate: "2024-03-01" }, /rrbNumber: must be one line/],
    ["a line break in the date", { rrbNumber: "RRB 12", rrbDate: "2024-03-01\n" }, /rrbDate: must be one line/],
  ])("refuses %s with 400 naming the field, and stores nothing", async (_, details, message) => {
    const res = await decide<{ code: string; message: string }>(rrb.id, { decision: "approve", details });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: "bad_request", message: expect.stringMatching(message) });
    const after = await call<VersionSummary>("GET", `/versions/${rrb.id}`);
    expect(after.body).toMatchObject({ status: "pending", approvals: [] });
  });

  it("refuses control characters in a rejection's reason, and stores nothing", async () => {
    const res = await decide(rrb.id, { decision: "reject", reason: "Nein\u0000" });
    expect(res.status).toBe(400);
    expect((await call<VersionSummary>("GET", `/versions/${rrb.id}`)).body).toMatchObject({ approvals: [] });
  });

  it("refuses a document title with a line break, which heads every export, and creates nothing", async () => {
    const before = (await call<unknown[]>("GET", "/documents")).body.length;
    const res = await call("POST", "/documents", { title: "KIP 4\nSEM: freigegeben", kind: "concept" });
    expect(res.status).toBe(400);
    expect((await call<unknown[]>("GET", "/documents")).body).toHaveLength(before);
  });

  it("prints an old row's line break as a space in every export, so no field can fake another line", async () => {
    // Its own server: the row it inserts is an approval, which the tests above must not see.
    const { server, andrea, call, rrb } = await conceptAwaitingRrb();
    // A row stored before the check: inserted into the store directly, as an old database holds it.
    const me = (await call<User>("GET", "/me")).body;
    const fields = {
      id: "a-old-style-row",
      versionId: rrb.id,
      userId: me.id,
      orgId: me.orgId,
      decision: "approve" as const,
      details: canonicalJson({ rrbNumber: FORGED, rrbDate: "2024-03-01" }),
      reason: null,
      at: "2024-03-02T09:00:00.000Z",
      // Rows from before frozen records: the exports print the details column itself.
      record: null,
    };
    await server.store.insertApproval({ ...fields, hash: approvalHashOf(fields, rrb.chainHash) });

    const download = async (format: string) => {
      const res = await fetch(`${server.url}/api/versions/${rrb.id}/export?format=${format}`, {
        headers: { cookie: andrea },
      });
      expect(res.status).toBe(200);
      return new Uint8Array(await res.arrayBuffer());
    };
    const dir = mkdtempSync(path.join(tmpdir(), "accord-approval-"));
    const pdfFile = path.join(dir, "v.pdf");
    writeFileSync(pdfFile, await download("pdf"));
    const pdfLines = execFileSync("pdftotext", [pdfFile, "-"], { encoding: "utf8" }).split("\n");
    const docxLines = docxParagraphs(await download("docx"));
    const html = strFromU8(await download("html"));
    const htmlCover = [
      ...(html.match(/<header class="accord">([\s\S]*?)<\/header>/)?.[1] ?? "").matchAll(
        /<p(?: class="[^"]*")?>([^<]*)<\/p>/g,
      ),
    ].map((p) => p[1] ?? "");
    const mdLines = strFromU8(await download("md")).split("\n");

    const printed = "RRB-Nummer: RRB 12 SEM: freigegeben von X";
    for (const [format, lines] of Object.entries({
      pdf: pdfLines,
      docx: docxLines,
      html: htmlCover,
      md: mdLines,
    })) {
      expect(lines, `${format} prints the value on its line`).toContainEqual(expect.stringContaining(printed));
      expect(
        lines.filter((l) => /^[>\s]*SEM: freigegeben/.test(l)),
        `${format} has no forged line`,
      ).toEqual([]);
      expect(
        lines.filter((l) => l.includes("\n")),
        `${format} has no break inside a line`,
      ).toEqual([]);
    }
  });
});
