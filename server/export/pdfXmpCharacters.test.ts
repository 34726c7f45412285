import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SaxesParser } from "saxes";
import { afterAll, describe, expect, it } from "vitest";
import { draftMeta } from "./meta.ts";
import { pdfOf } from "./pdf.ts";

const dir = mkdtempSync(path.join(tmpdir(), "accord-pdf-xmp-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the PDF's XMP packet with a title XML cannot hold", () => {
  it("stays well-formed when the title holds U+FFFE or U+FFFF (a title check lets them through)", async () => {
    // Noncharacters are no control or format characters: the one-line title rule keeps them.
    const title = "Vertrag \uFFFE\uFFFF Bern";
    const file = path.join(dir, "title.pdf");
    writeFileSync(
      file,
      await pdfOf({ type: "doc", content: [{ type: "paragraph" }] }, draftMeta(title, "d", "Vereinbarung"), title),
    );
    const xmp = execFileSync("pdfinfo", ["-meta", file], { encoding: "utf8" }).replace(/^\uFEFF/, "");
    expect(xmp).toContain("dc:title");
    expect(() => new SaxesParser({ xmlns: false }).write(xmp).close()).not.toThrow();
  });
});
