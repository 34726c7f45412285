import { describe, expect, it } from "vitest";
import { LoginThrottle } from "./LoginThrottle.ts";

const limits = { perAccountAddress: 3, perAddress: 5, perAccount: 8, windowMs: 60_000 };

describe("LoginThrottle", () => {
  it("stops one address guessing one e-mail, then says how long to wait", () => {
    const t = new LoginThrottle(limits);
    for (let i = 0; i < 3; i++) {
      expect(t.retryAfter("a@so.ch", "1.1.1.1", 1000)).toBe(0);
      t.recordFailure("a@so.ch", "1.1.1.1", 1000);
    }
    expect(t.retryAfter("a@so.ch", "1.1.1.1", 1000)).toBe(60);
    expect(t.retryAfter("b@so.ch", "1.1.1.1", 1000)).toBe(0);
  });

  it("lets the account's owner in from another address while the guesser's address is stopped", () => {
    const t = new LoginThrottle(limits);
    for (let i = 0; i < 3; i++) t.recordFailure("a@so.ch", "6.6.6.6", 0);
    expect(t.retryAfter("a@so.ch", "6.6.6.6", 0)).toBe(60);
    expect(t.retryAfter("a@so.ch", "2.2.2.2", 0)).toBe(0);
  });

  it("limits one address trying many e-mails", () => {
    const t = new LoginThrottle(limits);
    for (let i = 0; i < 5; i++) t.recordFailure(`u${i}@so.ch`, "9.9.9.9", 0);
    expect(t.retryAfter("new@so.ch", "9.9.9.9", 10_000)).toBe(50);
    expect(t.retryAfter("new@so.ch", "8.8.8.8", 10_000)).toBe(0);
  });

  it("caps guessing one e-mail from many addresses with the much higher per-account bound", () => {
    const t = new LoginThrottle(limits);
    // Eight addresses, one guess each: each stays below its own bounds, the account reaches its cap.
    for (let i = 0; i < 8; i++) {
      expect(t.retryAfter("a@so.ch", `10.0.0.${i}`, i)).toBe(0);
      t.recordFailure("a@so.ch", `10.0.0.${i}`, i);
    }
    expect(t.retryAfter("a@so.ch", "10.0.0.99", 8)).toBe(60);
    expect(t.retryAfter("b@so.ch", "10.0.0.99", 8)).toBe(0);
  });

  it("does not let one account's failures, or a success, change another's count", () => {
    const t = new LoginThrottle(limits);
    for (let i = 0; i < 2; i++) t.recordFailure("a@so.ch", "1.1.1.1", 0);
    t.recordFailure("b@so.ch", "2.2.2.2", 0);
    expect(t.retryAfter("b@so.ch", "2.2.2.2", 0)).toBe(0);
    t.recordFailure("a@so.ch", "1.1.1.1", 0);
    expect(t.retryAfter("a@so.ch", "1.1.1.1", 0)).toBe(60);
    expect(t.retryAfter("b@so.ch", "2.2.2.2", 0)).toBe(0);
  });

  it("frees a key when the oldest of its counted failures leaves the window", () => {
    const t = new LoginThrottle(limits);
    for (const at of [0, 10_000, 20_000, 30_000]) t.recordFailure("a@so.ch", "1.1.1.1", at);
    // Only the newest three count: the pair is free once the one at 10 s is out of the window.
    expect(t.retryAfter("a@so.ch", "1.1.1.1", 40_000)).toBe(30);
    expect(t.retryAfter("a@so.ch", "1.1.1.1", 70_001)).toBe(0);
  });

  it("forgets e-mails and addresses that were tried once and never again", () => {
    const t = new LoginThrottle(limits);
    for (let i = 0; i < 100; i++) t.recordFailure(`spray${i}@so.ch`, `10.0.0.${i}`, i);
    expect(t.tracked).toBe(300);
    t.recordFailure("late@so.ch", "9.9.9.9", 60_000 + 100);
    expect(t.tracked).toBe(3);
  });

  it("forgets failures older than the window", () => {
    const t = new LoginThrottle(limits);
    for (let i = 0; i < 3; i++) t.recordFailure("a@so.ch", "1.1.1.1", 0);
    expect(t.retryAfter("a@so.ch", "1.1.1.1", 60_001)).toBe(0);
  });

  it("exempts the account's own recent addresses from the per-e-mail cap, and remembers only the last eight", () => {
    const t = new LoginThrottle(limits);
    t.recordSuccess("a@so.ch", "1.1.1.1", 0);
    for (let i = 0; i < 8; i++) t.recordFailure("a@so.ch", `10.0.0.${i}`, 0);
    expect(t.retryAfter("a@so.ch", "9.9.9.9", 0)).toBe(60);
    expect(t.retryAfter("a@so.ch", "1.1.1.1", 0)).toBe(0);
    for (let i = 0; i < 8; i++) t.recordSuccess("a@so.ch", `2.2.2.${i}`, 1);
    expect(t.retryAfter("a@so.ch", "1.1.1.1", 1)).toBe(60);
  });
});
