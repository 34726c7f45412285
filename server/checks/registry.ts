import type { CheckResult } from "../../shared/api/checks.ts";
import { readDocument } from "../versions/freeze.ts";
import type { Check, CheckInput } from "./Check.ts";
import { emptyGoals, financeMatching } from "./grids.ts";
import { openItemChecks } from "./openItems.ts";
import { unsettledSections } from "./sections.ts";

/**
 * The checks of a document, in the order the UI lists them. The matching rule (per year and
 * in total) blocks "Programmvereinbarung bereinigt"; an empty Förderbereich is an open item
 * that blocks it too (an agreement without goals for an area is not settled).
 * Open suggestions and threads block no milestone here: `includeOpen` governs them already.
 */
export const CHECKS: readonly Check[] = [
  { id: "sections.unsettled", run: unsettledSections, blocks: ["pv-bereinigt"] },
  { id: "finance.matching", run: financeMatching, blocks: ["pv-bereinigt"] },
  { id: "goals.empty", run: emptyGoals, blocks: ["pv-bereinigt"] },
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
