import { describe, expect, it } from "vitest";
import { CaretUser, caretLabel, caretUserOf } from "./CaretUser.ts";

describe("caretUserOf", () => {
  it("labels the caret with the name and the organisation's short name, in its colour", () => {
    const user = caretUserOf(
      {
        id: "u-andrea",
        email: "andrea.meier@so.ch",
        name: "Andrea Meier",
        orgId: "kanton-so",
        orgName: "Kanton Solothurn, Amt für Gesellschaft und Soziales",
        instanceRole: null,
        language: "de",
      },
      { shortName: "Kanton SO", colour: "#c8102e" },
    );
    expect(user).toEqual({ id: "u-andrea", name: "Andrea Meier", orgName: "Kanton SO", color: "#c8102e" });
    expect(caretLabel(user)).toBe("Andrea Meier (Kanton SO)");
  });

  it("falls back to the server's organisation name and a neutral colour for unknown organisations", () => {
    const user = caretUserOf({
      id: "u",
      email: "x@y.ch",
      name: "X",
      orgId: "other",
      orgName: "Andere Stelle",
      instanceRole: null,
      language: "de",
    });
    expect(user.orgName).toBe("Andere Stelle");
    expect(user.color).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe("CaretUser", () => {
  it("refuses a remote state whose colour could smuggle CSS", () => {
    const state = { userId: "u", name: "Mallory", orgName: "SEM", color: "red; background: url(https://evil)" };
    expect(CaretUser.safeParse(state).success).toBe(false);
  });
});
