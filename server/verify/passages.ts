import { diffArrays } from "diff";

/** One place where a file's text differs from the export it claims to be. */
export interface Passage {
  expected: string;
  found: string;
}

/** At most this many passages are listed (issue 11: "first 20"). */
export const MAX_PASSAGES = 20;
/** Longer passages are cut: the answer shows where, not a whole rewritten file. */
const MAX_PASSAGE_CHARS = 2000;
/** Edits beyond this mean "rewritten", and the diff (O(N·D)) stops instead of running on. */
const MAX_EDIT_LENGTH = 1000;
/** A file far longer than the export it names is not compared line by line (N stays bounded too). */
const maxLinesFor = (expected: number) => 4 * expected + 1000;

/** Whether a file of `found` units is compared with an export of `expected` units at all. */
export const comparable = (expected: number, found: number): boolean => found <= maxLinesFor(expected);

/** Where a file differs from an export: the first passages, how many there are, whether all are listed. */
export interface Comparison {
  passages: Passage[];
  count: number;
  complete: boolean;
}

/** The answer for a file too long to compare: nothing listed, not complete. */
export const incomparable = (): Comparison => ({ passages: [], count: Number.POSITIVE_INFINITY, complete: false });

const cut = (lines: string[]) => {
  const text = lines.join("\n");
  return text.length > MAX_PASSAGE_CHARS ? `${text.slice(0, MAX_PASSAGE_CHARS)}…` : text;
};

/**
 * The passages where `found` differs from `expected`, line by line (or paragraph by
 * paragraph), the first `MAX_PASSAGES` of them. `complete` is false when there were more,
 * or too many edits to compare at all.
 */
export function differingPassages(expected: string[], found: string[]): Comparison {
  const changes = comparable(expected.length, found.length)
    ? diffArrays(expected, found, { maxEditLength: MAX_EDIT_LENGTH })
    : undefined;
  if (!changes) return incomparable();
  const passages: Passage[] = [];
  let count = 0;
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    if (removed.length === 0 && added.length === 0) return;
    count++;
    if (passages.length < MAX_PASSAGES) passages.push({ expected: cut(removed), found: cut(added) });
    removed = [];
    added = [];
  };
  for (const change of changes) {
    if (change.removed) removed.push(...change.value);
    else if (change.added) added.push(...change.value);
    else flush();
  }
  flush();
  return { passages, count, complete: count <= MAX_PASSAGES };
}
