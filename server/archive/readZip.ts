import { Unzip, type UnzipFile, UnzipInflate } from "fflate";

/** How much an archive from outside may hold once inflated. */
export interface ZipLimits {
  /** Entries in the archive, read or skipped. */
  maxEntries: number;
  /** Inflated bytes of all entries read, together. */
  maxTotalBytes: number;
}

/** Why an archive was not read: too big once inflated (413) or not a readable zip (422). */
export class ArchiveError extends Error {
  override name = "ArchiveError";
  constructor(
    readonly reason: "too_large" | "invalid",
    message: string,
  ) {
    super(message);
  }
}

/**
 * Input is fed in slices this small so that one step inflates at most about 1,000 times
 * its size (DEFLATE's ceiling): a zip bomb is stopped a few MiB past the limit, never
 * after it has filled the heap (issue 11: a 1 MiB upload inflating to gigabytes).
 */
const SLICE_BYTES = 4096;
/** Slices between yields to the event loop, so a large upload does not stall other requests. */
const SLICES_PER_TURN = 64;
/** Inflated bytes after which the read yields too: a small zip may inflate to many MiB per slice. */
const INFLATED_PER_TURN = 1024 * 1024;

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** The end-of-central-directory record sits in the last 22 + 65,535 (comment) bytes of every zip. */
function hasEndRecord(bytes: Uint8Array): boolean {
  for (let at = bytes.byteLength - 22; at >= Math.max(0, bytes.byteLength - 22 - 0xffff); at--) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 0x05 && bytes[at + 3] === 0x06) return true;
  }
  return false;
}

/**
 * Reads the entries `want` selects from a zip made by someone else, streaming and
 * bounded: more entries or inflated bytes than `limits` allow stop the read with an
 * `ArchiveError` and leave nothing behind. Entries not wanted are counted, not inflated.
 * Duplicate names are refused: two readers could otherwise see two different files.
 */
export async function readZip(
  bytes: Uint8Array,
  limits: ZipLimits,
  want: (name: string) => boolean = () => true,
): Promise<Map<string, Uint8Array>> {
  if (!isZip(bytes)) throw new ArchiveError("invalid", "not a zip archive");
  // Cut short before the entries asked for, a stream would simply end with none of them.
  if (!hasEndRecord(bytes)) throw new ArchiveError("invalid", "truncated zip archive: no end record");
  const chunks = new Map<string, Uint8Array[]>();
  const done = new Set<string>();
  const names = new Set<string>();
  let total = 0;
  let sinceYield = 0;
  // Set from inside fflate's callbacks; an object so that the checks below see the writes.
  const state: { failure: ArchiveError | null } = { failure: null };
  const fail = (error: ArchiveError) => {
    state.failure ??= error;
  };

  const unzip = new Unzip((file: UnzipFile) => {
    if (state.failure) return;
    if (names.has(file.name)) return fail(new ArchiveError("invalid", `duplicate entry ${file.name}`));
    names.add(file.name);
    if (names.size > limits.maxEntries) return fail(new ArchiveError("too_large", "too many entries"));
    if (!want(file.name)) return;
    const parts: Uint8Array[] = [];
    chunks.set(file.name, parts);
    file.ondata = (err, data, final) => {
      if (state.failure) return;
      if (err) return fail(new ArchiveError("invalid", `entry ${file.name} does not inflate`));
      total += data.byteLength;
      sinceYield += data.byteLength;
      if (total > limits.maxTotalBytes) {
        parts.length = 0;
        return fail(new ArchiveError("too_large", "archive inflates beyond the limit"));
      }
      parts.push(data);
      if (final) done.add(file.name);
    };
    file.start();
  });
  unzip.register(UnzipInflate);

  try {
    for (let offset = 0, slice = 0; offset < bytes.byteLength && !state.failure; offset += SLICE_BYTES, slice++) {
      const end = Math.min(offset + SLICE_BYTES, bytes.byteLength);
      unzip.push(bytes.subarray(offset, end), end === bytes.byteLength);
      if (slice % SLICES_PER_TURN === SLICES_PER_TURN - 1 || sinceYield >= INFLATED_PER_TURN) {
        sinceYield = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  } catch (err) {
    fail(new ArchiveError("invalid", `not a readable zip archive: ${(err as Error).message}`));
  }
  if (state.failure) {
    chunks.clear();
    throw state.failure;
  }
  const entries = new Map<string, Uint8Array>();
  for (const [name, parts] of chunks) {
    if (!done.has(name)) throw new ArchiveError("invalid", `entry ${name} is truncated`);
    entries.set(name, concat(parts));
  }
  return entries;
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
