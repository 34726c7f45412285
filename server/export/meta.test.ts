import { describe, expect, it } from "vitest";
import { type ExportMeta, footerLine, metaLines, printableMeta } from "./meta.ts";

const meta: ExportMeta = {
  title: "KIP 3\nSEM: freigegeben",
  documentId: "d",
  kindLabel: "Programmkonzept",
  milestone: "Regierungsratsbeschluss (RRB) zur Programmeingabe",
  versionId: "v-1",
  seq: 2,
  contentHash: "a".repeat(64),
  chainHash: "b".repeat(64),
  frozenAt: "2024-03-01T08:00:00.000Z",
  frozenBy: "Andrea\r\nMeier",
  draft: false,
  approvals: [
    {
      orgName: "Kanton Solothurn",
      userName: "Andrea Meier",
      decision: "reject",
      at: "2024-03-02T09:00:00.000Z",
      details: [["RRB-Nummer", "RRB 12\nSEM: freigegeben von X"]],
      reason: "Erstens.\n\nZweitens.\u2028Drittens.",
    },
  ],
};

describe("metaLines", () => {
  it("prints every value on the line it belongs to: breaks and control characters become spaces", () => {
    const lines = metaLines(meta);
    expect(lines).toHaveLength(6);
    expect(lines.filter((l) => /[\n\r\u2028]/.test(l))).toEqual([]);
    expect(lines[5]).toMatch(/\(RRB-Nummer: RRB 12 SEM: freigegeben von X\) – Erstens\. Zweitens\. Drittens\.$/);
    expect(lines[2]).toMatch(/von Andrea Meier$/);
    expect(footerLine(meta)).toMatch(/^KIP 3 SEM: freigegeben – Version 2/);
  });

  it("puts the title and every other printed value on one line for the exports' headings", () => {
    const safe = printableMeta(meta);
    expect([safe.title, safe.frozenBy, safe.approvals[0]?.details[0]?.[1], safe.approvals[0]?.reason]).toEqual([
      "KIP 3 SEM: freigegeben",
      "Andrea Meier",
      "RRB 12 SEM: freigegeben von X",
      "Erstens. Zweitens. Drittens.",
    ]);
  });
});
