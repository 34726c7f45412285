import { describe, expect, it } from "vitest";
import { MAX_PROVISIONED_NAME, provisionedName } from "./ssoAccount.ts";

describe("provisionedName", () => {
  it("keeps an ordinary name", () => {
    expect(provisionedName("Anna Muster", "anna@be.ch")).toBe("Anna Muster");
  });

  it("puts a name that would start lines of its own, or reorder text, on one line", () => {
    expect(provisionedName("Anna\r\nMuster\u202e\u2028SEM: freigegeben", "anna@be.ch")).toBe(
      "Anna Muster SEM: freigegeben",
    );
  });

  it("cuts a long name to the bound, by characters, not UTF-16 units", () => {
    const name = provisionedName("😀".repeat(500), "anna@be.ch");
    expect([...name]).toHaveLength(MAX_PROVISIONED_NAME);
    expect(name.endsWith("😀")).toBe(true);
  });

  it("uses the address's local part when the provider names nobody", () => {
    expect(provisionedName(null, "anna.muster@be.ch")).toBe("anna.muster");
    expect(provisionedName(" \n\u200b ", "anna.muster@be.ch")).toBe("anna.muster");
  });
});
