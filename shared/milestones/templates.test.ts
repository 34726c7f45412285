import { describe, expect, it } from "vitest";
import { fieldProblemOf, MILESTONES, milestoneOf } from "./templates.ts";

const signature = milestoneOf("agreement", "unterzeichnung");
if (!signature) throw new Error("no signature milestone");
const SIGNED_ON = { signedOn: "2024-05-02" };

describe("milestone templates", () => {
  it("have four eyes on the RRB milestones and the signatures (of agreements and amendments), and nowhere else", () => {
    const withFourEyes = Object.values(MILESTONES)
      .flat()
      .filter((m) => m.fourEyes)
      .map((m) => m.id);
    expect(withFourEyes).toEqual([
      "rrb-eingabe",
      "rrb-genehmigung",
      "unterzeichnung",
      "nachtrag-rrb-genehmigung",
      "nachtrag-unterzeichnung",
    ]);
  });

  it("take the signature's signatories as picks: one or two, distinct, never typed", () => {
    expect(fieldProblemOf(signature, SIGNED_ON, ["u-a"])).toBeNull();
    expect(fieldProblemOf(signature, SIGNED_ON, ["u-a", "u-b"])).toBeNull();
    expect(fieldProblemOf(signature, SIGNED_ON, [])?.kind).toBe("signatories");
    expect(fieldProblemOf(signature, SIGNED_ON, ["u-a", "u-b", "u-c"])?.kind).toBe("signatories");
    expect(fieldProblemOf(signature, SIGNED_ON, ["u-a", "u-a"])?.kind).toBe("signatories");
    expect(fieldProblemOf(signature, { ...SIGNED_ON, signatory: "Andrea Meier" }, ["u-a"])?.kind).toBe("signatories");
    expect(fieldProblemOf(signature, {}, ["u-a"])).toMatchObject({ kind: "required", key: "signedOn" });
  });

  it("refuses signatories on a milestone that records none", () => {
    const rrb = milestoneOf("agreement", "rrb-genehmigung");
    if (!rrb) throw new Error("no RRB milestone");
    expect(fieldProblemOf(rrb, { rrbNumber: "RRB 1", rrbDate: "2024-01-02" }, ["u-a"])?.kind).toBe("unknown");
  });
});
