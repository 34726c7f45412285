import type * as Y from "yjs";
import type { CheckResult } from "../../shared/api/checks.ts";
import type { DocumentKind } from "../../shared/api/schemas.ts";
import type { OpenItems } from "../versions/freeze.ts";

/** What a check reads: the document's kind and parties and its live state (a copy the check may read freely). */
export interface CheckInput {
  kind: DocumentKind;
  /** Organisation ids of the document's parties. */
  parties: readonly string[];
  doc: Y.Doc;
  open: OpenItems;
}

/**
 * One check: its results (one failing result per finding, or one passing result), and the
 * milestones a failing result blocks unless the requester overrides it with a reason.
 */
export interface Check {
  id: string;
  run(input: CheckInput): CheckResult[];
  blocks: readonly string[];
}

/** A passing result of a check with nothing to report. */
export const passed = (id: string, message: string): CheckResult => ({
  id,
  ok: true,
  message,
  params: {},
  where: null,
});
