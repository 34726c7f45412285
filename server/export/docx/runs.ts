import type { JSONContent } from "@tiptap/core";
import {
  DeletedTextRun,
  ExternalHyperlink,
  InsertedTextRun,
  type IRunOptions,
  type ParagraphChild,
  TextRun,
} from "docx";
import { safeHref, ZWSP } from "../meta.ts";
import type { CommentPlacer } from "./comments.ts";
import { CHANGE_MARKS, markOf, type Revisions } from "./revisions.ts";

/** The font of inline code and code blocks; Liberation Mono is metric compatible in LibreOffice. */
export const CODE_FONT = "Courier New";

type MarkJson = { type?: string; attrs?: Record<string, unknown> };

/** Run properties for a set of formatting marks (suggestion marks are not formatting). */
export function runStyle(marks: readonly MarkJson[]): Omit<IRunOptions, "text" | "children"> {
  const names = new Set(marks.filter((m) => !CHANGE_MARKS.has(m.type ?? "")).map((m) => m.type));
  // Only what is set: absent properties read as off, in the run and in a w:rPrChange alike.
  return {
    ...(names.has("bold") ? { bold: true } : {}),
    ...(names.has("italic") ? { italics: true } : {}),
    ...(names.has("strike") ? { strike: true } : {}),
    ...(names.has("underline") ? { underline: {} } : {}),
    ...(names.has("code") ? { font: CODE_FONT } : {}),
  };
}

/** The previous marks a `modification` of type "marks" records, or null for any other shape. */
function previousMarks(mark: MarkJson | undefined): MarkJson[] | null {
  const previous: unknown = mark?.attrs?.previousValue;
  if (mark?.attrs?.type !== "marks" || !Array.isArray(previous)) return null;
  return (previous as unknown[]).filter(
    (m): m is MarkJson => typeof m === "object" && m !== null && typeof (m as MarkJson).type === "string",
  );
}

/** What writing a block's inline content needs: change ids and attribution, comment ranges. */
export interface InlineContext {
  revisions: Revisions;
  comments: CommentPlacer;
  /** Formatting every run of the block has (bold in header cells, the code font in code blocks). */
  base?: { bold?: boolean; font?: string; size?: number };
}

function run(node: JSONContent, text: string, ctx: InlineContext): ParagraphChild {
  const own = runStyle(node.marks ?? []);
  const style = {
    text,
    ...own,
    ...(ctx.base?.bold ? { bold: true } : {}),
    ...(ctx.base?.font ? { font: ctx.base.font } : {}),
    ...(ctx.base?.size ? { size: ctx.base.size } : {}),
  };
  const modification = markOf(node, "modification");
  const previous = previousMarks(modification);
  // A format change (w:rPrChange) keeps the run properties as they were before it.
  const revision = previous
    ? { revision: { ...ctx.revisions.change(modification?.attrs?.id), ...runStyle(previous) } }
    : {};
  const insertion = markOf(node, "insertion");
  const deletion = markOf(node, "deletion");
  if (insertion) return new InsertedTextRun({ ...style, ...revision, ...ctx.revisions.change(insertion.attrs?.id) });
  if (deletion) return new DeletedTextRun({ ...style, ...revision, ...ctx.revisions.change(deletion.attrs?.id) });
  return new TextRun({ ...style, ...revision });
}

/**
 * A block's inline content as Word runs, starting at ProseMirror position `pos`: text with
 * its formatting, links, line breaks; insertions and deletions as w:ins / w:del with their
 * author and time, format changes as w:rPrChange; comment ranges where threads start and
 * end (runs are split there). The zero-width-space anchors of structure suggestions are
 * not text: they are dropped here and become paragraph-mark revisions (structure.ts).
 */
export function inlineRuns(nodes: readonly JSONContent[], pos: number, ctx: InlineContext): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const node of nodes) {
    if (node.type !== "text") {
      out.push(...ctx.comments.at(pos));
      if (node.type === "hardBreak") out.push(new TextRun({ break: 1 }));
      pos += 1;
      continue;
    }
    const whole = node.text ?? "";
    const cuts = [...ctx.comments.cutsWithin(pos, pos + whole.length), pos + whole.length];
    let from = pos;
    for (const cut of cuts) {
      out.push(...ctx.comments.at(from));
      const text = whole.slice(from - pos, cut - pos).replaceAll(ZWSP, "");
      from = cut;
      if (!text) continue;
      const href = safeHref(markOf(node, "link")?.attrs?.href);
      // Code blocks keep their lines: a line break in the text is a w:br, not a space.
      text.split("\n").forEach((line, i) => {
        if (i > 0) out.push(new TextRun({ break: 1 }));
        if (!line) return;
        const piece = run(node, line, ctx);
        out.push(href ? new ExternalHyperlink({ link: href, children: [piece] }) : piece);
      });
    }
    pos += whole.length;
  }
  out.push(...ctx.comments.at(pos));
  return out;
}
