import { createHash } from "node:crypto";
import type { VerifyMatch, VerifyResult } from "../../shared/api/schemas.ts";
import type { NameLookup } from "../store/ports/AccountStore.ts";
import type { VersionRow, VersionStore } from "../store/ports/VersionStore.ts";
import { type ChainReader, documentMilestones } from "../versions/milestones.ts";
import { parseVersionRecord } from "../versions/record.ts";
import type { VersionSource } from "../versions/render.ts";
import { versionSummaries } from "../versions/summaries.ts";
import { verifyChain } from "../versions/verify.ts";
import { readableHtmlPassage } from "./htmlText.ts";
import { type Comparison, comparable, differingPassages, incomparable } from "./passages.ts";
import type { Upload } from "./readUpload.ts";
import { COMMENT_VARIANTS, type RenderedExports } from "./renderedExports.ts";

/** Versions looked at for one upload at most (only its own is rendered): verification stays bounded whatever the file names. */
const MAX_CANDIDATES = 5;

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

interface Candidate {
  version: VersionRow;
  /** Whether it is the version the file says it is (`Upload.own`). */
  own: boolean;
  /** How strongly the file mentions it: by id (4), by chain hash (2), by content hash (1). */
  score: number;
}

/** The version the file says it is (`Upload.own`), if it is one. */
async function ownVersion(store: ChainReader & VersionStore & NameLookup, upload: Upload): Promise<VersionRow | null> {
  const own = upload.own;
  if (!own) return null;
  if ("id" in own) return await store.findVersion(own.id);
  for (const hash of own.hashes) {
    const version = (await store.findVersionsByHash(hash)).find((v) => v.chainHash === hash);
    if (version) return version;
  }
  return null;
}

/**
 * The versions a file refers to, its own first (`Upload.own`, decided by where an export
 * puts it, so text naming other versions cannot displace it); then those it mentions by
 * id, by chain hash (unique per version), by content hash (which later versions with the
 * same text share); newer before older.
 */
async function candidatesOf(store: ChainReader & VersionStore & NameLookup, upload: Upload): Promise<Candidate[]> {
  const own = await ownVersion(store, upload);
  const found = new Map<string, Candidate>();
  const add = (version: VersionRow, score: number) => {
    if (version.id === own?.id) return;
    const c = found.get(version.id) ?? { version, own: false, score: 0 };
    c.score += score;
    found.set(version.id, c);
  };
  for (const id of upload.mentionedIds) {
    const v = await store.findVersion(id);
    if (v) add(v, 4);
  }
  for (const hash of upload.hashes)
    for (const v of await store.findVersionsByHash(hash)) add(v, v.chainHash === hash ? 2 : 1);
  const mentioned = [...found.values()].sort((a, b) => b.score - a.score || b.version.seq - a.version.seq);
  return own ? [{ version: own, own: true, score: 0 }, ...mentioned] : mentioned;
}

export async function sourceOf(
  store: ChainReader & VersionStore & NameLookup,
  version: VersionRow,
): Promise<VersionSource | null> {
  const { doc, states } = await documentMilestones(store, version.documentId);
  const state = states.find((s) => s.version.id === version.id);
  return state ? { document: doc, chain: states.filter((s) => s.version.seq <= version.seq), state } : null;
}

/** The version as a verify answer names it: document, summary, and whether its chain is intact up to it. */
export async function matchOf(
  store: ChainReader & VersionStore & NameLookup,
  source: VersionSource,
): Promise<VerifyMatch> {
  const versions = source.chain.map((s) => s.version);
  const problems = verifyChain(
    versions,
    source.chain.flatMap((s) => s.approvals),
  );
  const [summary] = await versionSummaries(store, [source.state]);
  if (!summary) throw new Error("no summary of a listed version");
  return {
    documentId: source.document.id,
    documentTitle: parseVersionRecord(source.state.version.record)?.title ?? source.document.title,
    version: summary,
    chainIntact: problems.length === 0,
    problems: problems.map((p) => p.problem),
  };
}

const empty = {
  format: null,
  approvalsIncluded: null,
  approvalsTotal: null,
  differences: [],
  differencesComplete: true,
};

/**
 * What an uploaded file is (issue 11): `genuine` when its bytes are exactly an export of a
 * version in its format with the version's decisions as they stood at some point (none, the
 * first, the first two, …); `altered` when it names a version but is no such export (for
 * DOCX, HTML and Markdown with the passages that differ from the claimed version's text);
 * `unknown` when nothing in it belongs to a version.
 */
export async function verifyFile(
  store: ChainReader & VersionStore & NameLookup,
  upload: Upload,
  rendered: RenderedExports,
): Promise<VerifyResult> {
  const candidates = (await candidatesOf(store, upload)).slice(0, MAX_CANDIDATES);
  const base = { hashes: upload.hashes };
  const claimed = candidates[0];
  if (!claimed) return { ...base, verdict: "unknown", matches: [], ...empty };
  const digest = sha256(upload.bytes);
  const format = upload.format;
  if (format) {
    // Every export of a version prints its chain hash: only versions whose chain hash the file
    // carries can be what it is an export of (a content hash alone is shared by equal texts).
    // The file's own version is rendered (once per process, `RenderedExports`); the others it
    // mentions are only compared with exports already rendered, so naming versions costs nothing.
    for (const { version, own } of candidates.filter((c) => upload.hashes.includes(c.version.chainHash))) {
      const source = await sourceOf(store, version);
      if (!source) continue;
      const total = source.state.approvals.length;
      for (let included = total; included >= 0; included--) {
        // An export with its comment threads or one asked for without them (`?comments=false`).
        let matched = false;
        for (const choice of COMMENT_VARIANTS) {
          const known = own
            ? await rendered.digest(source, format, included, choice)
            : rendered.knownDigest(source, format, included, choice);
          if (known === digest) matched = true;
          if (matched) break;
        }
        if (!matched) continue;
        return {
          ...base,
          ...empty,
          verdict: "genuine",
          matches: [await matchOf(store, source)],
          format,
          approvalsIncluded: included,
          approvalsTotal: total,
        };
      }
    }
  }
  const source = await sourceOf(store, claimed.version);
  if (!source) return { ...base, verdict: "unknown", matches: [], ...empty };
  const result: VerifyResult = {
    ...base,
    ...empty,
    verdict: "altered",
    matches: [await matchOf(store, source)],
    format,
  };
  const text = upload.text;
  if (!format || !text || format === "pdf" || format === "zip") return result;
  // Compared with the claimed version as it stood with as many decisions as fit best.
  let best: Comparison | null = null;
  for (let included = source.state.approvals.length; included >= 0; included--) {
    const expected = await rendered.text(source, format, included);
    // A file far longer than the export is not compared, so its lines are never built.
    const diff = comparable(expected.length, text.count) ? differingPassages(expected, text.units()) : incomparable();
    if (!best || diff.count < best.count) best = diff;
  }
  const passages = best?.passages ?? [];
  return {
    ...result,
    differences: format === "html" ? passages.map(readableHtmlPassage) : passages,
    differencesComplete: best?.complete ?? false,
  };
}
