import { getSchema } from "@tiptap/core";
import type * as Y from "yjs";
import { schemaExtensions } from "../../shared/schema/extensions.ts";
import { ContentStructureError, nodeOfYBlock, topLevelProblem } from "../../shared/schema/yjsNode.ts";

const schema = getSchema(schemaExtensions());

/**
 * Problems in the structure of the blocks an update touched or added, read as the shared
 * schema reads them (issue 11: an embed, a `<text>` element or a table inside a paragraph, a
 * colspan of 100 000 000 were stored because only names were checked). Each block is built
 * and checked whole, so the cost follows the blocks the update touched; the sequence of
 * top-level blocks is checked only when blocks were added or removed.
 */
export function inspectStructure(
  content: Y.XmlFragment,
  blocks: Iterable<Y.XmlElement | Y.XmlText>,
  blocksAddedOrRemoved: boolean,
  problems: string[],
): void {
  for (const block of blocks) {
    if (block._item?.deleted) continue;
    try {
      nodeOfYBlock(schema, block);
    } catch (err) {
      // ProseMirror's own RangeErrors (a node it cannot create) mean the same: not readable.
      const reason = err instanceof Error ? err.message.slice(0, 120) : String(err);
      problems.push(err instanceof ContentStructureError ? reason : `content does not fit the schema: ${reason}`);
      return;
    }
  }
  if (blocksAddedOrRemoved) {
    const problem = topLevelProblem(schema, content);
    if (problem) problems.push(problem);
  }
}
