import type { Node as PMNode } from "@tiptap/pm/model";

/**
 * A pure function of the document, computed once per document node. ProseMirror documents
 * are immutable, so transactions that change only the selection, carets or plugin meta
 * (most of them, with four remote carets) cost a lookup, and every panel reading the same
 * derivation shares one computation.
 */
export function perDocument<T>(derive: (doc: PMNode) => T): (doc: PMNode) => T {
  const cache = new WeakMap<PMNode, T>();
  return (doc) => {
    if (cache.has(doc)) return cache.get(doc) as T;
    const value = derive(doc);
    cache.set(doc, value);
    return value;
  };
}

/**
 * A pure function of each top-level block, computed once per block node. A keystroke
 * replaces one block; the others are the same nodes in the new document (structural
 * sharing, also for remote changes through the Yjs binding), so a walk over a 150-page
 * document re-reads one block. Returns the per-block values with each block's position.
 */
export function perBlock<T>(derive: (block: PMNode) => T): (doc: PMNode) => { value: T; pos: number }[] {
  const cache = new WeakMap<PMNode, T>();
  return (doc) => {
    const out: { value: T; pos: number }[] = [];
    doc.forEach((block, pos) => {
      let value = cache.get(block);
      if (value === undefined && !cache.has(block)) {
        value = derive(block);
        cache.set(block, value);
      }
      out.push({ value: value as T, pos });
    });
    return out;
  };
}
