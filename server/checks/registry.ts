import type { CheckResult } from "../../shared/api/checks.ts";
import { readDocument } from "../versions/freeze.ts";
import type { Check, CheckInput } from "./Check.ts";
import { openItemChecks } from "./openItems.ts";
import { unsettledSections } from "./sections.ts";

/**
 * The checks of a document, in the order the UI lists them. Items 3/4 of issue 15 (the
 * matching rule per year, empty Förderbereiche) plug in here with `blocks: ["pv-bereinigt"]`.
 * Open suggestions and threads block no milestone here: `includeOpen` governs them already.
 */
export const CHECKS: readonly Check[] = [
  { id: "sections.unsettled", run: unsettledSections, blocks: ["pv-bereinigt"] },
  ...openItemChecks,
];

export type { Check, CheckInput };

/** Every check's results for `doc`. */
export function runChecks(input: Omit<CheckInput, "open">): CheckResult[] {
  const full: CheckInput = { ...input, open: readDocument(input.doc).open };
  return CHECKS.flatMap((check) => check.run(full));
}

/** The failing results that block `milestone` (to be overridden with a reason, or fixed). */
export function blockingResults(results: readonly CheckResult[], milestone: string): CheckResult[] {
  const blocking = new Set(CHECKS.filter((c) => c.blocks.includes(milestone)).map((c) => c.id));
  return results.filter((r) => !r.ok && blocking.has(r.id));
}
