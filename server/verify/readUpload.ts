import { strFromU8 } from "fflate";
import { ArchiveError, readZip, type ZipLimits } from "../archive/readZip.ts";
import type { ExportFormat } from "../export/index.ts";
import { docxParagraphs } from "./docxText.ts";

/** The text of an upload for a comparison, in units (lines, or DOCX paragraphs), built only when asked. */
export interface UploadText {
  /** How many units there are, known without building them. */
  count: number;
  units(): string[];
}

/** An uploaded file as verification sees it: its bytes, what format it looks like, what it names. */
export interface Upload {
  bytes: Uint8Array;
  /** The export format it looks like; null for an archive that is neither a DOCX nor a bundle. */
  format: ExportFormat | null;
  /** 64-hex strings it carries (content and chain hashes), at most `MAX_HASHES`. */
  hashes: string[];
  /**
   * The version it says it is, where an export says so: the id in its cover block (the
   * first "Versions-ID" line, which precedes the text in every export), the manifest's
   * `version.id`; for a PDF the hashes of its document information (Keywords). Only this
   * version can be what the file is an export of.
   */
  own: { id: string } | { hashes: string[] } | null;
  /** Version ids it mentions anywhere ("Versions-ID …"): the history it refers to, never its own. */
  mentionedIds: string[];
  /** Its text for a comparison with the export it claims to be; null for PDF and zip. */
  text: UploadText | null;
}

const MAX_HASHES = 50;
const HASH = /\b[0-9a-f]{64}\b/g;
// Markdown escapes "_" in the cover block, hence the optional backslashes.
const ID = String.raw`((?:\\?[A-Za-z0-9_-])+)`;
const VERSION_ID = new RegExp(`Versions-ID ${ID}`, "g");
/** The cover block's line: a paragraph of its own in DOCX, "> " in Markdown, "<p>" in HTML. */
const COVER_ID = new RegExp(`^(?:> |<p>)?Versions-ID ${ID}`, "m");
/**
 * The document information's Keywords: a literal `(content chain)`, or (as pdfkit writes
 * it) a reference `N G R` to an object holding that literal.
 */
const PDF_KEYWORDS = /\/Keywords\s*(?:\(([0-9a-f ]{64,200})\)|(\d{1,10}) (\d{1,5}) R)/;
const HASH_LITERAL = "\\(([0-9a-f ]{64,200})\\)";

function pdfKeywords(raw: string): string | undefined {
  const m = PDF_KEYWORDS.exec(raw);
  if (!m || m[1]) return m?.[1];
  return new RegExp(`(?:^|\\s)${m[2]} ${m[3]} obj\\s*${HASH_LITERAL}\\s*endobj`).exec(raw)?.[1];
}

const unescapeId = (id: string) => id.replace(/\\/g, "");
const hashesIn = (text: string) => [...new Set(text.match(HASH) ?? [])].slice(0, MAX_HASHES);
const idsIn = (text: string) =>
  [...new Set([...text.matchAll(VERSION_ID)].map((m) => unescapeId(m[1] ?? "")))].slice(0, MAX_HASHES);
const coverIdIn = (text: string): Upload["own"] => {
  const id = COVER_ID.exec(text)?.[1];
  return id ? { id: unescapeId(id) } : null;
};

const startsWith = (bytes: Uint8Array, magic: string) =>
  bytes.byteLength >= magic.length && [...magic].every((c, i) => bytes[i] === c.charCodeAt(0));

const countOf = (bytes: Uint8Array, byte: number) => {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === byte) n++;
  return n;
};

/** Entries verification inflates; every other entry of an upload is counted, never inflated. */
const WANTED = new Set(["word/document.xml", "docProps/core.xml", "manifest.json"]);

/** A DOCX body that is not well-formed XML (or nested past the bound) is not a readable DOCX (422). */
async function paragraphsOf(xml: Uint8Array): Promise<string[]> {
  try {
    return await docxParagraphs(xml);
  } catch (err) {
    throw new ArchiveError(
      "invalid",
      `word/document.xml is not a readable WordprocessingML body: ${(err as Error).message}`,
    );
  }
}

/** The version the bundle's manifest says it is, if the manifest reads as one. */
function manifestOwn(manifest: string): Upload["own"] {
  try {
    const id = (JSON.parse(manifest) as { version?: { id?: unknown } }).version?.id;
    return typeof id === "string" ? { id } : null;
  } catch {
    return null;
  }
}

function readPdf(bytes: Uint8Array): Upload {
  const raw = Buffer.from(bytes).toString("latin1");
  const keywords = pdfKeywords(raw);
  // A PDF re-saved by another program may write its information differently: then whatever
  // hashes it carries are only history.
  const own = keywords ? hashesIn(keywords) : [];
  return {
    bytes,
    format: "pdf",
    hashes: own.length > 0 ? own : hashesIn(raw),
    own: own.length > 0 ? { hashes: own } : null,
    mentionedIds: [],
    text: null,
  };
}

async function readArchive(bytes: Uint8Array, limits: ZipLimits): Promise<Upload> {
  const entries = await readZip(bytes, limits, (name) => WANTED.has(name));
  const manifest = entries.get("manifest.json");
  if (manifest) {
    const text = strFromU8(manifest);
    return { bytes, format: "zip", hashes: hashesIn(text), own: manifestOwn(text), mentionedIds: [], text: null };
  }
  const body = entries.get("word/document.xml");
  if (!body) return { bytes, format: null, hashes: [], own: null, mentionedIds: [], text: null };
  const paragraphs = await paragraphsOf(body);
  const core = strFromU8(entries.get("docProps/core.xml") ?? new Uint8Array());
  const text = paragraphs.join("\n");
  return {
    bytes,
    format: "docx",
    hashes: hashesIn(`${core}\n${text}`),
    // The first paragraph is the title (the owners' words), the cover block follows it.
    own: coverIdIn(paragraphs.slice(1).join("\n")),
    mentionedIds: idsIn(text),
    text: { count: paragraphs.length, units: () => paragraphs },
  };
}

/**
 * Reads an uploaded file for verification. A zip (DOCX, bundle) is opened only through the
 * bounded inflater, and only the parts that carry text are inflated (`ArchiveError` past the
 * limits); raw compressed bytes are never searched. A PDF is searched as it is: its
 * document information (Keywords: the hashes) is not compressed. HTML and Markdown are split
 * into lines only when a comparison asks for them.
 */
export async function readUpload(bytes: Uint8Array, limits: ZipLimits): Promise<Upload> {
  if (startsWith(bytes, "%PDF-")) return readPdf(bytes);
  if (startsWith(bytes, "PK\x03\x04")) return await readArchive(bytes, limits);
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  const format = /^\s*<!DOCTYPE html/i.test(text) ? "html" : "md";
  return {
    bytes,
    format,
    hashes: hashesIn(text),
    own: coverIdIn(text),
    mentionedIds: idsIn(text),
    text: { count: countOf(bytes, 10) + 1, units: () => text.split("\n") },
  };
}
