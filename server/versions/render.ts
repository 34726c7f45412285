import { createHash } from "node:crypto";
import type { JSONContent } from "@tiptap/core";
import type { DocumentKind } from "../../shared/api/schemas.ts";
import type { PartyHolder } from "../../shared/milestones/templates.ts";
import { parseSuggestionId } from "../../shared/suggestions/ids.ts";
import type { ChangeAuthor } from "../export/docx.ts";
import { archiveBundle, type ExportFormat, type ExportMeta, exportDocument } from "../export/index.ts";
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
  document: { id: string; title: string; kind: DocumentKind; parties: readonly PartyHolder[] };
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

/** Word attributes each pending suggestion to its author by name, as recorded at the freeze. */
export async function suggestionAuthors(
  store: NameLookup,
  doc: JSONContent,
  recorded?: Record<string, string>,
): Promise<ChangeAuthor> {
  const names = new Map<string, string>(Object.entries(recorded ?? {}));
  if (!recorded) {
    const nameOf = nameLookup(store);
    for (const id of suggestionAuthorIds(doc)) names.set(id, await nameOf(id));
  }
  return (id: unknown) => {
    const origin = parseSuggestionId(id);
    return origin ? (names.get(origin.userId) ?? origin.userId) : "Accord";
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
): Promise<{ bytes: Uint8Array; meta: ExportMeta }> {
  const v = source.state.version;
  const approvals = source.state.approvals.slice(0, approvalsIncluded);
  const meta = await versionMeta(store, source, approvals);
  const content = JSON.parse(v.pmJson) as JSONContent;
  const author = await suggestionAuthors(store, content, parseVersionRecord(v.record)?.authors);
  if (format !== "zip") return { bytes: await exportDocument(format, content, meta, author), meta };
  const files = bundleFiles(v);
  const [pdf, docx] = await Promise.all([
    exportDocument("pdf", content, meta),
    exportDocument("docx", content, meta, author),
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
