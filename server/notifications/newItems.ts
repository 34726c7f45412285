import * as Y from "yjs";

/**
 * The items a transaction added to the doc, read from the struct store by the clocks
 * between its before and after state: the cost follows the size of the update, not of the
 * document. Items the same transaction deleted again are left out.
 */
export function* newItems(tr: Y.Transaction): Generator<Y.Item> {
  const clients = tr.doc.store.clients;
  for (const [client, after] of tr.afterState) {
    const before = tr.beforeState.get(client) ?? 0;
    const structs = clients.get(client);
    if (after <= before || !structs || structs.length === 0) continue;
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i];
      if (!struct || struct.id.clock >= after) break;
      if (struct instanceof Y.Item && !struct.deleted) yield struct;
    }
  }
}

/** True when `item` was made by this transaction (types and formats are never merged into older items). */
export const isNew = (tr: Y.Transaction, item: Y.Item | null): boolean =>
  item !== null && item.id.clock >= (tr.beforeState.get(item.id.client) ?? 0);
