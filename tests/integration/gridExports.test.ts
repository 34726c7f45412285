import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { docxParagraphs } from "../helpers/docx.ts";
import { login, startTestServer } from "../helpers/server.ts";

const AGREEMENT = "kip3-vereinbarung-so";
/** The demo grid's 2026 and period lines (hand computation in financeGrid.test.ts). */
const SHORT_YEAR =
  "2026: Bund 1'000'000 · Kanton 720'000 · Gemeinden 240'000 · Dritte 65'000 · Total 2'025'000 · Mitfinanzierung NICHT erfüllt (960'000 < 1'000'000)";
const PERIOD =
  "Gesamt: Bund 4'000'000 · Kanton 2'880'000 · Gemeinden 1'230'000 · Dritte 260'000 · Total 8'370'000 · Mitfinanzierung erfüllt";

// Issue 15, item 3: DOCX and PDF print the finance grid's totals and the matching check's result.
describe("exports print the grids' totals and checks", async () => {
  const server = await startTestServer();
  const andrea = await login(server.url, "andrea.meier@so.ch");
  const download = async (format: string) => {
    const res = await fetch(`${server.url}/api/documents/${AGREEMENT}/export?format=${format}`, {
      headers: { cookie: andrea },
    });
    expect(res.status).toBe(200);
    return new Uint8Array(await res.arrayBuffer());
  };

  it("prints the totals per year and in total and the 2026 shortfall in DOCX and PDF (and HTML, Markdown)", async () => {
    // The helper returns the XML's text as written (entities kept).
    const docxLines = docxParagraphs(await download("docx")).map((l) =>
      l
        .replace(/&apos;/g, "'")
        .replace(/&lt;/g, "<")
        .replace(/&amp;/g, "&"),
    );
    const dir = mkdtempSync(path.join(tmpdir(), "accord-grids-"));
    const pdfFile = path.join(dir, "draft.pdf");
    writeFileSync(pdfFile, await download("pdf"));
    const pdfText = execFileSync("pdftotext", ["-raw", pdfFile, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    for (const line of [SHORT_YEAR, PERIOD, "Zielraster: jeder Förderbereich hat ein Ziel"]) {
      expect(docxLines).toContain(line);
      expect(pdfText).toContain(line);
    }
    const md = new TextDecoder().decode(await download("md"));
    expect(md).toContain("Mitfinanzierung NICHT erfüllt");
  });
});
