import { createHash } from "node:crypto";
import { strFromU8 } from "fflate";
import { readZip, type ZipLimits } from "../archive/readZip.ts";
import type { ExportFormat } from "../export/index.ts";
import type { NameLookup } from "../store/ports/AccountStore.ts";
import type { VersionStore } from "../store/ports/VersionStore.ts";
import type { ChainReader } from "../versions/milestones.ts";
import { type CommentsChoice, renderVersion, type VersionSource } from "../versions/render.ts";
import { docxParagraphs } from "./docxText.ts";
import { BoundedLru } from "./lru.ts";

/** Digests kept: 64 hex characters each, so a few hundred kB at most. */
const MAX_DIGESTS = 4096;
/** Export texts kept for comparisons, in characters all together. */
const MAX_TEXT_CHARS = 16 * 1024 * 1024;
const MAX_TEXTS = 256;

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/**
 * A version's exports as verification compares them: their SHA-256 digests and their text,
 * each rendered at most once per process while it stays in the bounded caches. Exports are
 * deterministic and versions immutable, and decisions are only appended, so the key
 * (version, format, decisions included, with or without comments) always names the same bytes.
 */
export class RenderedExports {
  private readonly digests = new BoundedLru<string, string>(MAX_DIGESTS);
  private readonly texts = new BoundedLru<string, string[]>(MAX_TEXTS, MAX_TEXT_CHARS, (units) =>
    units.reduce((n, u) => n + u.length + 1, 0),
  );

  constructor(
    private readonly store: ChainReader & VersionStore & NameLookup,
    private readonly limits: ZipLimits,
  ) {}

  /** The digest of the export, rendering it only if it is not known yet. */
  async digest(
    source: VersionSource,
    format: ExportFormat,
    included: number,
    choice: CommentsChoice = WITH_COMMENTS,
  ): Promise<string> {
    const key = keyOf(source, format, included, choice);
    return this.digests.get(key) ?? (await this.render(key, source, format, included, choice)).digest;
  }

  /** The digest if it is known, without rendering anything. */
  knownDigest(
    source: VersionSource,
    format: ExportFormat,
    included: number,
    choice: CommentsChoice = WITH_COMMENTS,
  ): string | undefined {
    return this.digests.get(keyOf(source, format, included, choice));
  }

  /** The export's text in the form `UploadText` has: DOCX paragraphs, or lines. */
  async text(source: VersionSource, format: ExportFormat, included: number): Promise<string[]> {
    const key = keyOf(source, format, included, WITH_COMMENTS);
    const known = this.texts.get(key);
    if (known) return known;
    const { bytes } = await this.render(key, source, format, included, WITH_COMMENTS);
    const units = format === "docx" ? await docxText(bytes, this.limits) : strFromU8(bytes).split("\n");
    this.texts.set(key, units);
    return units;
  }

  private async render(
    key: string,
    source: VersionSource,
    format: ExportFormat,
    included: number,
    choice: CommentsChoice,
  ) {
    const { bytes } = await renderVersion(this.store, source, format, included, choice);
    const digest = sha256(bytes);
    this.digests.set(key, digest);
    return { bytes, digest };
  }
}

const WITH_COMMENTS: CommentsChoice = { comments: true };

/** The variants an export of a version comes in: with its comment threads (the default) and without (`?comments=false`). */
export const COMMENT_VARIANTS: readonly CommentsChoice[] = [WITH_COMMENTS, { comments: false }];

const keyOf = (source: VersionSource, format: ExportFormat, included: number, choice: CommentsChoice) =>
  `${source.state.version.id}\n${format}\n${included}\n${choice.comments ? "comments" : "no-comments"}`;

async function docxText(bytes: Uint8Array, limits: ZipLimits): Promise<string[]> {
  const body = (await readZip(bytes, limits, (name) => name === "word/document.xml")).get("word/document.xml");
  return body ? await docxParagraphs(body) : [];
}
