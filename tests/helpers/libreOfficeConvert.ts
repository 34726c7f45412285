import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { strFromU8, unzipSync } from "fflate";
import { all, first, parseXml, type XmlElement } from "./xmlTree.ts";

const run = promisify(execFile);

/**
 * Converts `source` (e.g. a flat ODT a test wrote, with tracked changes and comments) with
 * LibreOffice, as a third-party writer makes the files users bring: `soffice --convert-to`.
 */
export async function convertWithLibreOffice(
  source: string | Uint8Array,
  from: string,
  to: string,
): Promise<Uint8Array> {
  const dir = mkdtempSync(path.join(tmpdir(), "accord-lo-"));
  try {
    const file = path.join(dir, `input.${from}`);
    writeFileSync(file, source);
    await run(
      "soffice",
      [
        `-env:UserInstallation=file://${path.join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        to,
        "--outdir",
        dir,
        file,
      ],
      { timeout: 120_000 },
    );
    return readFileSync(path.join(dir, `input.${to.split(":")[0]}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Converts a DOCX with `soffice --convert-to` (its own profile) and returns the result's bytes. */
export const convertDocx = (docx: Uint8Array, to: "odt" | "pdf"): Promise<Uint8Array> =>
  convertWithLibreOffice(docx, "docx", to);

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
    text: all(a, "text:p").map(deepText).join("\n"),
    resolved: a.attributes["loext:resolved"] === "true",
  }));
}

/** All text under `el`, spans included (LibreOffice wraps a comment's text in text:span). */
const deepText = (el: XmlElement): string => el.text + el.children.map(deepText).join("");

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
