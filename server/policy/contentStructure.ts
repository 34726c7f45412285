import { getSchema } from "@tiptap/core";
import type * as Y from "yjs";
import { schemaExtensions } from "../../shared/schema/extensions.ts";
import {
  ContentStructureError,
  nodeOfYElement,
  outermostTargets,
  topLevelProblem,
} from "../../shared/schema/yjsNode.ts";

const schema = getSchema(schemaExtensions());

/**
 * Problems in the structure of what an update changed, read as the shared schema reads it
 * (issue 11: an embed, a `<text>` element or a table inside a paragraph, a colspan of
 * 100 000 000 were stored because only names were checked). Each changed element (for typing:
 * the paragraph around the text) and each added block is built and checked whole, so the
 * cost follows the edit; the sequence of top-level blocks is checked only when blocks were
 * added or removed.
 */
export function inspectStructure(
  content: Y.XmlFragment,
  targets: ReadonlySet<Y.XmlElement | Y.XmlText>,
  blocksAddedOrRemoved: boolean,
  problems: string[],
): void {
  for (const target of outermostTargets(targets, content)) {
    if (target._item?.deleted) continue;
    try {
      nodeOfYElement(schema, target);
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
