import { randomBytes } from "node:crypto";
import { strToU8, Zip, ZipDeflate, ZipPassThrough, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { ArchiveError, readZip } from "./readZip.ts";

const LIMITS = { maxEntries: 100, maxTotalBytes: 8 * 1024 * 1024 };

/** Builds a zip by streaming, so a test can make a bomb without holding what it inflates to. */
function streamZip(build: (zip: Zip) => void): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    parts.push(data);
  });
  build(zip);
  zip.end();
  return Buffer.concat(parts);
}

/** `megabytes` MiB of zeros in one deflated entry: about 1 KiB per MiB on the wire. */
function bomb(megabytes: number): Uint8Array {
  return streamZip((zip) => {
    const entry = new ZipDeflate("word/document.xml", { level: 1 });
    zip.add(entry);
    const zeros = new Uint8Array(1024 * 1024);
    for (let i = 0; i < megabytes; i++) entry.push(zeros, i === megabytes - 1);
  });
}

async function refusal(promise: Promise<unknown>): Promise<ArchiveError> {
  const error = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(ArchiveError);
  return error as ArchiveError;
}

describe("readZip", () => {
  it("reads the entries of an honest archive, stored and deflated", async () => {
    const zip = zipSync({ "a.txt": strToU8("alpha"), "dir/b.xml": [strToU8("<b/>".repeat(100)), { level: 0 }] });
    const entries = await readZip(zip, LIMITS);
    expect([...entries.keys()].sort()).toEqual(["a.txt", "dir/b.xml"]);
    expect(Buffer.from(entries.get("a.txt") ?? []).toString()).toBe("alpha");
    expect(Buffer.from(entries.get("dir/b.xml") ?? []).toString()).toBe("<b/>".repeat(100));
  });

  it("inflates only the entries asked for", async () => {
    const zip = zipSync({ "keep.txt": strToU8("k"), "skip.bin": new Uint8Array(1000) });
    const entries = await readZip(zip, { maxEntries: 10, maxTotalBytes: 10 }, (name) => name === "keep.txt");
    expect([...entries.keys()]).toEqual(["keep.txt"]);
  });

  it("stops a zip bomb near the limit without inflating it whole", async () => {
    const file = bomb(256); // 256 MiB of zeros in a few hundred KiB, 32 times the limit
    expect(file.byteLength).toBeLessThan(2 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    const error = await refusal(readZip(file, LIMITS));
    expect(error.reason).toBe("too_large");
    // Allocated at most the limit plus one slice's worth, never the gigabyte.
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  }, 30_000); // building the bomb alone takes seconds on a loaded machine

  it("refuses more entries than allowed", async () => {
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`f${i}`, strToU8("x")]));
    expect((await refusal(readZip(zipSync(many), LIMITS))).reason).toBe("too_large");
  });

  it("refuses an archive with two entries of one name", async () => {
    const file = streamZip((zip) => {
      for (const text of ["first", "second"]) {
        const entry = new ZipPassThrough("word/document.xml");
        zip.add(entry);
        entry.push(strToU8(text), true);
      }
    });
    expect((await refusal(readZip(file, LIMITS))).reason).toBe("invalid");
  });

  it("refuses what is not a zip, and a truncated one", async () => {
    expect((await refusal(readZip(strToU8("%PDF-1.7 not a zip"), LIMITS))).reason).toBe("invalid");
    const whole = zipSync({ "a.bin": randomBytes(100_000) });
    expect((await refusal(readZip(whole.subarray(0, 200), LIMITS))).reason).toBe("invalid");
  });

  it("refuses an archive cut short before the entries asked for, and garbage behind a zip signature", async () => {
    const whole = zipSync({ "skip.bin": randomBytes(10_000), "want.xml": strToU8("<w/>") });
    const cut = whole.subarray(0, 5000);
    expect((await refusal(readZip(cut, LIMITS, (n) => n === "want.xml"))).reason).toBe("invalid");
    const garbage = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...randomBytes(2000)]);
    expect((await refusal(readZip(garbage, LIMITS))).reason).toBe("invalid");
  });
});
