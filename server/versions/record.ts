import type { JSONContent } from "@tiptap/core";
import { z } from "zod";
import type { DocumentKind } from "../../shared/api/schemas.ts";
import { milestoneOf } from "../../shared/milestones/templates.ts";
import { parseSuggestionId } from "../../shared/suggestions/ids.ts";
import { canonicalJson } from "../../shared/versions/canonicalJson.ts";
import type { NameLookup } from "../store/ports/AccountStore.ts";

// What an export prints about a version or a decision, fixed when it is made (issue 11):
// renaming the document or a person later must not change the exports of a version, and
// the chain hash covers the title. Stored as canonical JSON beside the row it describes.

export const KIND_LABELS: Record<DocumentKind, string> = {
  concept: "Programmkonzept",
  agreement: "Programmvereinbarung",
  amendment: "Nachtrag zur Programmvereinbarung",
};

export const VersionRecord = z.object({
  title: z.string(),
  kindLabel: z.string(),
  milestoneLabel: z.string(),
  frozenByName: z.string(),
  /** Names of the authors of the suggestions pending in the frozen text, by user id (Word's w:author). */
  authors: z.record(z.string(), z.string()),
  /**
   * The milestone was requested although checks blocking it failed: the requester's reason
   * and what failed (check id and a label, e.g. a section's title). Absent otherwise, so
   * records frozen before it read and verify unchanged.
   */
  override: z
    .object({ reason: z.string(), failing: z.array(z.object({ id: z.string(), label: z.string() })) })
    .optional(),
});
export type VersionRecord = z.infer<typeof VersionRecord>;

export const ApprovalRecord = z.object({
  userName: z.string(),
  orgName: z.string(),
  /** The recorded values with the labels the milestone gave them, in the template's order. */
  details: z.array(z.tuple([z.string(), z.string()])),
});
export type ApprovalRecord = z.infer<typeof ApprovalRecord>;

const nameOf = async (store: NameLookup, userId: string) => (await store.findUserById(userId))?.name ?? userId;

/** User ids of the authors of pending suggestions in a ProseMirror document. */
export function suggestionAuthorIds(doc: JSONContent): Set<string> {
  const ids = new Set<string>();
  const walk = (node: JSONContent) => {
    for (const mark of node.marks ?? []) {
      const origin = parseSuggestionId(mark.attrs?.id);
      if (origin) ids.add(origin.userId);
    }
    for (const child of node.content ?? []) walk(child);
  };
  walk(doc);
  return ids;
}

/** The record of a version being frozen, as canonical JSON. */
export async function versionRecordOf(
  store: NameLookup,
  input: {
    title: string;
    kind: DocumentKind;
    milestone: string;
    frozenBy: string;
    doc: JSONContent;
    override?: VersionRecord["override"];
  },
): Promise<string> {
  const authors: Record<string, string> = {};
  for (const id of suggestionAuthorIds(input.doc)) authors[id] = await nameOf(store, id);
  const record: VersionRecord = {
    title: input.title,
    kindLabel: KIND_LABELS[input.kind],
    milestoneLabel: milestoneOf(input.kind, input.milestone)?.label ?? input.milestone,
    frozenByName: await nameOf(store, input.frozenBy),
    authors,
    ...(input.override ? { override: input.override } : {}),
  };
  return canonicalJson(record);
}

/** Recorded values with their labels, in the order the milestone lists its fields. */
export function labelledDetails(kind: DocumentKind, milestone: string, details: Record<string, string>) {
  const fields = milestoneOf(kind, milestone)?.fields ?? [];
  return Object.entries(details).map(([key, value]): [string, string] => [
    fields.find((f) => f.key === key)?.label ?? key,
    value,
  ]);
}

/** The record of a decision being made, as canonical JSON. */
export async function approvalRecordOf(
  store: NameLookup,
  input: { kind: DocumentKind; milestone: string; userId: string; orgId: string; details: Record<string, string> },
): Promise<string> {
  const record: ApprovalRecord = {
    userName: await nameOf(store, input.userId),
    orgName: (await store.organisationName(input.orgId)) ?? input.orgId,
    details: labelledDetails(input.kind, input.milestone, input.details),
  };
  return canonicalJson(record);
}

/** A stored record, or null for rows frozen before records were kept. */
export const parseVersionRecord = (text: string | null): VersionRecord | null =>
  text === null ? null : VersionRecord.parse(JSON.parse(text));

export const parseApprovalRecord = (text: string | null): ApprovalRecord | null =>
  text === null ? null : ApprovalRecord.parse(JSON.parse(text));
