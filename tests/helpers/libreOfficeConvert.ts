import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { strFromU8, unzipSync } from "fflate";
import { all, first, parseXml, type XmlElement } from "./xmlTree.ts";

const run = promisify(execFile);

/** Converts a DOCX with `soffice --convert-to` (its own profile) and returns the result's bytes. */
export async function convertDocx(docx: Uint8Array, to: "odt" | "pdf"): Promise<Uint8Array> {
  const dir = mkdtempSync(path.join(tmpdir(), "accord-lo-"));
  try {
    const input = path.join(dir, "in.docx");
    writeFileSync(input, docx);
    await run(
      "soffice",
      [
        `-env:UserInstallation=file://${path.join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        to,
        "--outdir",
        dir,
        input,
      ],
      { timeout: 120_000 },
    );
    return readFileSync(path.join(dir, `in.${to}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The ODT LibreOffice makes of a DOCX: its content.xml, parsed. */
export async function libreOfficeContent(docx: Uint8Array): Promise<XmlElement> {
  const odt = unzipSync(await convertDocx(docx, "odt"));
  return parseXml(strFromU8(odt["content.xml"] ?? new Uint8Array()));
}

/**
 * The comments as LibreOffice reads them, from the ODT it saves (annotations). The UNO
 * outcomes helper loses its LibreOffice on any document with a comment on this machine's
 * LibreOffice 7.4, LibreOffice-made files included; the conversion does not.
 */
export async function libreOfficeComments(docx: Uint8Array) {
  return all(await libreOfficeContent(docx), "office:annotation").map((a) => ({
    author: first(a, "dc:creator")?.text ?? "",
    date: first(a, "dc:date")?.text ?? "",
    text: all(a, "text:p")
      .map((p) => p.text)
      .join("\n"),
    resolved: a.attributes["loext:resolved"] === "true",
  }));
}

/** The text of the PDF LibreOffice prints of a DOCX, laid out as on the page (pdftotext -layout). */
export async function libreOfficePdfText(docx: Uint8Array): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), "accord-pdf-"));
  try {
    const file = path.join(dir, "out.pdf");
    writeFileSync(file, await convertDocx(docx, "pdf"));
    return (await run("pdftotext", ["-layout", file, "-"], { maxBuffer: 64 << 20 })).stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
