import { getSchema, type JSONContent } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { schemaExtensions } from "../../../shared/schema/extensions.ts";
import { DocxImportError, type ImportedDocx } from "../imported.ts";
import { readBody } from "./body.ts";
import { readComments, readCommentsExtended, threadsOf } from "./comments.ts";
import { readNumbering } from "./numbering.ts";
import { DEFAULT_DOCX_LIMITS, type DocxLimits, openPackage, PARTS } from "./package.ts";
import { readHyperlinks } from "./relationships.ts";
import { ReportCounter } from "./report.ts";
import { joinAdjacentRevisions, RevisionTable } from "./revisions.ts";
import { readStyles } from "./styles.ts";
import { parseXml, type XmlElement } from "./xml.ts";

let cachedSchema: Schema | null = null;
const schema = (): Schema => {
  cachedSchema ??= getSchema(schemaExtensions());
  return cachedSchema;
};

/** Elements whose text the reader keeps; every other text in a part is layout whitespace. */
const TEXT_ELEMENTS: ReadonlySet<string> = new Set(["w:t", "w:delText"]);

/** Header and footer parts, counted by name: their content is not imported. */
const HEADER_OR_FOOTER = /^word\/(header|footer)\d*\.xml$/;

/**
 * Reads a Word file (DOCX bytes from outside) into Accord's model: the body as a document
 * of the shared schema with Word's tracked changes as suggestion marks, comment threads,
 * the document language and a report of what was and was not carried over. Bounded at
 * every step (file size, zip entries and inflated bytes, XML depth, attributes and
 * elements); throws `DocxImportError` with the problem code when a file is refused.
 */
export async function readDocx(bytes: Uint8Array, limits: Partial<DocxLimits> = {}): Promise<ImportedDocx> {
  const bounds: DocxLimits = { ...DEFAULT_DOCX_LIMITS, ...limits };
  const pkg = await openPackage(bytes, bounds);
  const part = async (name: string): Promise<XmlElement | undefined> => {
    const data = pkg.parts.get(name);
    return data ? parseXml(data, bounds, TEXT_ELEMENTS) : undefined;
  };
  await part(PARTS.contentTypes);
  const document = (await part(PARTS.document)) as XmlElement;
  if (document.name !== "w:document") throw new DocxImportError("no_document", "word/document.xml is no Word document");

  const report = new ReportCounter();
  const revisions = new RevisionTable();
  const styles = readStyles(await part(PARTS.styles));
  const blocks = readBody(document, {
    styles,
    numbering: readNumbering(await part(PARTS.numbering)),
    links: readHyperlinks(await part(PARTS.documentRels)),
    revisions,
    report,
  });
  report.skip("headersFooters", pkg.names.filter((name) => HEADER_OR_FOOTER.test(name)).length);

  const json: JSONContent = { type: "doc", content: blocks.length ? blocks : [{ type: "paragraph" }] };
  joinAdjacentRevisions(json, revisions);
  const { ranges, used } = settleAnchors(json, schema());
  revisions.restrictTo(used);
  report.keep("insertions", revisions.count("insertion"));
  report.keep("deletions", revisions.count("deletion"));

  let doc: JSONContent;
  try {
    const node = schema().nodeFromJSON(json);
    node.check();
    doc = node.toJSON() as JSONContent;
  } catch (err) {
    // The reader builds only what the schema allows; a file that still does not fit is refused, not stored half-read.
    throw new DocxImportError(
      "too_complex",
      `the document does not fit Accord's schema: ${(err as Error).message.slice(0, 200)}`,
    );
  }

  const comments = readComments(await part(PARTS.comments));
  const threads = threadsOf(comments, readCommentsExtended(await part(PARTS.commentsExtended)), ranges);
  report.keep("threads", threads.length);
  report.keep(
    "replies",
    threads.reduce((n, t) => n + t.replies.length, 0),
  );

  return { doc, revisions: revisions.authorship, threads, language: styles.language, report: report.report() };
}

/**
 * Turns the comment anchors left in the content into ProseMirror positions (removing them)
 * and collects the revision ids whose marks are in the document. A range is its start to
 * its end; with only one of them, the reference (Word's comment mark) stands for the other.
 */
function settleAnchors(
  doc: JSONContent,
  schema: Schema,
): { ranges: Map<string, { from: number; to: number }>; used: Set<string> } {
  const edges = new Map<string, { start?: number; end?: number; reference?: number }>();
  const used = new Set<string>();
  const walk = (node: JSONContent, pos: number): number => {
    if (!node.content) return pos;
    const kept: JSONContent[] = [];
    let at = pos;
    for (const c of node.content) {
      if ((c.type as string) === "__comment") {
        const a = c as unknown as { id: string; edge: "start" | "end" | "reference" };
        const entry = edges.get(a.id) ?? {};
        entry[a.edge] ??= at;
        edges.set(a.id, entry);
        continue;
      }
      kept.push(c);
      for (const m of c.marks ?? []) if (typeof m.attrs?.id === "string") used.add(m.attrs.id);
      if (c.type === "text") at += c.text?.length ?? 0;
      else if (schema.nodes[c.type ?? ""]?.isLeaf) at += 1;
      else at = walk(c, at + 1) + 1;
    }
    if (kept.length) node.content = kept;
    else node.content = undefined;
    return at;
  };
  walk(doc, 0);
  const ranges = new Map<string, { from: number; to: number }>();
  for (const [id, e] of edges) {
    const from = e.start ?? e.reference;
    const to = e.end ?? e.reference ?? e.start;
    if (from === undefined || to === undefined || (e.start === undefined && e.end === undefined)) continue;
    ranges.set(id, { from: Math.min(from, to), to: Math.max(from, to) });
  }
  return { ranges, used };
}
