import { createHash } from "node:crypto";
import { strFromU8 } from "fflate";
import type { VerifyMatch, VerifyResult } from "../../shared/api/schemas.ts";
import type { ZipLimits } from "../archive/readZip.ts";
import { readZip } from "../archive/readZip.ts";
import type { ExportFormat } from "../export/index.ts";
import type { Store, VersionRow } from "../store/Store.ts";
import { documentMilestones } from "../versions/milestones.ts";
import { parseVersionRecord } from "../versions/record.ts";
import { renderVersion, type VersionSource } from "../versions/render.ts";
import { versionSummaries } from "../versions/summaries.ts";
import { verifyChain } from "../versions/verify.ts";
import { docxParagraphs } from "./docxText.ts";
import { readableHtmlPassage } from "./htmlText.ts";
import { differingPassages } from "./passages.ts";
import type { Upload } from "./readUpload.ts";

/** Versions re-exported for one upload at most: verification stays bounded whatever the file names. */
const MAX_CANDIDATES = 5;

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

interface Candidate {
  version: VersionRow;
  /** How strongly the file names it: its id as its own (4), its chain hash (2), its content hash (1). */
  score: number;
}

/**
 * The versions a file names, the one it claims to be first: named by id as its own
 * ("Versions-ID …", the manifest's version), then by chain hash (unique per version), then
 * by content hash (which later versions with the same text share); newer before older.
 */
async function candidatesOf(store: Store, upload: Upload): Promise<Candidate[]> {
  const found = new Map<string, Candidate>();
  const add = (version: VersionRow, score: number) => {
    const c = found.get(version.id) ?? { version, score: 0 };
    c.score += score;
    found.set(version.id, c);
  };
  for (const id of upload.claimedIds) {
    const v = await store.findVersion(id);
    if (v) add(v, 4);
  }
  for (const hash of upload.hashes)
    for (const v of await store.findVersionsByHash(hash)) add(v, v.chainHash === hash ? 2 : 1);
  return [...found.values()].sort((a, b) => b.score - a.score || b.version.seq - a.version.seq);
}

export async function sourceOf(store: Store, version: VersionRow): Promise<VersionSource | null> {
  const { doc, states } = await documentMilestones(store, version.documentId);
  const state = states.find((s) => s.version.id === version.id);
  return state ? { document: doc, chain: states.filter((s) => s.version.seq <= version.seq), state } : null;
}

/** The version as a verify answer names it: document, summary, and whether its chain is intact up to it. */
export async function matchOf(store: Store, source: VersionSource): Promise<VerifyMatch> {
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

/** The text of an export in the form `Upload.text` has: DOCX paragraphs, or lines. */
async function textOf(bytes: Uint8Array, format: ExportFormat, limits: ZipLimits): Promise<string[]> {
  if (format !== "docx") return strFromU8(bytes).split("\n");
  const body = (await readZip(bytes, limits, (name) => name === "word/document.xml")).get("word/document.xml");
  return body ? docxParagraphs(strFromU8(body)) : [];
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
export async function verifyFile(store: Store, upload: Upload, limits: ZipLimits): Promise<VerifyResult> {
  const candidates = (await candidatesOf(store, upload)).slice(0, MAX_CANDIDATES);
  const base = { hashes: upload.hashes };
  const claimed = candidates[0];
  if (!claimed) return { ...base, verdict: "unknown", matches: [], ...empty };
  const digest = sha256(upload.bytes);
  const format = upload.format;
  if (format) {
    // Every export of a version prints its chain hash: only versions whose chain hash the file
    // carries can be what it is an export of (a content hash alone is shared by equal texts).
    for (const { version } of candidates.filter((c) => upload.hashes.includes(c.version.chainHash))) {
      const source = await sourceOf(store, version);
      if (!source) continue;
      const total = source.state.approvals.length;
      for (let included = total; included >= 0; included--) {
        const { bytes } = await renderVersion(store, source, format, included);
        if (sha256(bytes) !== digest) continue;
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
  if (!format || !upload.text || format === "pdf" || format === "zip") return result;
  // Compared with the claimed version as it stood with as many decisions as fit best.
  let best: ReturnType<typeof differingPassages> | null = null;
  for (let included = source.state.approvals.length; included >= 0; included--) {
    const expected = await textOf((await renderVersion(store, source, format, included)).bytes, format, limits);
    const diff = differingPassages(expected, upload.text);
    if (!best || diff.count < best.count) best = diff;
  }
  const passages = best?.passages ?? [];
  return {
    ...result,
    differences: format === "html" ? passages.map(readableHtmlPassage) : passages,
    differencesComplete: best?.complete ?? false,
  };
}
