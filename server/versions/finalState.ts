import { toOneLine } from "../../shared/api/fieldText.ts";
import type { DocumentKind } from "../../shared/api/schemas.ts";
import { lastMilestone, milestoneOf } from "../../shared/milestones/templates.ts";
import type { ApprovalRow, VersionHead } from "../store/ports/VersionStore.ts";
import { parseApprovalRecord } from "./record.ts";
import type { VersionState } from "./status.ts";

/** A decision as the final note reads it: from the frozen record, never from live names. */
export interface FinalDecision {
  decision: "approve" | "reject";
  at: string;
  userName: string;
  /** Labelled values as recorded (e.g. "Unterzeichnet durch" → "Andrea Meier"). */
  details: readonly (readonly [string, string])[];
}

/** When and by whom a document became final: the last decision, and the signatories (or approvers). */
export interface FinalNote {
  at: string;
  by: string[];
}

/**
 * Who made the last milestone: the names recorded as signatories where the milestone has a
 * signatories field (the people who signed, not the colleague who clicked), else the approvers.
 */
export function finalNoteOf(kind: DocumentKind, milestone: string, decisions: readonly FinalDecision[]): FinalNote {
  const template = milestoneOf(kind, milestone);
  const signatoryLabel = template?.fields.find((f) => f.kind === "signatories")?.label;
  const approvals = decisions.filter((d) => d.decision === "approve");
  const by: string[] = [];
  for (const a of approvals) {
    const signed = signatoryLabel ? a.details.find(([label]) => label === signatoryLabel)?.[1] : undefined;
    const names = signed ? signed.split(", ") : [a.userName];
    for (const name of names) if (name && !by.includes(name)) by.push(name);
  }
  const at =
    approvals
      .map((a) => a.at)
      .sort()
      .at(-1) ?? "";
  return { at, by };
}

/** The final note of a document's final version, read from its decisions' frozen records. */
export function finalNoteOfState(kind: DocumentKind, state: VersionState<VersionHead>): FinalNote {
  return finalNoteOf(kind, state.version.milestone, state.approvals.map(decisionOfRow));
}

/** A stored decision as the final note reads it (rows without a record fall back to the user id). */
function decisionOfRow(a: ApprovalRow): FinalDecision {
  const record = parseApprovalRecord(a.record);
  return { decision: a.decision, at: a.at, userName: record?.userName ?? a.userId, details: record?.details ?? [] };
}

/** Whether reaching `milestone` makes a document of `kind` final (it is the path's last). */
export const isFinalMilestone = (kind: DocumentKind, milestone: string): boolean =>
  lastMilestone(kind)?.id === milestone;

/** A day as the Swiss German exports print it (Europe/Zurich), e.g. 02.05.2024. */
const swissDate = (iso: string) =>
  new Intl.DateTimeFormat("de-CH", { dateStyle: "medium", timeZone: "Europe/Zurich" }).format(new Date(iso));

/**
 * The line every export prints on a final document, in German (the documents' language):
 * a signed agreement or amendment "unterzeichnet am … von …"; a concept, whose path ends
 * with the SEM's review, "abgeschlossen am … (Prüfung durch das SEM)".
 */
export function finalLine(kind: DocumentKind, note: FinalNote): string {
  const day = note.at ? swissDate(note.at) : "?";
  if (kind === "concept") return toOneLine(`Endgültig: abgeschlossen am ${day} (Prüfung durch das SEM)`);
  return toOneLine(`Endgültig: unterzeichnet am ${day} von ${note.by.join(", ")}`);
}
