import { describe, expect, it } from "vitest";
import { checkNewPassword, MIN_PASSWORD_LENGTH } from "./passwordRules.ts";

const account = { email: "hans.muster@be.ch", name: "Hans Muster" };

describe("checkNewPassword", () => {
  it("accepts a long, uncommon password", () => {
    expect(() => checkNewPassword("Aare-Brücke-Nydegg-1487", account)).not.toThrow();
  });

  it(`refuses passwords shorter than ${MIN_PASSWORD_LENGTH} characters, counting characters, not bytes`, () => {
    expect(() => checkNewPassword("kurz-1234", account)).toThrow(/at least 10/);
    expect(() => checkNewPassword("äöüäöüäöü", account)).toThrow(/at least 10/);
  });

  it.each([
    "1234567890",
    "qwertyuiop",
    "Password123",
    "PASSWORD2026!",
    "iloveyou12",
    "baseball!!!!",
    "accord-demo",
    "Accord-Demo2",
  ])("refuses the common password %s", (pw) => {
    expect(() => checkNewPassword(pw, account)).toThrow(/most common/);
  });

  it("refuses the account's e-mail, its local part or name", () => {
    expect(() => checkNewPassword("hans.muster@be.ch", account)).toThrow(/e-mail address or name/);
    expect(() => checkNewPassword("Hans.Muster2026", account)).toThrow(/e-mail address or name/);
    expect(() => checkNewPassword("hans muster", account)).toThrow(/e-mail address or name/);
  });
});
