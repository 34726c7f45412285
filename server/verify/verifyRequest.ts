import type { VerifyMatch, VerifyResult } from "../../shared/api/schemas.ts";
import { ArchiveError, type ZipLimits } from "../archive/readZip.ts";
import { archiveInvalid, archiveTooLarge } from "../errors.ts";
import type { NameLookup } from "../store/ports/AccountStore.ts";
import type { VersionStore } from "../store/ports/VersionStore.ts";
import type { ChainReader } from "../versions/milestones.ts";
import { readUpload } from "./readUpload.ts";
import type { RenderedExports } from "./renderedExports.ts";
import { matchOf, sourceOf, verifyFile } from "./verifyFile.ts";

/** An uploaded file's verdict; an archive past the limits answers 413, an unreadable one 422. */
export async function verifyUpload(
  store: ChainReader & VersionStore & NameLookup,
  file: Uint8Array,
  limits: ZipLimits,
  rendered: RenderedExports,
): Promise<VerifyResult> {
  try {
    return await verifyFile(store, await readUpload(file, limits), rendered);
  } catch (err) {
    if (err instanceof ArchiveError)
      throw err.reason === "too_large" ? archiveTooLarge(err.message) : archiveInvalid(err.message);
    throw err;
  }
}

/**
 * Which versions have `hash` as content or chain hash: `hash_known` or `unknown`. Holding a
 * hash proves nothing about a file, so this never answers `genuine`.
 */
export async function verifyHash(store: ChainReader & VersionStore & NameLookup, hash: string): Promise<VerifyResult> {
  const matches: VerifyMatch[] = [];
  for (const version of (await store.findVersionsByHash(hash)).slice(0, 20)) {
    const source = await sourceOf(store, version);
    if (source) matches.push(await matchOf(store, source));
  }
  return {
    verdict: matches.length > 0 ? "hash_known" : "unknown",
    hashes: [hash],
    matches,
    format: null,
    approvalsIncluded: null,
    approvalsTotal: null,
    differences: [],
    differencesComplete: true,
  };
}
