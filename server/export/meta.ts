import type { JSONContent } from "@tiptap/core";
import { toOneLine } from "../../shared/api/fieldText.ts";

/** What every export states about the text it carries, so that it can be verified later. */
export interface ExportMeta {
  title: string;
  documentId: string;
  kindLabel: string;
  /** The milestone's label; null for the current text. */
  milestone: string | null;
  versionId: string | null;
  seq: number | null;
  contentHash: string | null;
  chainHash: string | null;
  frozenAt: string | null;
  frozenBy: string | null;
  /** The current text, not a frozen version: marked "Entwurf, nicht freigegeben". */
  draft: boolean;
  /** On a final document's last version: "Endgültig: unterzeichnet am … von …" (see versions/finalState.ts); else null. */
  finalNote?: string | null;
  approvals: {
    orgName: string;
    userName: string;
    decision: "approve" | "reject";
    at: string;
    /** Labelled values the milestone records (e.g. "RRB-Nummer" → "RRB Nr. 2024/88"). */
    details: [string, string][];
    reason: string | null;
  }[];
  /**
   * The version was frozen although checks blocking its milestone failed: the requester's
   * reason and the labels of what failed (issue 15). Absent or null otherwise.
   */
  override?: { reason: string; failing: string[] } | null;
  /** The KIP grids' totals and checks (export/gridSummary.ts), one line each; absent without grids. */
  grids?: string[];
}

/** What exports print about the current text: a draft, not a frozen version. */
export const draftMeta = (title: string, documentId: string, kindLabel: string): ExportMeta => ({
  title,
  documentId,
  kindLabel,
  milestone: null,
  versionId: null,
  seq: null,
  contentHash: null,
  chainHash: null,
  frozenAt: null,
  frozenBy: null,
  draft: true,
  approvals: [],
});

export const DRAFT_NOTICE = "Entwurf, nicht freigegeben";

/** A moment as the Swiss German exports print it (Europe/Zurich). */
export const swissDateTime = (iso: string) =>
  new Intl.DateTimeFormat("de-CH", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Zurich" }).format(
    new Date(iso),
  );

/** A value printed on a line of its own, with line breaks and control characters as spaces. */
export const oneLine = toOneLine;

/**
 * The meta with every value a person or an old row supplied put on one line: exports
 * print each on a line of its own, and a line break inside one would print a line that
 * is not there (a forged "SEM: freigegeben von …"). New values are refused at the API;
 * this holds for rows stored before that.
 */
export function printableMeta(meta: ExportMeta): ExportMeta {
  const line = (v: string | null) => (v === null ? null : toOneLine(v));
  return {
    ...meta,
    title: toOneLine(meta.title),
    kindLabel: toOneLine(meta.kindLabel),
    milestone: line(meta.milestone),
    frozenBy: line(meta.frozenBy),
    finalNote: line(meta.finalNote ?? null),
    approvals: meta.approvals.map((a) => ({
      ...a,
      orgName: toOneLine(a.orgName),
      userName: toOneLine(a.userName),
      details: a.details.map(([label, value]) => [toOneLine(label), toOneLine(value)]),
      reason: line(a.reason),
    })),
  };
}

/**
 * One line of the cover block. `quoted` lines hold what a person typed (a decision's details
 * and reason): every export sets them apart, indented under the decision they belong to, so
 * that no wrapped value can ever stand where a decision line starts. `emphasis` marks the
 * draft notice.
 */
export interface MetaLine {
  text: string;
  quoted?: boolean;
  emphasis?: boolean;
  /** The index of the approval the line belongs to: layouts keep a decision with its details. */
  approval?: number;
}

/** The cover block as lines of text, in German (the documents' language); never a break inside one. */
export function metaLines(meta: ExportMeta): MetaLine[] {
  const lines: MetaLine[] = [{ text: meta.kindLabel }];
  if (meta.finalNote) lines.push({ text: meta.finalNote, emphasis: true });
  if (meta.draft) {
    lines.push({ text: `${DRAFT_NOTICE} – Stand ${swissDateTime(new Date().toISOString())}`, emphasis: true });
  } else {
    lines.push({ text: `Version ${meta.seq ?? "?"}: ${meta.milestone ?? ""}` });
    lines.push({
      text: `Versions-ID ${meta.versionId ?? ""}, eingefroren am ${meta.frozenAt ? swissDateTime(meta.frozenAt) : "?"}${meta.frozenBy ? ` von ${meta.frozenBy}` : ""}`,
    });
    lines.push({ text: `Inhalts-Hash (SHA-256): ${meta.contentHash ?? ""}` });
    lines.push({ text: `Ketten-Hash: ${meta.chainHash ?? ""}` });
    if (meta.override) {
      lines.push({ text: `Angefordert trotz offener Prüfpunkte: ${meta.override.failing.join("; ")}` });
      lines.push({ text: `Begründung: ${meta.override.reason}`, quoted: true });
    }
    meta.approvals.forEach((a, approval) => {
      const verb = a.decision === "approve" ? "freigegeben" : "abgelehnt";
      lines.push({ text: `${a.orgName}: ${verb} von ${a.userName} am ${swissDateTime(a.at)}`, approval });
      for (const [label, value] of a.details) lines.push({ text: `${label}: ${value}`, quoted: true, approval });
      if (a.reason) lines.push({ text: `Begründung: ${a.reason}`, quoted: true, approval });
    });
    if (meta.approvals.length === 0) lines.push({ text: "Noch keine Freigabe." });
  }
  for (const text of meta.grids ?? []) lines.push({ text });
  return lines.map((line) => ({ ...line, text: toOneLine(line.text) }));
}

/** The short line repeated in every page footer. */
export function footerLine(meta: ExportMeta): string {
  if (meta.draft) return toOneLine(`${meta.title} – ${DRAFT_NOTICE}`);
  return toOneLine(`${meta.title} – Version ${meta.seq ?? "?"} – SHA-256 ${meta.contentHash ?? ""}`);
}

/** Safe link targets, as the editor allows them. */
export const safeHref = (href: unknown): string | null =>
  typeof href === "string" && /^(https?:|mailto:|tel:)/i.test(href.trim()) ? href.trim() : null;

/** Text of a node and everything in it. */
export function plainText(node: JSONContent): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  return (node.content ?? []).map(plainText).join("");
}

export const ZWSP = /\u200B/g;
