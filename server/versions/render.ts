import { createHash } from "node:crypto";
import type { JSONContent } from "@tiptap/core";
import type { DocumentKind } from "../../shared/api/schemas.ts";
import type { PartyHolder } from "../../shared/milestones/templates.ts";
import { parseSuggestionId } from "../../shared/suggestions/ids.ts";
import type { WordOrigin } from "../../shared/word/origins.ts";
import { wordOriginKey } from "../../shared/word/origins.ts";
import type { Attribution } from "../export/changes.ts";
import {
  archiveBundle,
  type ExportFormat,
  type ExportMeta,
  type ExportOptions,
  exportDocument,
} from "../export/index.ts";
import { exportAnnotations } from "../export/threads.ts";
import type { NameLookup } from "../store/ports/AccountStore.ts";
import type { ApprovalRow, VersionRow } from "../store/ports/VersionStore.ts";
import {
  KIND_LABELS,
  labelledDetails,
  parseApprovalRecord,
  parseVersionRecord,
  suggestionAuthorIds,
} from "./record.ts";
import { milestoneStates, type VersionState } from "./status.ts";

/** What an export of a version is made of: the document it belongs to and its chain up to it. */
export interface VersionSource {
  document: {
    id: string;
    title: string;
    kind: DocumentKind;
    parties: readonly PartyHolder[];
  };
  /** The version's state and those before it in the chain (for the bundle's manifest). */
  chain: readonly VersionState[];
  state: VersionState;
}

const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

/** Names for user ids, looked up once each: only for rows frozen before the record was kept. */
function nameLookup(store: NameLookup) {
  const cache = new Map<string, Promise<string>>();
  return (userId: string) => {
    let name = cache.get(userId);
    if (!name) {
      name = store.findUserById(userId).then((u) => u?.name ?? userId);
      cache.set(userId, name);
    }
    return name;
  };
}

/**
 * Who made each pending suggestion and when, for Word's tracked changes: an imported one
 * its Word author and date (`wordOrigins`), any other its suggester by name (as recorded at
 * the freeze; live names only without a record) at the time in its id. Marks whose id is
 * no suggestion's are Accord's, at `fallbackAt`.
 */
export async function suggestionAttribution(
  store: NameLookup,
  doc: JSONContent,
  input: { recorded?: Record<string, string>; wordOrigins?: Map<string, WordOrigin>; fallbackAt: string },
): Promise<Attribution> {
  const names = new Map<string, string>(Object.entries(input.recorded ?? {}));
  if (!input.recorded) {
    const nameOf = nameLookup(store);
    for (const id of suggestionAuthorIds(doc)) names.set(id, await nameOf(id));
  }
  return (id: unknown) => {
    const origin = parseSuggestionId(id);
    if (!origin) return { name: "Accord", at: input.fallbackAt };
    const at = new Date(origin.at).toISOString();
    const word = typeof id === "string" ? input.wordOrigins?.get(wordOriginKey.suggestion(id)) : undefined;
    if (word) return { name: word.author, at: word.date ?? at };
    return { name: names.get(origin.userId) ?? origin.userId, at };
  };
}

/**
 * The document's author as the frozen chain records it: the person who froze its first
 * version (a live lookup would change a version's bytes after a rename).
 */
export const firstFreezer = (chain: readonly VersionState[]): string | undefined => {
  const first = chain[0]?.version;
  return first ? (parseVersionRecord(first.record)?.frozenByName ?? undefined) : undefined;
};

/** Whether an export carries the comment threads (`?comments=false` leaves them out). */
export interface CommentsChoice {
  comments: boolean;
}

/**
 * What a version's export carries beside its text: attribution of its suggestions, its
 * threads (unless left out), its creator and its last editor (the person who froze it).
 * All from the frozen state and record, so every export of the version is the same bytes.
 */
async function versionOptions(
  store: NameLookup,
  v: VersionRow,
  content: JSONContent,
  meta: ExportMeta,
  choice: CommentsChoice,
  creator: string | undefined,
): Promise<ExportOptions> {
  const { threads, wordOrigins } = exportAnnotations(v.state);
  const attribution = await suggestionAttribution(store, content, {
    ...(parseVersionRecord(v.record)?.authors ? { recorded: parseVersionRecord(v.record)?.authors } : {}),
    wordOrigins,
    fallbackAt: v.frozenAt,
  });
  return {
    attribution,
    ...(choice.comments ? { threads } : {}),
    ...(creator ? { creator } : {}),
    ...(meta.frozenBy ? { lastEditor: meta.frozenBy } : {}),
  };
}

/**
 * What an export prints about a version with the first `approvals` of its decisions, all
 * from the frozen records (a later rename changes nothing); live names only for rows frozen
 * before records were kept.
 */
export async function versionMeta(
  store: NameLookup,
  source: VersionSource,
  approvals: readonly ApprovalRow[],
): Promise<ExportMeta> {
  const { version: v, template } = source.state;
  const record = parseVersionRecord(v.record);
  const nameOf = nameLookup(store);
  return {
    title: record?.title ?? source.document.title,
    documentId: v.documentId,
    kindLabel: record?.kindLabel ?? KIND_LABELS[source.document.kind],
    milestone: record?.milestoneLabel ?? template?.label ?? v.milestone,
    versionId: v.id,
    seq: v.seq,
    contentHash: v.contentHash,
    chainHash: v.chainHash,
    frozenAt: v.frozenAt,
    frozenBy: record?.frozenByName ?? (await nameOf(v.frozenBy)),
    draft: false,
    approvals: await Promise.all(
      approvals.map(async (a) => {
        const r = parseApprovalRecord(a.record);
        return {
          orgName: r?.orgName ?? (await store.organisationName(a.orgId)) ?? a.orgId,
          userName: r?.userName ?? (await nameOf(a.userId)),
          decision: a.decision,
          at: a.at,
          details:
            r?.details ??
            labelledDetails(source.document.kind, v.milestone, JSON.parse(a.details) as Record<string, string>),
          reason: a.reason,
        };
      }),
    ),
  };
}

/** The exact bytes the bundle carries beside the exports, each named as in the README's recipe. */
function bundleFiles(v: VersionRow): Record<string, Uint8Array> {
  const text = (s: string) => new TextEncoder().encode(s);
  return {
    "content.json": text(v.pmJson),
    "open-items.json": text(v.openItems),
    ...(v.record === null ? {} : { "record.json": text(v.record) }),
    "state.yjs": v.state,
  };
}

/**
 * A version in `format` as it stood with its first `approvalsIncluded` decisions (default:
 * all). Deterministic: the same version, format and decisions give the same bytes, which is
 * what `POST /api/verify` compares against.
 */
export async function renderVersion(
  store: NameLookup,
  source: VersionSource,
  format: ExportFormat,
  approvalsIncluded = source.state.approvals.length,
  choice: CommentsChoice = { comments: true },
): Promise<{ bytes: Uint8Array; meta: ExportMeta }> {
  const v = source.state.version;
  const approvals = source.state.approvals.slice(0, approvalsIncluded);
  const meta = await versionMeta(store, source, approvals);
  const content = JSON.parse(v.pmJson) as JSONContent;
  const options = await versionOptions(store, v, content, meta, choice, firstFreezer(source.chain));
  if (format !== "zip") return { bytes: await exportDocument(format, content, meta, options), meta };
  const files = bundleFiles(v);
  const [pdf, docx] = await Promise.all([
    exportDocument("pdf", content, meta, options),
    exportDocument("docx", content, meta, options),
  ]);
  const status = milestoneStates(source.document, [v], approvals).states[0]?.status ?? "pending";
  const manifest = {
    format: "accord-archive/2",
    document: { id: source.document.id, title: meta.title, kind: source.document.kind },
    version: {
      id: v.id,
      documentId: v.documentId,
      seq: v.seq,
      milestone: v.milestone,
      milestoneLabel: meta.milestone,
      status,
      frozenAt: v.frozenAt,
      frozenBy: v.frozenBy,
      frozenByName: meta.frozenBy,
      contentHash: v.contentHash,
      stateHash: v.stateHash,
      prevHash: v.prevHash,
      chainHash: v.chainHash,
      record: v.record,
    },
    approvals,
    chain: source.chain
      .filter((s) => s.version.seq <= v.seq)
      .map((s) => ({
        id: s.version.id,
        seq: s.version.seq,
        contentHash: s.version.contentHash,
        chainHash: s.version.chainHash,
      })),
    files: Object.fromEntries(
      Object.entries({ "document.pdf": pdf, "document.docx": docx, ...files }).map(([name, bytes]) => [
        name,
        sha256(bytes),
      ]),
    ),
    hashes: {
      algorithm: "SHA-256",
      content: "sha256(content.json)",
      chain:
        "sha256(prevHash\\ncontentHash\\nmilestone\\nfrozenAt\\nfrozenBy\\ndocumentId\\nid\\nseq\\nstateHash\\nsha256(open-items.json)[\\nsha256(record.json)])",
      approval:
        "sha256(chainHash\\nid\\nversionId\\nuserId\\norgId\\ndecision\\ndetails\\nreason\\nat[\\nsha256(record)])",
      recipe: "README.md, section “Verifying a bundle without Accord”",
    },
  };
  const bytes = archiveBundle({ pdf, docx, files, manifest, mtime: v.frozenAt });
  return { bytes, meta };
}
