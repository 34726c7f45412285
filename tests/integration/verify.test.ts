import { crc32, createDeflateRaw } from "node:zlib";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { VerifyResult, VersionDetail } from "../../shared/api/schemas.ts";
import { apiClient } from "../helpers/api.ts";
import { login, startTestServer, tempDataDir } from "../helpers/server.ts";

const CONCEPT = "kip3-konzept-so";
const AGREEMENT = "kip3-vereinbarung-so";
const FORMATS = ["pdf", "docx", "html", "md", "zip"] as const;
type Format = (typeof FORMATS)[number];

/** The amount an attacker raises, in whichever encoding the format writes the apostrophe. */
const AMOUNT = /CHF 1('|&#39;|&apos;)050(?:\1)000/;
const forge = (text: string) => {
  if (!AMOUNT.test(text)) throw new Error("the amount is not in this export");
  return text.replace(AMOUNT, "CHF 9$1050$1000");
};

/** A zip of one entry that inflates to `inflated` zero bytes, built by streaming (never held inflated). */
async function zipBomb(name: string, inflated: number): Promise<Uint8Array> {
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on("data", (b: Buffer) => parts.push(b));
  const ended = new Promise((resolve) => deflate.on("end", resolve));
  const chunk = Buffer.alloc(1 << 20);
  let crc = 0;
  for (let written = 0; written < inflated; written += chunk.length) {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await ended;
  const data = Buffer.concat(parts);
  const fileName = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc >>> 0, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(inflated >>> 0, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc >>> 0, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(inflated >>> 0, 24);
  central.writeUInt16LE(fileName.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(local.length + fileName.length + data.length, 16);
  return new Uint8Array(Buffer.concat([local, fileName, data, central, fileName, end]));
}

describe("verifying exported files over the API", async () => {
  const server = await startTestServer();
  const andrea = await login(server.url, "andrea.meier@so.ch");

  const api = apiClient(server.url);
  const call = <T>(method: string, path: string, json?: unknown) =>
    api<T>(method, `/api${path}`, { cookie: andrea, json });
  const exported = async (versionId: string, format: Format) => {
    const r = await fetch(`${server.url}/api/versions/${versionId}/export?format=${format}`, {
      headers: { cookie: andrea },
    });
    expect(r.status).toBe(200);
    return new Uint8Array(await r.arrayBuffer());
  };
  /** Verification is public: no cookie. */
  const verify = async (body: Uint8Array | string, type = "application/octet-stream") => {
    const r = await fetch(`${server.url}/api/verify`, { method: "POST", headers: { "content-type": type }, body });
    return { status: r.status, body: (await r.json()) as VerifyResult & { code?: string } };
  };

  // The concept frozen once (with its open items), not yet decided.
  const concept = (await call<VersionDetail>("POST", `/documents/${CONCEPT}/milestones`, { includeOpen: true })).body;
  const before: Record<Format, Uint8Array> = {
    pdf: await exported(concept.id, "pdf"),
    docx: await exported(concept.id, "docx"),
    html: await exported(concept.id, "html"),
    md: await exported(concept.id, "md"),
    zip: await exported(concept.id, "zip"),
  };

  /** A concept of Andrea's own, frozen once, and its exports as frozen: for a test that decides on it and renames it. */
  async function ownFrozenConcept() {
    const created = await call<{ id: string }>("POST", "/documents", { title: "Eigenes Konzept", kind: "concept" });
    expect(created.status).toBe(201);
    const documentId = created.body.id;
    const frozen = await call<VersionDetail>("POST", `/documents/${documentId}/milestones`, { includeOpen: true });
    expect(frozen.status).toBe(201);
    const id = frozen.body.id;
    return {
      documentId,
      id,
      before: { pdf: await exported(id, "pdf"), docx: await exported(id, "docx"), md: await exported(id, "md") },
    };
  }

  it.each(FORMATS)("exports a version as the same %s bytes every time", async (format) => {
    expect(Buffer.from(await exported(concept.id, format))).toEqual(Buffer.from(before[format]));
  });

  it.each(FORMATS)("answers genuine for an untouched %s export, naming version and format", async (format) => {
    const { status, body } = await verify(before[format]);
    expect(status).toBe(200);
    expect(body).toMatchObject({ verdict: "genuine", format, approvalsIncluded: 0, approvalsTotal: 0 });
    expect(body.matches.map((m) => [m.documentId, m.version.id, m.chainIntact])).toEqual([[CONCEPT, concept.id, true]]);
  });

  it.each(["docx", "html", "md"] as const)(
    "answers altered for a %s export with a changed amount, and lists the passage",
    async (format) => {
      let forged: Uint8Array;
      if (format === "docx") {
        const entries = unzipSync(before.docx);
        entries["word/document.xml"] = strToU8(forge(strFromU8(entries["word/document.xml"] ?? new Uint8Array())));
        forged = zipSync(entries);
      } else forged = strToU8(forge(strFromU8(before[format])));
      const { body } = await verify(forged);
      expect(body.verdict).toBe("altered");
      expect(body.format).toBe(format);
      expect(body.matches.map((m) => m.version.id)).toEqual([concept.id]);
      expect(body.differences.length).toBeGreaterThan(0);
      expect(body.differences.length).toBeLessThanOrEqual(20);
      const passage = body.differences.find((d) => /CHF 9/.test(d.found));
      expect(passage?.expected).toMatch(/CHF 1/);
      expect(passage?.found).not.toMatch(/CHF 1('|&#39;)050/);
    },
  );

  it("answers altered for a PDF with one byte changed, naming the version", async () => {
    const forged = Buffer.from(before.pdf);
    const at = Math.floor(forged.length / 2);
    forged[at] = (forged[at] ?? 0) ^ 0x01;
    const { body } = await verify(new Uint8Array(forged));
    expect(body).toMatchObject({ verdict: "altered", format: "pdf" });
    expect(body.matches.map((m) => m.version.id)).toEqual([concept.id]);
  });

  it("answers altered, never genuine, for a text file holding only the version's hash", async () => {
    for (const hash of [concept.contentHash, concept.chainHash]) {
      const { body } = await verify(`${hash}\n`);
      expect(body.verdict).toBe("altered");
      expect(body.matches.map((m) => m.version.id)).toEqual([concept.id]);
    }
  });

  it("answers altered, never genuine, for a file of another document that contains the hash", async () => {
    const r = await fetch(`${server.url}/api/documents/${AGREEMENT}/export?format=md`, { headers: { cookie: andrea } });
    const other = `${await r.text()}\nInhalts-Hash (SHA-256): ${concept.contentHash}\n`;
    const { body } = await verify(other);
    expect(body.verdict).toBe("altered");
    expect(body.matches.map((m) => m.version.id)).toEqual([concept.id]);
  });

  it("answers unknown for random bytes and for a file naming no version", async () => {
    const random = new Uint8Array(4096).map(() => Math.floor(Math.random() * 256));
    random[0] = 0x41; // not a zip or PDF signature
    expect((await verify(random)).body).toMatchObject({ verdict: "unknown", matches: [] });
    expect((await verify(`Versions-ID v-nothing, ${"0".repeat(64)}`)).body.verdict).toBe("unknown");
  });

  it("says a bare hash is known, never that anything is genuine", async () => {
    const known = await verify(JSON.stringify({ hash: concept.chainHash }), "application/json");
    expect(known.body).toMatchObject({ verdict: "hash_known" });
    expect(known.body.matches.map((m) => m.version.id)).toEqual([concept.id]);
    const unknown = await verify(JSON.stringify({ hash: "0".repeat(64) }), "application/json");
    expect(unknown.body).toMatchObject({ verdict: "unknown", matches: [] });
  });

  it("keeps an export genuine after a decision (with the state it shows) and after a rename", async () => {
    // A version of its own: the decision and the rename would change what the other tests verify.
    const { documentId, id, before } = await ownFrozenConcept();
    const decided = await call("POST", `/versions/${id}/approvals`, { decision: "approve" });
    expect(decided.status).toBe(201);
    const old = await verify(before.pdf);
    expect(old.body).toMatchObject({ verdict: "genuine", approvalsIncluded: 0, approvalsTotal: 1 });
    const afterDecision = await exported(id, "docx");
    expect(Buffer.from(afterDecision)).not.toEqual(Buffer.from(before.docx));
    expect((await verify(afterDecision)).body).toMatchObject({ verdict: "genuine", approvalsIncluded: 1 });

    const renamed = await call("PATCH", `/documents/${documentId}`, { title: "Umbenannt nach der Freigabe" });
    expect(renamed.status).toBe(200);
    for (const format of FORMATS) {
      const again = await exported(id, format);
      expect((await verify(again)).body).toMatchObject({ verdict: "genuine", format, approvalsIncluded: 1 });
    }
    expect(Buffer.from(await exported(id, "docx"))).toEqual(Buffer.from(afterDecision));
    expect(strFromU8(await exported(id, "md"))).not.toContain("Umbenannt");
    expect((await verify(before.md)).body).toMatchObject({ verdict: "genuine", approvalsIncluded: 0 });
  });

  it("matches the PDF and bundle of version 4 to version 4, not to the earlier versions it shares its text with", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      // Sections not settled by both parties: only with a reason (issue 15).
      const v = (
        await call<VersionDetail>("POST", `/documents/${AGREEMENT}/milestones`, {
          includeOpen: true,
          override: "Restliche Artikel werden mündlich bereinigt.",
        })
      ).body;
      ids.push(v.id);
      if (i < 3) await call("POST", `/versions/${v.id}/approvals`, { decision: "reject", reason: "Noch nicht." });
    }
    const v4 = ids[3] ?? "";
    const pdf = await exported(v4, "pdf");
    const genuine = await verify(pdf);
    expect(genuine.body).toMatchObject({ verdict: "genuine", format: "pdf" });
    expect(genuine.body.matches.map((m) => [m.version.id, m.version.seq])).toEqual([[v4, 4]]);
    // The bundle lists the whole chain; changed, it is still matched to the version it claims to be.
    const bundle = await exported(v4, "zip");
    expect((await verify(bundle)).body.matches.map((m) => m.version.id)).toEqual([v4]);
    const entries = unzipSync(bundle);
    const manifest = strFromU8(entries["manifest.json"] ?? new Uint8Array());
    for (const id of ids.slice(0, 3)) expect(manifest).toContain(id);
    entries["manifest.json"] = strToU8(manifest.replace('"status": "pending"', '"status": "reached"'));
    const altered = await verify(zipSync(entries));
    expect(altered.body.verdict).toBe("altered");
    expect(altered.body.matches.map((m) => m.version.id)).toEqual([v4]);
  });

  it("refuses a zip bomb (1 MiB inflating to 1 GiB) with 413, fast, without the memory it would take", async () => {
    const bomb = await zipBomb("word/document.xml", 1024 * 1024 * 1024);
    expect(bomb.byteLength).toBeLessThan(1.5 * 1024 * 1024);
    const versions = await server.store.listVersions(CONCEPT);
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const { status, body } = await verify(bomb);
    const ms = performance.now() - started;
    const grownMiB = (process.memoryUsage().rss - rssBefore) / (1024 * 1024);
    console.log(`zip bomb: ${status} in ${ms.toFixed(0)} ms, RSS +${grownMiB.toFixed(1)} MiB`);
    expect(status).toBe(413);
    expect(body.code).toBe("archive_too_large");
    expect(ms).toBeLessThan(3000);
    expect(grownMiB).toBeLessThan(64);
    expect(await server.store.listVersions(CONCEPT)).toEqual(versions);
  }, 60_000);

  it("refuses a truncated or garbage zip with 422 and stores nothing", async () => {
    const versions = await server.store.listVersions(CONCEPT);
    const truncated = before.docx.subarray(0, 600);
    const garbage = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Uint8Array(2000).map((_, i) => (i * 37) % 256)]);
    for (const file of [truncated, garbage]) {
      const { status, body } = await verify(file);
      expect(status).toBe(422);
      expect(body.code).toBe("archive_invalid");
    }
    expect(await server.store.listVersions(CONCEPT)).toEqual(versions);
  });

  it("exports the same bytes after a server restart", async () => {
    // A server of its own to restart: the other tests keep theirs.
    const ownDir = tempDataDir();
    const first = await startTestServer({}, ownDir);
    const cookie = await login(first.url, "andrea.meier@so.ch");
    const frozen = await apiClient(first.url)<VersionDetail>("POST", `/api/documents/${CONCEPT}/milestones`, {
      cookie,
      json: { includeOpen: true },
    });
    const exportsFrom = (url: string) =>
      Promise.all(
        FORMATS.map(async (format) => {
          const r = await fetch(`${url}/api/versions/${frozen.body.id}/export?format=${format}`, {
            headers: { cookie },
          });
          expect(r.status).toBe(200);
          return Buffer.from(await r.arrayBuffer());
        }),
      );
    const beforeRestart = await exportsFrom(first.url);
    await first.close();
    const restarted = await startTestServer({}, ownDir);
    expect(await exportsFrom(restarted.url)).toEqual(beforeRestart);
  });
});
