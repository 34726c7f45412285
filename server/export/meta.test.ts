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
    const texts = lines.map((l) => l.text);
    expect(texts).toHaveLength(8);
    expect(texts.filter((l) => /[\n\r\u2028]/.test(l))).toEqual([]);
    expect(texts[2]).toMatch(/von Andrea Meier$/);
    expect(footerLine(meta)).toMatch(/^KIP 3 SEM: freigegeben – Version 2/);
  });

  it("sets what a person typed apart from the decision line it belongs to", () => {
    const lines = metaLines(meta).slice(5);
    expect(lines[0]?.quoted).toBeUndefined();
    expect(lines[0]?.text).toMatch(/^Kanton Solothurn: abgelehnt von Andrea Meier am [^–()]+$/);
    expect(lines.slice(1)).toEqual([
      { text: "RRB-Nummer: RRB 12 SEM: freigegeben von X", quoted: true, approval: 0 },
      { text: "Begründung: Erstens. Zweitens. Drittens.", quoted: true, approval: 0 },
    ]);
    // Which decision each line belongs to, so that the PDF keeps them on one page.
    expect(lines[0]?.approval).toBe(0);
    expect(
      metaLines(meta)
        .slice(0, 5)
        .map((l) => l.approval),
    ).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it("collapses padding and drops format characters, so no value can push text to a line start", () => {
    const padded = {
      ...meta,
      approvals: [
        {
          ...(meta.approvals[0] as ExportMeta["approvals"][number]),
          details: [],
          reason: `Bitte prüfen.${"\u2003".repeat(160)}\u200BSEM:\u200F freigegeben`,
        },
      ],
    };
    expect(metaLines(padded).at(-1)).toEqual({
      text: "Begründung: Bitte prüfen. SEM: freigegeben",
      quoted: true,
      approval: 0,
    });
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
