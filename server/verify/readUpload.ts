import { strFromU8 } from "fflate";
import { ArchiveError, readZip, type ZipLimits } from "../archive/readZip.ts";
import type { ExportFormat } from "../export/index.ts";
import { docxParagraphs } from "./docxText.ts";

/** An uploaded file as verification sees it: its bytes, what format it looks like, what it names. */
export interface Upload {
  bytes: Uint8Array;
  /** The export format it looks like; null for an archive that is neither a DOCX nor a bundle. */
  format: ExportFormat | null;
  /** 64-hex strings it carries (content and chain hashes), at most `MAX_HASHES`. */
  hashes: string[];
  /** Version ids it names as its own ("Versions-ID …", the bundle manifest's version). */
  claimedIds: string[];
  /** Its text for a comparison with the export it claims to be: lines, or DOCX paragraphs; null for PDF and zip. */
  text: string[] | null;
}

const MAX_HASHES = 50;
const HASH = /\b[0-9a-f]{64}\b/g;
// Markdown escapes "_" in the cover block, hence the optional backslashes.
const VERSION_ID = /Versions-ID ((?:\\?[A-Za-z0-9_-])+)/g;

const hashesIn = (text: string) => [...new Set(text.match(HASH) ?? [])].slice(0, MAX_HASHES);
const idsIn = (text: string) =>
  [...new Set([...text.matchAll(VERSION_ID)].map((m) => (m[1] ?? "").replace(/\\/g, "")))].slice(0, MAX_HASHES);

const startsWith = (bytes: Uint8Array, magic: string) =>
  bytes.byteLength >= magic.length && [...magic].every((c, i) => bytes[i] === c.charCodeAt(0));

/** Entries verification inflates; every other entry of an upload is counted, never inflated. */
const WANTED = new Set(["word/document.xml", "docProps/core.xml", "manifest.json"]);

/** A DOCX body that is not well-formed XML is not a readable DOCX (422), like a broken zip. */
function paragraphsOf(xml: string): string[] {
  try {
    return docxParagraphs(xml);
  } catch (err) {
    throw new ArchiveError("invalid", `word/document.xml is not well-formed: ${(err as Error).message}`);
  }
}

/** The version the bundle's manifest says it is, if the manifest reads as one. */
function manifestVersionId(manifest: string): string[] {
  try {
    const id = (JSON.parse(manifest) as { version?: { id?: unknown } }).version?.id;
    return typeof id === "string" ? [id] : [];
  } catch {
    return [];
  }
}

/**
 * Reads an uploaded file for verification. A zip (DOCX, bundle) is opened only through the
 * bounded inflater, and only the parts that carry text are inflated (`ArchiveError` past the
 * limits); raw compressed bytes are never searched. A PDF is searched as it is: its
 * document information (Keywords: the hashes) is not compressed.
 */
export async function readUpload(bytes: Uint8Array, limits: ZipLimits): Promise<Upload> {
  if (startsWith(bytes, "%PDF-")) {
    const raw = Buffer.from(bytes).toString("latin1");
    return { bytes, format: "pdf", hashes: hashesIn(raw), claimedIds: [], text: null };
  }
  if (startsWith(bytes, "PK\x03\x04")) {
    const entries = await readZip(bytes, limits, (name) => WANTED.has(name));
    const manifest = entries.get("manifest.json");
    if (manifest) {
      const text = strFromU8(manifest);
      return { bytes, format: "zip", hashes: hashesIn(text), claimedIds: manifestVersionId(text), text: null };
    }
    const body = entries.get("word/document.xml");
    if (!body) return { bytes, format: null, hashes: [], claimedIds: [], text: null };
    const paragraphs = paragraphsOf(strFromU8(body));
    const core = strFromU8(entries.get("docProps/core.xml") ?? new Uint8Array());
    const text = `${core}\n${paragraphs.join("\n")}`;
    return { bytes, format: "docx", hashes: hashesIn(text), claimedIds: idsIn(text), text: paragraphs };
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  const format = /^\s*<!DOCTYPE html/i.test(text) ? "html" : "md";
  return { bytes, format, hashes: hashesIn(text), claimedIds: idsIn(text), text: text.split("\n") };
}
