import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { JSONContent } from "@tiptap/core";
import type * as Y from "yjs";
import { archiveBundle, type ExportMeta, exportDocument } from "../../server/export/index.ts";
import { kip3Agreement } from "../../server/seed/content/kip3Agreement.ts";
import { openSqliteStore } from "../../server/store/sqlite/openSqliteStore.ts";
import { freezeVersion, readDocument } from "../../server/versions/freeze.ts";
import { verifyAll } from "../../server/versions/verify.ts";
import { docWith } from "../helpers/headlessEditor.ts";
import { type Summary, summarise } from "./stats.ts";

function agreementTimes(copies: number): unknown[] {
  const blocks = (kip3Agreement.content as JSONContent).content ?? [];
  return Array.from({ length: copies }, () => blocks).flat();
}

async function timed<T>(runs: number, work: () => Promise<T> | T): Promise<Summary> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await work();
    times.push(performance.now() - t);
  }
  return summarise(times);
}

export interface MilestoneCost {
  copies: number;
  blocks: number;
  freeze: Summary;
  exports: Record<string, { time: Summary; bytes: number }>;
  chain: { seq: number; id: string; contentHash: string; chainHash: string; prevHash: string | null }[];
  chainProblems: number;
}

/**
 * Freezing (Yjs → canonical ProseMirror JSON → hashes → one SQLite insert) and exporting
 * each format, on the demo agreement `copies` times over. Also returns the chain of the
 * versions it froze, for the record.
 */
export async function measureMilestoneCost(copies: number, runs = 5): Promise<MilestoneCost> {
  const dir = mkdtempSync(path.join(tmpdir(), "accord-bench-milestones-"));
  const store = await openSqliteStore(path.join(dir, "bench.sqlite"));
  try {
    await store.createUser({
      id: "u-andrea",
      email: "a@so.ch",
      name: "Andrea Meier",
      orgId: "kanton-so",
      passwordHash: "x",
    });
    await store.createDocument({
      id: "bench",
      title: kip3Agreement.title,
      kind: "agreement",
      ownerId: "u-andrea",
      crossPartyAcceptance: true,
      parties: [
        { orgId: "kanton-so", role: "canton" },
        { orgId: "sem", role: "federal" },
      ],
    });
    const doc: Y.Doc = docWith(agreementTimes(copies));
    let previous: Awaited<ReturnType<typeof store.listVersions>>[number] | null = null;
    const freeze = await timed(runs, async () => {
      const version = freezeVersion({
        id: `v-bench-${(previous?.seq ?? 0) + 1}`,
        documentId: "bench",
        milestone: "pv-bereinigt",
        doc,
        frozenBy: "u-andrea",
        frozenAt: new Date().toISOString(),
        previous,
        record: null,
      });
      await store.insertVersion(version);
      previous = version;
    });
    const content = readDocument(doc).json as JSONContent;
    const last = (await store.listVersions("bench")).at(-1);
    const meta: ExportMeta = {
      title: kip3Agreement.title,
      documentId: "bench",
      kindLabel: "Programmvereinbarung",
      milestone: "Programmvereinbarung bereinigt",
      versionId: last?.id ?? null,
      seq: last?.seq ?? null,
      contentHash: last?.contentHash ?? null,
      chainHash: last?.chainHash ?? null,
      frozenAt: last?.frozenAt ?? null,
      frozenBy: "Andrea Meier",
      draft: false,
      approvals: [],
    };
    const exports: MilestoneCost["exports"] = {};
    for (const format of ["pdf", "docx", "html", "md"] as const) {
      let bytes = 0;
      const time = await timed(runs, async () => {
        bytes = (await exportDocument(format, content, meta)).byteLength;
      });
      exports[format] = { time, bytes };
    }
    let zipBytes = 0;
    const zipTime = await timed(runs, async () => {
      const [pdf, docx] = await Promise.all([
        exportDocument("pdf", content, meta),
        exportDocument("docx", content, meta),
      ]);
      const state = last?.state ?? new Uint8Array();
      zipBytes = archiveBundle({
        pdf,
        docx,
        files: { "state.yjs": state },
        manifest: {},
        mtime: meta.frozenAt ?? "",
      }).byteLength;
    });
    exports.zip = { time: zipTime, bytes: zipBytes };
    const versions = await store.listVersions("bench");
    return {
      copies,
      blocks: content.content?.length ?? 0,
      freeze,
      exports,
      chain: versions.map((v) => ({
        seq: v.seq,
        id: v.id,
        contentHash: v.contentHash,
        chainHash: v.chainHash,
        prevHash: v.prevHash,
      })),
      chainProblems: (await verifyAll(store)).length,
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
