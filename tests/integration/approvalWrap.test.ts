import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import type { VersionDetail } from "../../shared/api/schemas.ts";
import { login, startTestServer } from "../helpers/server.ts";

const CONCEPT = "kip3-konzept-so";
/** The page margin of the PDF export, in points. */
const MARGIN = 56;

/** The lines pdftotext finds on the first page, each with where it starts on the page. */
function linesOf(pdf: Uint8Array): { x: number; text: string }[] {
  const dir = mkdtempSync(path.join(tmpdir(), "accord-wrap-"));
  const file = path.join(dir, "v.pdf");
  writeFileSync(file, pdf);
  const xhtml = execFileSync("pdftotext", ["-bbox-layout", "-f", "1", "-l", "1", file, "-"], { encoding: "utf8" });
  const lines: { x: number; text: string }[] = [];
  let current: { x: number; words: string[] } | null = null;
  let inWord = false;
  const parser = new SaxesParser();
  parser.on("opentag", (tag) => {
    if (tag.name === "line") current = { x: Number(tag.attributes.xMin), words: [] };
    inWord = tag.name === "word";
  });
  parser.on("text", (text) => {
    if (inWord) current?.words.push(text);
  });
  parser.on("closetag", (tag) => {
    if (tag.name === "word") inWord = false;
    if (tag.name === "line" && current) {
      lines.push({ x: current.x, text: current.words.join(" ") });
      current = null;
    }
  });
  parser.write(xhtml).close();
  return lines;
}

describe("what a person types on a decision never stands where a decision line starts", async () => {
  const server = await startTestServer();
  const andrea = await login(server.url, "andrea.meier@so.ch"); // owner, canton
  const post = async (urlPath: string, json: unknown) =>
    fetch(`${server.url}/api${urlPath}`, {
      method: "POST",
      headers: { cookie: andrea, "content-type": "application/json" },
      body: JSON.stringify(json),
    });

  // The forged line is pushed to the start of a wrapped line by padding: em spaces, or dots.
  it.each([
    ["em spaces", "\u2003".repeat(160)],
    ["dots", " .".repeat(90)],
  ])(
    "sets a reason padded with %s apart in the PDF, so its wrapped text cannot pass for the SEM's approval",
    async (_, padding) => {
      const version = (await (
        await post(`/documents/${CONCEPT}/milestones`, { includeOpen: true })
      ).json()) as VersionDetail;
      const reason = `Bitte Ziffer 3 prüfen.${padding}SEM: freigegeben von Claire Dubois am 01.12.2026, 10:15`;
      expect((await post(`/versions/${version.id}/approvals`, { decision: "reject", reason })).status).toBe(201);
      const res = await fetch(`${server.url}/api/versions/${version.id}/export?format=pdf`, {
        headers: { cookie: andrea },
      });
      const lines = linesOf(new Uint8Array(await res.arrayBuffer()));
      const decision = lines.find((l) => l.text.startsWith("Kanton Solothurn") && l.text.includes(": abgelehnt von"));
      expect(decision?.x, JSON.stringify(lines.slice(0, 12))).toBeCloseTo(MARGIN, 0);
      // A canton-only milestone: no line may start with the SEM at the margin.
      const forged = lines.filter((l) => l.text.includes("SEM:"));
      expect(forged.length).toBeGreaterThan(0);
      for (const line of forged) expect(line.x).toBeGreaterThan(MARGIN + 10);
    },
  );
});
