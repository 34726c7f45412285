import { describe, expect, it } from "vitest";
import { finalLine, finalNoteOf, isFinalMilestone } from "./finalState.ts";
import { milestoneStates } from "./status.ts";

const signed = (userName: string, signatory: string, at: string) => ({
  decision: "approve" as const,
  at,
  userName,
  details: [
    ["Unterzeichnet durch", signatory],
    ["Datum der Unterzeichnung", "2024-05-02"],
  ] as [string, string][],
});

describe("final state", () => {
  it("names the recorded signatories, not the colleague who approved, and the last decision's day", () => {
    const note = finalNoteOf("agreement", "unterzeichnung", [
      signed("Lukas Frei", "Andrea Meier", "2024-05-02T08:00:00.000Z"),
      signed("Claire Dubois", "Claire Dubois, Nina Weber", "2024-05-03T09:30:00.000Z"),
    ]);
    expect(note).toEqual({ at: "2024-05-03T09:30:00.000Z", by: ["Andrea Meier", "Claire Dubois", "Nina Weber"] });
    expect(finalLine("agreement", note)).toBe(
      "Endgültig: unterzeichnet am 03.05.2024 von Andrea Meier, Claire Dubois, Nina Weber",
    );
  });

  it("says a concept is concluded by the SEM's review, naming its approver where no signatories are recorded", () => {
    const note = finalNoteOf("concept", "sem-pruefung", [
      { decision: "approve", at: "2024-06-10T10:00:00.000Z", userName: "Claire Dubois", details: [] },
    ]);
    expect(note.by).toEqual(["Claire Dubois"]);
    expect(finalLine("concept", note)).toBe("Endgültig: abgeschlossen am 10.06.2024 (Prüfung durch das SEM)");
  });

  it("is final only once the last milestone of the path is reached", () => {
    expect(isFinalMilestone("agreement", "unterzeichnung")).toBe(true);
    expect(isFinalMilestone("agreement", "rrb-genehmigung")).toBe(false);
    expect(isFinalMilestone("amendment", "nachtrag-unterzeichnung")).toBe(true);
    const doc = {
      kind: "concept" as const,
      parties: [
        { orgId: "kanton-so", role: "canton" as const },
        { orgId: "sem", role: "federal" as const },
      ],
    };
    const head = (id: string, milestone: string) => ({ id, milestone }) as never;
    const yes = (versionId: string, orgId: string) => ({ versionId, orgId, decision: "approve" }) as never;
    const versions = [head("v1", "konzept-entwurf"), head("v2", "rrb-eingabe"), head("v3", "sem-pruefung")];
    const approvals = [yes("v1", "kanton-so"), yes("v2", "kanton-so")];
    expect(milestoneStates(doc, versions, approvals).final).toBeNull();
    expect(milestoneStates(doc, versions, [...approvals, yes("v3", "sem")]).final?.version).toEqual(versions[2]);
  });
});
