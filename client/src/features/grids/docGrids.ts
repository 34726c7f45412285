import type { Node as PMNode } from "@tiptap/pm/model";
import { type Grid, gridKey, gridsOfPieces } from "../../../../shared/finance/grids.ts";
import { type FinanceSummary, financeSummary } from "../../../../shared/finance/totals.ts";
import { piecesOfNodes } from "../../../../shared/suggestions/linear.ts";
import { perBlock, perDocument } from "../../editor/derive/perDocument.ts";

// A grid is a table inside one top-level block, and reading a block starts and ends with
// nothing open, so the grids of the document are those of its blocks in order (as gridsOfDoc).
const gridsPerBlock = perBlock((block) => gridsOfPieces(piecesOfNodes([block])));

/** The document's grids, as `gridsOfDoc` reads them; re-read only for the blocks a change replaced. Do not mutate. */
export const gridsOf: (doc: PMNode) => readonly Grid[] = perDocument((doc) =>
  gridsPerBlock(doc).flatMap((b) => b.value),
);

/** The finance totals of the document (`financeSummary` of its grids), once per document. */
export const financeOf: (doc: PMNode) => FinanceSummary | null = perDocument((doc) => financeSummary(gridsOf(doc)));

/** The keys of the grids present (`finance:2025,goals:fb1,…`), once per document. */
export const gridKeysOf: (doc: PMNode) => string = perDocument((doc) => gridsOf(doc).map(gridKey).join(","));
