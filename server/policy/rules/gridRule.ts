import { gridsOfPieces } from "../../../shared/finance/grids.ts";
import { gridChangeProblem } from "../../../shared/finance/structure.ts";
import type { Validator } from "../Change.ts";

/**
 * The KIP grids (shared/finance) on the raw protocol, for every role: amount cells of the
 * finance grid hold CHF amounts or nothing, judged on the accepted and on the rejected
 * reading of each cell (a suggestion cannot smuggle text in); the finance grid keeps its
 * seven Förderbereiche rows with their official names; no grid is removed. Only the
 * top-level blocks the update touched are read.
 */
export const gridRule: Validator = (_actor, change) => {
  if (!change.contentChanged) return {};
  const region = change.region();
  const problem = gridChangeProblem(gridsOfPieces(region.before), gridsOfPieces(region.after));
  return problem ? { refuse: problem } : {};
};
