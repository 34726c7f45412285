import type { DocumentKind } from "../api/schemas.ts";
import type { OrganisationId } from "../organisations.ts";

/** A value an approval records, e.g. the number and date of a government decision (RRB). */
export interface ApprovalField {
  key: string;
  label: string;
  kind: "text" | "date";
  required: boolean;
}

/** One step of a document's approval path: who must approve and what they record. */
export interface MilestoneTemplate {
  id: string;
  label: string;
  /** Organisations whose approval the milestone needs; each approves once. */
  requiredOrgs: readonly OrganisationId[];
  fields: readonly ApprovalField[];
}

const RRB_FIELDS: readonly ApprovalField[] = [
  { key: "rrbNumber", label: "RRB-Nummer", kind: "text", required: true },
  { key: "rrbDate", label: "Datum des RRB", kind: "date", required: true },
];

/**
 * The milestones of a KIP programme (../shared/design/ARCHITECTURE.md, "Milestones"),
 * split by the document they concern: the concept goes to the government and to the
 * SEM; the agreement is settled by both, approved by the government and signed by both.
 */
export const MILESTONES: Record<DocumentKind, readonly MilestoneTemplate[]> = {
  concept: [
    { id: "konzept-entwurf", label: "Konzept: Entwurf bereit zur Eingabe", requiredOrgs: ["kanton-so"], fields: [] },
    {
      id: "rrb-eingabe",
      label: "Regierungsratsbeschluss (RRB) zur Programmeingabe",
      requiredOrgs: ["kanton-so"],
      fields: RRB_FIELDS,
    },
    {
      id: "sem-pruefung",
      label: "Prüfung durch das SEM abgeschlossen",
      requiredOrgs: ["sem"],
      fields: [{ key: "remark", label: "Bemerkung", kind: "text", required: false }],
    },
  ],
  agreement: [
    { id: "pv-bereinigt", label: "Programmvereinbarung bereinigt", requiredOrgs: ["kanton-so", "sem"], fields: [] },
    {
      id: "rrb-genehmigung",
      label: "Genehmigung durch den Regierungsrat",
      requiredOrgs: ["kanton-so"],
      fields: RRB_FIELDS,
    },
    {
      id: "unterzeichnung",
      label: "Unterzeichnung",
      requiredOrgs: ["kanton-so", "sem"],
      fields: [
        { key: "signatory", label: "Unterzeichnet durch", kind: "text", required: true },
        { key: "signedOn", label: "Datum der Unterzeichnung", kind: "date", required: true },
      ],
    },
  ],
};

export function milestoneOf(kind: DocumentKind, id: string): MilestoneTemplate | null {
  return MILESTONES[kind].find((m) => m.id === id) ?? null;
}

/** The first milestone of the path not yet reached; null when every one is. */
export function nextMilestone(kind: DocumentKind, reached: ReadonlySet<string>): MilestoneTemplate | null {
  return MILESTONES[kind].find((m) => !reached.has(m.id)) ?? null;
}

/** Where an approval field's value fails its definition; null if every field is fine. */
export function fieldProblem(template: MilestoneTemplate, details: Record<string, string>): string | null {
  for (const key of Object.keys(details)) {
    if (!template.fields.some((f) => f.key === key)) return `unknown field: ${key.slice(0, 40)}`;
  }
  for (const field of template.fields) {
    const value = details[field.key]?.trim() ?? "";
    if (field.required && value === "") return `${field.label} is required`;
    if (value && field.kind === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(value))
      return `${field.label} must be a date (YYYY-MM-DD)`;
  }
  return null;
}
