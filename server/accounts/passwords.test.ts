import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./passwords.ts";

describe("passwords", () => {
  it("verifies a password against its own hash", async () => {
    expect(await verifyPassword("accord-demo", await hashPassword("accord-demo"))).toBe(true);
  });

  it("refuses a wrong password", async () => {
    const stored = await hashPassword("accord-demo");
    expect(await verifyPassword("accord-dem0", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("salts every hash, so two hashes of the same password differ", async () => {
    const [first, second] = await Promise.all([hashPassword("accord-demo"), hashPassword("accord-demo")]);
    expect(first).not.toBe(second);
    expect(first).toMatch(/^scrypt\$[\w-]+\$[\w-]+$/);
  });

  it.each([
    ["an empty string", ""],
    ["another scheme", "bcrypt$AAAAAAAAAAAAAAAAAAAAAA$AAAA"],
    ["a missing salt", "scrypt$$AAAA"],
    ["a missing hash", "scrypt$AAAAAAAAAAAAAAAAAAAAAA$"],
    // A hash part that decodes to no bytes used to compare equal to every password.
    ["a hash that decodes to nothing", "scrypt$AAAAAAAAAAAAAAAAAAAAAA$!!!"],
    ["a hash shorter than one byte", "scrypt$AAAAAAAAAAAAAAAAAAAAAA$A"],
  ])("refuses every password against a malformed stored hash: %s", async (_, stored) => {
    expect(await verifyPassword("accord-demo", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  // Comparing only the bytes present would let a one-byte hash match one password in 256.
  it("refuses even the right password against its hash cut short, instead of comparing a prefix", async () => {
    const stored = await hashPassword("accord-demo");
    const cut = stored.slice(0, stored.lastIndexOf("$") + 4);
    expect(await verifyPassword("accord-demo", cut)).toBe(false);
  });
});
