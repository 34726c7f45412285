import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readUpload } from "./readUpload.ts";

const LIMITS = { maxEntries: 10, maxTotalBytes: 1024 * 1024 };
const h = (c: string) => c.repeat(64);

describe("readUpload: the version a file names as its own", () => {
  it("takes the cover block's Versions-ID in Markdown, not the title's or the text's", async () => {
    const md = `# Versions-ID v-title\n\n> Konzept  \n> Versions-ID v\\_own, eingefroren am 1.1.2026  \n\nVersions-ID v-other ${h("a")}\n`;
    const upload = await readUpload(strToU8(md), LIMITS);
    expect(upload.own).toEqual({ id: "v_own" });
    expect(upload.mentionedIds).toEqual(["v-title", "v_own", "v-other"]);
    expect(upload.text?.count).toBe(7);
    expect(upload.text?.units()[3]).toBe("> Versions-ID v\\_own, eingefroren am 1.1.2026  ");
  });

  it("takes the first cover paragraph of a DOCX after its title", async () => {
    const p = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
    const body = `<w:document><w:body>${p("Versions-ID v-title")}${p("Konzept")}${p("Versions-ID v-own, eingefroren")}${p("Versions-ID v-other")}</w:body></w:document>`;
    const upload = await readUpload(zipSync({ "word/document.xml": strToU8(body) }), LIMITS);
    expect(upload.format).toBe("docx");
    expect(upload.own).toEqual({ id: "v-own" });
  });

  it("takes a PDF's hashes from its document information only, literal or referenced", async () => {
    const referenced = `%PDF-1.3\n${h("c")}\n7 0 obj\n(${h("a")} ${h("b")})\nendobj\n8 0 obj\n<<\n/Keywords 7 0 R\n>>\nendobj\n`;
    expect(await readUpload(strToU8(referenced), LIMITS)).toMatchObject({
      own: { hashes: [h("a"), h("b")] },
      hashes: [h("a"), h("b")],
    });
    const literal = `%PDF-1.3\n<< /Keywords (${h("a")}) >>\n${h("c")}`;
    expect((await readUpload(strToU8(literal), LIMITS)).own).toEqual({ hashes: [h("a")] });
    // Without Keywords (re-saved elsewhere) its hashes are history only.
    expect(await readUpload(strToU8(`%PDF-1.3\n${h("c")}`), LIMITS)).toMatchObject({ own: null, hashes: [h("c")] });
  });

  it("takes the bundle manifest's version.id", async () => {
    const manifest = JSON.stringify({ version: { id: "v-own" }, chain: [{ chainHash: h("d") }] });
    const upload = await readUpload(zipSync({ "manifest.json": strToU8(manifest) }), LIMITS);
    expect(upload).toMatchObject({ format: "zip", own: { id: "v-own" }, hashes: [h("d")] });
  });
});
