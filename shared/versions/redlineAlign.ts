import { diffArrays } from "diff";
import type { Token } from "./redlineTokens.ts";

/** One step of an alignment: a token of both texts, or of one only. */
export type Op = { op: "same"; e: Token; l: Token } | { op: "del"; e: Token } | { op: "ins"; l: Token };

/**
 * Most token edits a diff looks for. Myers' diff costs about the square of the edits: two
 * unrelated texts of 16 000 words took almost five minutes of the server's only thread, and
 * any member can compare the current text they suggest in. Past this the stretch is compared
 * as removed and written anew (still exact: Accept All gives the later text, Reject All the
 * earlier), in about a second at worst.
 */
export const MAX_EDIT_TOKENS = 3000;

/** The parts of a diff of `a` and `b`, or all of `a` removed and all of `b` added when they differ in more than MAX_EDIT_TOKENS. */
function boundedDiff(a: string[], b: string[]): { value: string[]; added?: boolean; removed?: boolean }[] {
  const parts = diffArrays(a, b, { maxEditLength: MAX_EDIT_TOKENS });
  return (
    parts ?? [
      { value: a, removed: true },
      { value: b, added: true },
    ]
  );
}

/** Aligns two token lists: exactly first, then inside each changed stretch by text alone and boxes by type. */
export function align(a: readonly Token[], b: readonly Token[]): Op[] {
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  let removed: Token[] = [];
  let added: Token[] = [];
  const flush = () => {
    if (removed.length === 0 && added.length === 0) return;
    let x = 0;
    let y = 0;
    for (const part of boundedDiff(
      removed.map((t) => t.coarse),
      added.map((t) => t.coarse),
    )) {
      for (let k = 0; k < part.value.length; k++) {
        const e = removed[x];
        const l = added[y];
        if (part.removed && e) {
          ops.push({ op: "del", e });
          x++;
        } else if (part.added && l) {
          ops.push({ op: "ins", l });
          y++;
        } else if (e && l) {
          ops.push({ op: "same", e, l });
          x++;
          y++;
        }
      }
    }
    removed = [];
    added = [];
  };
  for (const part of boundedDiff(
    a.map((t) => t.fine),
    b.map((t) => t.fine),
  )) {
    const n = part.value.length;
    if (part.removed) {
      removed.push(...a.slice(i, i + n));
      i += n;
    } else if (part.added) {
      added.push(...b.slice(j, j + n));
      j += n;
    } else {
      flush();
      for (let k = 0; k < n; k++) {
        const e = a[i + k];
        const l = b[j + k];
        if (e && l) ops.push({ op: "same", e, l });
      }
      i += n;
      j += n;
    }
  }
  flush();
  return ops;
}
