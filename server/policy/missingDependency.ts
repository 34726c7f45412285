import * as Y from "yjs";

/**
 * Why `decoded` would not integrate completely into a doc that has clocks up to
 * `known(client)` of each client, or null if nothing it needs is missing. Yjs would keep such parts waiting
 * for clocks that anyone may send later: structs that wait for another user's next clock
 * integrate inside that user's honest update and are judged and stored as theirs (issue 11,
 * section 4), and waiting delete sets are merged again on every update of the room. This is
 * the cheap check against the live doc; the shadow's pending state after applying is the
 * sound one (a crafted update can still wait on itself in a cycle).
 */
export function missingDependency(
  decoded: ReturnType<typeof Y.decodeUpdate>,
  known: (client: number) => number,
): string | null {
  const covered = new Map<number, number>();
  const has = (client: number): number => covered.get(client) ?? known(client);
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue; // a gap in a merged update: what follows must connect by itself
    const { client, clock } = struct.id;
    if (clock > has(client))
      return `structs of client ${client} start at clock ${clock}, the server has ${has(client)}`;
    covered.set(client, Math.max(has(client), clock + struct.length));
  }
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const parent = struct.parent instanceof Y.ID ? struct.parent : null;
    for (const ref of [struct.origin, struct.rightOrigin, parent]) {
      if (ref && ref.clock >= has(ref.client)) return `a struct refers to clock ${ref.clock} of client ${ref.client}`;
    }
  }
  for (const [client, deletes] of decoded.ds.clients) {
    for (const d of deletes) {
      if (d.clock + d.len > has(client)) return `deletes clocks of client ${client} the server does not have`;
    }
  }
  return null;
}
