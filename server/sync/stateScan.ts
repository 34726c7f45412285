import * as decoding from "lib0/decoding";

/**
 * The state vector of a whole Yjs state (an update in format V1 that needs nothing outside
 * itself), read without building it: a pass over the bytes that reads what `Y.applyUpdate`
 * would integrate, allocating only the strings and the parts Yjs parses (JSON, `any`). Null if
 * anything would keep the state from loading cleanly, or is in doubt: bytes that do not
 * decode (or trail), a client's structs not starting at clock 0 and contiguous, a gap
 * (Skip), an origin, parent or delete outside the state, a parent that is not a type. A
 * fraction of the cost of decoding (`Y.decodeUpdate` builds every struct), which a cold
 * load pays before it may send the stored bytes.
 */
export function wholeStateVector(update: Uint8Array): Map<number, number> | null {
  try {
    return scan(decoding.createDecoder(update));
  } catch {
    return null; // lib0's bounds-checked reads ran off the end, or JSON did not parse
  }
}

const GC = 0;
const SKIP = 10;
const TYPE = 7;
const XML_ELEMENT = 3;
const XML_HOOK = 5;

function scan(d: decoding.Decoder): Map<number, number> | null {
  const ends = new Map<number, number>();
  /** Referenced IDs as client/clock pairs, checked once every client's end is known. */
  const refs: number[] = [];
  const parents: number[] = [];
  /** Per client, its structs in order: start clock and the slice of `deps` (client/clock pairs) it needs first. */
  const blocksOf = new Map<number, number[]>();
  const deps: number[] = [];
  /** Clocks of the type items (length 1) and GC ranges per client: what a parent may be. */
  const types = new Map<number, Set<number>>();
  const gcs: number[] = [];
  const blocks = decoding.readVarUint(d);
  for (let b = 0; b < blocks; b++) {
    const count = decoding.readVarUint(d);
    const client = decoding.readVarUint(d);
    let clock = decoding.readVarUint(d);
    if (ends.has(client) || clock !== 0) return null;
    const items: number[] = [];
    blocksOf.set(client, items);
    for (let i = 0; i < count; i++) {
      const info = decoding.readUint8(d);
      const kind = info & 31;
      if (kind === SKIP) return null;
      items.push(clock, deps.length);
      if (kind === GC) {
        const len = decoding.readVarUint(d);
        gcs.push(client, clock, clock + len);
        clock += len;
        items.push(deps.length);
        continue;
      }
      if (info & 128) {
        const c = decoding.readVarUint(d);
        const k = decoding.readVarUint(d);
        refs.push(c, k);
        deps.push(c, k);
      }
      if (info & 64) {
        const c = decoding.readVarUint(d);
        const k = decoding.readVarUint(d);
        refs.push(c, k);
        deps.push(c, k);
      }
      if ((info & 192) === 0) {
        if (decoding.readVarUint(d) === 1) skipString(d);
        else {
          const c = decoding.readVarUint(d);
          const k = decoding.readVarUint(d);
          parents.push(c, k);
          deps.push(c, k);
        }
        if (info & 32) skipString(d);
      }
      items.push(deps.length);
      const length = contentLength(d, kind);
      if (length === null || length < 1) return null;
      if (kind === TYPE) {
        const set = types.get(client) ?? new Set<number>();
        set.add(clock);
        types.set(client, set);
      }
      clock += length;
    }
    if (count === 0) return null;
    ends.set(client, clock);
  }
  if (ends.size === 0) return null;
  const has = (client: number, clock: number) => clock < (ends.get(client) ?? 0);
  for (let i = 0; i < refs.length; i += 2) if (!has(refs[i] ?? 0, refs[i + 1] ?? 0)) return null;
  for (let i = 0; i < parents.length; i += 2) {
    const client = parents[i] ?? 0;
    const clock = parents[i + 1] ?? 0;
    if (!types.get(client)?.has(clock) && !inGc(gcs, client, clock)) return null;
  }
  if (!integrable(blocksOf, deps)) return null;
  const deleting = decoding.readVarUint(d);
  for (let c = 0; c < deleting; c++) {
    const client = decoding.readVarUint(d);
    const ranges = decoding.readVarUint(d);
    for (let r = 0; r < ranges; r++) {
      const clock = decoding.readVarUint(d);
      const len = decoding.readVarUint(d);
      // A zero-length range at a client's end is left pending by Yjs (then the load fails).
      if (len < 1 || clock + len > (ends.get(client) ?? 0)) return null;
    }
  }
  // Exactly at the end: lib0 reads a byte array past a view's end into the buffer behind it.
  return d.pos === d.arr.length ? ends : null;
}

/**
 * Whether Yjs can integrate every struct, each after what it references (origin, right
 * origin, parent), as `Y.applyUpdate` does: a reference to a struct of its own client at or
 * after itself, or a cycle between clients, leaves structs pending or throws. A client whose
 * next struct needs a struct of another client not integrated yet waits for exactly that
 * struct and is taken up again once it is; what still waits at the end would stay pending.
 * Each struct is checked once, and once more per wait.
 */
function integrable(blocksOf: Map<number, number[]>, deps: number[]): boolean {
  const done = new Map<number, number>(); // per client: how many of its structs are integrated
  const waiters = new Map<number, Map<number, number[]>>(); // client → struct index → clients waiting for it
  const ready = [...blocksOf.keys()];
  while (ready.length > 0) {
    const client = ready.pop() ?? 0;
    const items = blocksOf.get(client) ?? [];
    let n = done.get(client) ?? 0;
    let blocked = false;
    while (!blocked && n * 3 < items.length) {
      const start = items[n * 3] ?? 0;
      for (let j = items[n * 3 + 1] ?? 0; j < (items[n * 3 + 2] ?? 0); j += 2) {
        const c = deps[j] ?? 0;
        const k = deps[j + 1] ?? 0;
        if (c === client) {
          if (k >= start) return false;
          continue;
        }
        const other = blocksOf.get(c);
        if (!other) return false;
        const m = done.get(c) ?? 0;
        if (m * 3 >= other.length || k < (other[m * 3] ?? 0)) continue; // integrated already
        const index = structAt(other, k);
        const byIndex = waiters.get(c) ?? new Map<number, number[]>();
        waiters.set(c, byIndex);
        const list = byIndex.get(index) ?? [];
        list.push(client);
        byIndex.set(index, list);
        blocked = true;
        break;
      }
      if (blocked) break;
      const woken = waiters.get(client)?.get(n);
      if (woken) {
        waiters.get(client)?.delete(n);
        ready.push(...woken);
      }
      n++;
    }
    done.set(client, n);
  }
  for (const [client, items] of blocksOf) if ((done.get(client) ?? 0) * 3 !== items.length) return false;
  return true;
}

/** The index of the struct holding `clock` in one client's structs (start clocks ascending, stride 3). */
function structAt(items: number[], clock: number): number {
  let lo = 0;
  let hi = items.length / 3 - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((items[mid * 3] ?? 0) <= clock) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const inGc = (gcs: number[], client: number, clock: number): boolean => {
  for (let i = 0; i < gcs.length; i += 3) {
    if (gcs[i] === client && clock >= (gcs[i + 1] ?? 0) && clock < (gcs[i + 2] ?? 0)) return true;
  }
  return false;
};

/** The clock length of an item's content (Yjs's `getLength`), reading past it; null for an unknown kind. */
function contentLength(d: decoding.Decoder, kind: number): number | null {
  switch (kind) {
    case 1: // deleted
      return decoding.readVarUint(d);
    case 2: {
      // JSON: Yjs parses each entry as it loads
      const len = decoding.readVarUint(d);
      for (let i = 0; i < len; i++) {
        const s = decoding.readVarString(d);
        if (s !== "undefined") JSON.parse(s);
      }
      return len;
    }
    case 3: // binary
      decoding.readVarUint8Array(d);
      return 1;
    case 4: // string: its length in UTF-16 units (native decoding beats counting them in JS)
      return decoding.readVarString(d).length;
    case 5: // embed
      JSON.parse(decoding.readVarString(d));
      return 1;
    case 6: // format: key and JSON value
      skipString(d);
      JSON.parse(decoding.readVarString(d));
      return 1;
    case TYPE: {
      const ref = decoding.readVarUint(d);
      if (ref > 6) return null;
      if (ref === XML_ELEMENT || ref === XML_HOOK) skipString(d);
      return 1;
    }
    case 8: {
      // any
      const len = decoding.readVarUint(d);
      for (let i = 0; i < len; i++) decoding.readAny(d);
      return len;
    }
    case 9: // subdocument: guid and options
      decoding.readVarString(d);
      decoding.readAny(d);
      return 1;
    default:
      return null;
  }
}

/** A key or string, read (and checked: lib0's decoder is fatal on bad UTF-8) as Yjs reads it. */
const skipString = (d: decoding.Decoder): void => {
  decoding.readVarString(d);
};
