import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { VerifyResult, VersionDetail } from "../../shared/api/schemas.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { startChildServer } from "../helpers/childServer.ts";
import { rssKb, sleep } from "../helpers/processStats.ts";
import { login, startTestServer, tempDataDir } from "../helpers/server.ts";
import { appendParagraph, connectClient } from "../helpers/yClient.ts";

const CONCEPT = "kip3-konzept-so";
const AGREEMENT = "kip3-vereinbarung-so";

/** POST /api/verify as anyone (no cookie): status, Retry-After and the parsed answer. */
async function verifyAt(url: string, body: Uint8Array | string) {
  const r = await fetch(`${url}/api/verify`, {
    method: "POST",
    headers: { "content-type": "application/octet-stream" },
    body,
  });
  return {
    status: r.status,
    retryAfter: r.headers.get("retry-after"),
    body: (await r.json()) as VerifyResult & { code?: string; message?: string },
  };
}

/** A minimal DOCX whose body is `xml` (only the entries verification reads). */
const docxOf = (xml: Uint8Array) =>
  zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": [xml, { level: 9 }] });

/** Samples a process's resident memory until stopped; the peak in MiB. */
function rssPeak(pid: number) {
  let peak = 0;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssKb(pid) / 1024);
    } catch {
      // The process is gone (killed by the upload): the peak so far stands.
    }
  }, 20);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

describe("verification cost is bounded whatever the upload (issue 11)", async () => {
  const server = await startTestServer();
  const andrea = await login(server.url, "andrea.meier@so.ch");
  const post = async <T>(path: string, json: unknown) => {
    const r = await fetch(`${server.url}/api${path}`, {
      method: "POST",
      headers: { cookie: andrea, "content-type": "application/json" },
      body: JSON.stringify(json),
    });
    expect(r.status).toBeLessThan(300);
    return (await r.json()) as T;
  };
  const exported = async (versionId: string, format: string) =>
    new Uint8Array(
      await (
        await fetch(`${server.url}/api/versions/${versionId}/export?format=${format}`, { headers: { cookie: andrea } })
      ).arrayBuffer(),
    );

  // The concept made long (600 paragraphs, so that each export costs), then frozen and
  // rejected five times: five versions whose hashes every holder of an export knows.
  const c = connectClient(server.url, CONCEPT, andrea, { reconnect: false });
  await c.synced;
  c.doc.transact(() => {
    const content = c.doc.getXmlFragment(CONTENT_FIELD);
    for (let i = 0; i < 600; i++) {
      const p = new Y.XmlElement("paragraph");
      p.insert(0, [
        new Y.XmlText(`Absatz ${i}: ${"Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(4)}`),
      ]);
      content.insert(content.length, [p]);
    }
  });
  await sleep(1500);
  c.destroy();
  const versions: VersionDetail[] = [];
  for (let i = 0; i < 5; i++) {
    const v = await post<VersionDetail>(`/documents/${CONCEPT}/milestones`, {});
    await post(`/versions/${v.id}/approvals`, { decision: "reject", reason: "nochmals" });
    versions.push(v);
  }

  it("re-exports nothing for a 300-byte fake bundle naming five versions' chain hashes", async () => {
    const fake = zipSync({ "manifest.json": strToU8(JSON.stringify({ hashes: versions.map((v) => v.chainHash) })) });
    expect(fake.byteLength).toBeLessThan(400);
    const t0 = performance.now();
    const { status, body } = await verifyAt(server.url, fake);
    const ms = performance.now() - t0;
    console.log(`fake bundle of ${fake.byteLength} bytes: ${ms.toFixed(0)} ms`);
    expect(status).toBe(200);
    expect(body.verdict).toBe("altered");
    expect(body.matches.map((m) => m.version.id)).toEqual([versions[4]?.id]);
    // Before the fix: 5 versions × 2 decision states, each a PDF and a DOCX, 4.5 s of CPU.
    expect(ms).toBeLessThan(1000);
  });

  it("renders a version's exports once: a second check of a bundle takes no new render", async () => {
    const zip = await exported(versions[2]?.id ?? "", "zip");
    const first = await verifyAt(server.url, zip);
    expect(first.body).toMatchObject({ verdict: "genuine", approvalsIncluded: 1, approvalsTotal: 1 });
    const t0 = performance.now();
    const again = await Promise.all([1, 2, 3].map(() => verifyAt(server.url, zip)));
    expect(again.map((r) => r.body.verdict)).toEqual(["genuine", "genuine", "genuine"]);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it("keeps a genuine export genuine when its text names five versions of another document", async () => {
    const a = connectClient(server.url, AGREEMENT, andrea, { reconnect: false });
    await a.synced;
    for (const v of versions) appendParagraph(a.doc, `Bezug: Versions-ID ${v.id} ${v.chainHash} ${v.contentHash}`);
    await sleep(500);
    a.destroy();
    // Sections not settled by both parties: only with a reason (issue 15).
    const own = await post<VersionDetail>(`/documents/${AGREEMENT}/milestones`, {
      override: "Restliche Artikel werden mündlich bereinigt.",
    });
    for (const format of ["md", "html", "docx", "pdf", "zip"]) {
      const { body } = await verifyAt(server.url, await exported(own.id, format));
      expect({ format, verdict: body.verdict, matches: body.matches.map((m) => m.version.id) }).toEqual({
        format,
        verdict: "genuine",
        matches: [own.id],
      });
    }
    // Altered, it is still compared with its own version, not with one it mentions.
    const md = new TextDecoder().decode(await exported(own.id, "md")).replace("Bezug:", "Bezugnahme:");
    const altered = await verifyAt(server.url, md);
    expect(altered.body.verdict).toBe("altered");
    expect(altered.body.matches.map((m) => m.version.id)).toEqual([own.id]);
    expect(altered.body.differences.length).toBeGreaterThan(0);
  });

  it("refuses a DOCX body nested deeper than WordprocessingML goes (422), naming the reason", async () => {
    const deep = docxOf(strToU8(`${"<a>".repeat(100)}${"</a>".repeat(100)}`));
    const { status, body } = await verifyAt(server.url, deep);
    expect(status).toBe(422);
    expect(body.code).toBe("archive_invalid");
    expect(body.message).toMatch(/nested deeper than 64/);
    // 64 levels are still read (the file names no version: unknown).
    const ok = docxOf(strToU8(`${"<a>".repeat(64)}${"</a>".repeat(64)}`));
    expect((await verifyAt(server.url, ok)).body.verdict).toBe("unknown");
  });
});

describe("verification work is limited in concurrency", async () => {
  const server = await startTestServer({ VERIFY_CONCURRENCY: "1", VERIFY_QUEUE: "1" });

  it("answers 503 server_busy with Retry-After beyond the running and queued checks, and serves the rest", async () => {
    const body = new Uint8Array(4 * 1024 * 1024).fill(10);
    const results = await Promise.all(Array.from({ length: 6 }, () => verifyAt(server.url, body)));
    const busy = results.filter((r) => r.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    for (const r of busy) {
      expect(r.body.code).toBe("server_busy");
      expect(Number(r.retryAfter)).toBeGreaterThan(0);
    }
    const served = results.filter((r) => r.status === 200);
    expect(served.length).toBeGreaterThanOrEqual(2);
    for (const r of served) expect(r.body.verdict).toBe("unknown");
    // Once the queue has drained, checks are served again.
    expect((await verifyAt(server.url, body)).status).toBe(200);
  });
});

describe("uploads that would cost memory or block the event loop (own process, measured)", () => {
  it("refuses a 31 KB DOCX of 10.5 million open tags fast, with bounded memory, while /readyz answers", async () => {
    const server = await startChildServer(tempDataDir());
    const bomb = docxOf(strToU8("<a>".repeat(10_500_000)));
    expect(bomb.byteLength).toBeLessThan(40_000);
    const idle = rssKb(server.process.pid ?? 0) / 1024;
    const stop = rssPeak(server.process.pid ?? 0);
    const t0 = performance.now();
    const uploads = [verifyAt(server.url, bomb), verifyAt(server.url, bomb)];
    await sleep(100);
    const r0 = performance.now();
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const readyMs = performance.now() - r0;
    const results = await Promise.all(uploads);
    const ms = performance.now() - t0;
    const peak = stop();
    console.log(
      `nesting bomb: ${ms.toFixed(0)} ms, /readyz ${readyMs.toFixed(0)} ms, RSS ${idle.toFixed(0)} → peak ${peak.toFixed(0)} MiB`,
    );
    expect(results.map((r) => [r.status, r.body.code])).toEqual([
      [422, "archive_invalid"],
      [422, "archive_invalid"],
    ]);
    expect(peak - idle).toBeLessThan(250); // before: 3.2 GB and 18 s
    expect(readyMs).toBeLessThan(1000);
    expect(ms).toBeLessThan(5000);
  }, 60_000);

  it("keeps 8 concurrent 25 MiB uploads of newlines within bounded memory", async () => {
    const server = await startChildServer(tempDataDir());
    const body = new Uint8Array(25 * 1024 * 1024 - 1024).fill(10);
    const idle = rssKb(server.process.pid ?? 0) / 1024;
    const stop = rssPeak(server.process.pid ?? 0);
    const t0 = performance.now();
    const results = await Promise.all(Array.from({ length: 8 }, () => verifyAt(server.url, body)));
    const peak = stop();
    console.log(
      `8 × 25 MiB of newlines: ${(performance.now() - t0).toFixed(0)} ms, RSS ${idle.toFixed(0)} → peak ${peak.toFixed(0)} MiB`,
    );
    expect(results.map((r) => r.body.verdict)).toEqual(Array(8).fill("unknown"));
    expect(peak - idle).toBeLessThan(300); // before: about 1 GB
  }, 60_000);
});
