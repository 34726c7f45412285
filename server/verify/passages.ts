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

const cut = (lines: string[]) => {
  const text = lines.join("\n");
  return text.length > MAX_PASSAGE_CHARS ? `${text.slice(0, MAX_PASSAGE_CHARS)}…` : text;
};

/**
 * The passages where `found` differs from `expected`, line by line (or paragraph by
 * paragraph), the first `MAX_PASSAGES` of them. `complete` is false when there were more,
 * or too many edits to compare at all.
 */
export function differingPassages(
  expected: string[],
  found: string[],
): { passages: Passage[]; count: number; complete: boolean } {
  const changes =
    found.length <= maxLinesFor(expected.length)
      ? diffArrays(expected, found, { maxEditLength: MAX_EDIT_LENGTH })
      : undefined;
  if (!changes) return { passages: [], count: Number.POSITIVE_INFINITY, complete: false };
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
