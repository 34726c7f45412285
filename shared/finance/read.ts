import type { Node as PMNode } from "@tiptap/pm/model";
import { piecesOfNodes } from "../suggestions/linear.ts";
import { type Grid, gridsOfPieces } from "./grids.ts";

/** The grids of a ProseMirror document (the editor's, or the server's built from document JSON). */
export function gridsOfDoc(doc: PMNode): Grid[] {
  const blocks: PMNode[] = [];
  doc.forEach((block) => {
    blocks.push(block);
  });
  return gridsOfPieces(piecesOfNodes(blocks));
}
