import { DATE_MESSAGE, hasUnprintable, isCalendarDate, ONE_LINE_MESSAGE } from "../api/fieldText.ts";
import type { PartyRole } from "../api/organisations.ts";
import type { DocumentKind } from "../api/schemas.ts";

/**
 * A value an approval records, e.g. the number and date of a government decision (RRB).
 * `signatories` is no typed value: the approver picks one or two people of their
 * organisation who hold signing authority (`ApprovalRequest.signatories`), and the server
 * records their names under the field's key.
 */
export interface ApprovalField {
  key: string;
  label: string;
  kind: "text" | "date" | "signatories";
  required: boolean;
}

/** How many signatories an approval names at most (and at least one where the field is required). */
export const MAX_SIGNATORIES = 2;

/** One step of a document's approval path: who must approve and what they record. */
export interface MilestoneTemplate {
  id: string;
  label: string;
  /** The party roles whose approval the milestone needs, resolved per document (`requiredOrgsOf`); each approves once. */
  requiredParties: readonly PartyRole[];
  /**
   * Four eyes: the person who requested the milestone (the version's `frozenBy`) cannot
   * approve it for their own organisation; a colleague must. They may still reject it.
   */
  fourEyes: boolean;
  fields: readonly ApprovalField[];
}

const RRB_FIELDS: readonly ApprovalField[] = [
  { key: "rrbNumber", label: "RRB-Nummer", kind: "text", required: true },
  { key: "rrbDate", label: "Datum des RRB", kind: "date", required: true },
];

const SIGNATURE_FIELDS: readonly ApprovalField[] = [
  { key: "signatory", label: "Unterzeichnet durch", kind: "signatories", required: true },
  { key: "signedOn", label: "Datum der Unterzeichnung", kind: "date", required: true },
];

/**
 * The milestones of a KIP programme (../shared/design/ARCHITECTURE.md, "Milestones"),
 * split by the document they concern: the concept goes to the government and to the
 * SEM; the agreement is settled by both, approved by the government and signed by both.
 */
export const MILESTONES: Record<DocumentKind, readonly MilestoneTemplate[]> = {
  concept: [
    {
      id: "konzept-entwurf",
      label: "Konzept: Entwurf bereit zur Eingabe",
      requiredParties: ["canton"],
      fourEyes: false,
      fields: [],
    },
    {
      id: "rrb-eingabe",
      label: "Regierungsratsbeschluss (RRB) zur Programmeingabe",
      requiredParties: ["canton"],
      fourEyes: true,
      fields: RRB_FIELDS,
    },
    {
      id: "sem-pruefung",
      label: "Prüfung durch das SEM abgeschlossen",
      requiredParties: ["federal"],
      fourEyes: false,
      fields: [{ key: "remark", label: "Bemerkung", kind: "text", required: false }],
    },
  ],
  agreement: [
    {
      id: "pv-bereinigt",
      label: "Programmvereinbarung bereinigt",
      requiredParties: ["canton", "federal"],
      fourEyes: false,
      fields: [],
    },
    {
      id: "rrb-genehmigung",
      label: "Genehmigung durch den Regierungsrat",
      requiredParties: ["canton"],
      fourEyes: true,
      fields: RRB_FIELDS,
    },
    {
      id: "unterzeichnung",
      label: "Unterzeichnung",
      requiredParties: ["canton", "federal"],
      fourEyes: true,
      fields: SIGNATURE_FIELDS,
    },
  ],
  // A Nachtrag changes a signed agreement: it is settled, approved and signed like one, with
  // the same four eyes, while the signed agreement itself stays as it was.
  amendment: [
    {
      id: "nachtrag-bereinigt",
      label: "Nachtrag bereinigt",
      requiredParties: ["canton", "federal"],
      fourEyes: false,
      fields: [],
    },
    {
      id: "nachtrag-rrb-genehmigung",
      label: "Genehmigung des Nachtrags durch den Regierungsrat",
      requiredParties: ["canton"],
      fourEyes: true,
      fields: RRB_FIELDS,
    },
    {
      id: "nachtrag-unterzeichnung",
      label: "Unterzeichnung des Nachtrags",
      requiredParties: ["canton", "federal"],
      fourEyes: true,
      fields: SIGNATURE_FIELDS,
    },
  ],
};

/** A document's party as the templates resolve it. */
export interface PartyHolder {
  orgId: string;
  role: PartyRole;
}

/**
 * The organisations that must approve `template` on a document with these parties, in the
 * template's order. A role no party holds resolves to nothing, so nobody can approve for it
 * and the milestone is never reached by a stranger.
 */
export function requiredOrgsOf(
  template: Pick<MilestoneTemplate, "requiredParties">,
  parties: readonly PartyHolder[],
): string[] {
  return template.requiredParties.flatMap((role) => parties.filter((p) => p.role === role).map((p) => p.orgId));
}

export function milestoneOf(kind: DocumentKind, id: string): MilestoneTemplate | null {
  return MILESTONES[kind].find((m) => m.id === id) ?? null;
}

/** The last milestone of a kind's path: once it is reached the document is final. */
export function lastMilestone(kind: DocumentKind): MilestoneTemplate | null {
  return MILESTONES[kind].at(-1) ?? null;
}

/** The first milestone of the path not yet reached; null when every one is. */
export function nextMilestone(kind: DocumentKind, reached: ReadonlySet<string>): MilestoneTemplate | null {
  return MILESTONES[kind].find((m) => !reached.has(m.id)) ?? null;
}

/** Why an approval's values do not fit its milestone's fields; the UI translates `kind`. */
export interface FieldProblem {
  kind: "unknown" | "required" | "date" | "oneLine" | "signatories";
  key: string;
  /** The field's label, or the unknown key (cut to 40 characters). */
  label: string;
}

/**
 * Where an approval's values fail their fields' definitions (every value one line, every
 * date a day that exists); null if every field is fine. Shared, so that the form can say
 * it before sending and the server refuses the same.
 */
export function fieldProblemOf(
  template: Pick<MilestoneTemplate, "fields">,
  details: Record<string, string>,
  signatories: readonly string[] = [],
): FieldProblem | null {
  for (const key of Object.keys(details)) {
    if (!template.fields.some((f) => f.key === key)) return { kind: "unknown", key, label: key.slice(0, 40) };
  }
  const picks = template.fields.find((f) => f.kind === "signatories");
  if (!picks && signatories.length > 0) return { kind: "unknown", key: "signatories", label: "signatories" };
  for (const field of template.fields) {
    const raw = details[field.key] ?? "";
    const problem = (kind: FieldProblem["kind"]) => ({ kind, key: field.key, label: field.label });
    if (field.kind === "signatories") {
      // Picked, never typed: a free-text value is refused, and so are too few or too many picks.
      const tooFew = field.required && signatories.length === 0;
      if (field.key in details || tooFew || signatories.length > MAX_SIGNATORIES) return problem("signatories");
      if (new Set(signatories).size !== signatories.length) return problem("signatories");
      continue;
    }
    // Checked untrimmed: a trailing newline would otherwise pass and be stored.
    if (hasUnprintable(raw)) return problem("oneLine");
    const value = raw.trim();
    if (field.required && value === "") return problem("required");
    if (value && field.kind === "date" && !isCalendarDate(value)) return problem("date");
  }
  return null;
}

/** Where an approval's values fail their fields, in English for the API's error message; null if fine. */
export function fieldProblem(
  template: Pick<MilestoneTemplate, "fields">,
  details: Record<string, string>,
  signatories: readonly string[] = [],
): string | null {
  const p = fieldProblemOf(template, details, signatories);
  switch (p?.kind) {
    case undefined:
      return null;
    case "unknown":
      return `unknown field: ${p.label}`;
    case "required":
      return `${p.label} is required`;
    case "date":
      return `${p.label} ${DATE_MESSAGE}`;
    case "oneLine":
      return `${p.label} ${ONE_LINE_MESSAGE}`;
    case "signatories":
      return `${p.label}: choose one or ${MAX_SIGNATORIES} signatories from the list (signatories), not typed text`;
  }
}
