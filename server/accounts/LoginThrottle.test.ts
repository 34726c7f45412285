import { describe, expect, it } from "vitest";
import { LoginThrottle } from "./LoginThrottle.ts";

const limits = { perEmail: 3, perAddress: 5, windowMs: 60_000 };

describe("LoginThrottle", () => {
  it("allows attempts until an e-mail has failed too often, then says how long to wait", () => {
    const t = new LoginThrottle(limits);
    for (let i = 0; i < 3; i++) {
      expect(t.retryAfter("a@so.ch", "1.1.1.1", 1000)).toBe(0);
      t.recordFailure("a@so.ch", "1.1.1.1", 1000);
    }
    expect(t.retryAfter("a@so.ch", "2.2.2.2", 1000)).toBe(60);
    expect(t.retryAfter("b@so.ch", "1.1.1.1", 1000)).toBe(0);
  });

  it("limits one address trying many e-mails", () => {
    const t = new LoginThrottle(limits);
    for (let i = 0; i < 5; i++) t.recordFailure(`u${i}@so.ch`, "9.9.9.9", 0);
    expect(t.retryAfter("new@so.ch", "9.9.9.9", 10_000)).toBe(50);
  });

  it("does not let one account's failures, or a success, change another's count", () => {
    const t = new LoginThrottle(limits);
    for (let i = 0; i < 2; i++) t.recordFailure("a@so.ch", "1.1.1.1", 0);
    t.recordFailure("b@so.ch", "2.2.2.2", 0);
    expect(t.retryAfter("b@so.ch", "2.2.2.2", 0)).toBe(0);
    t.recordFailure("a@so.ch", "1.1.1.1", 0);
    expect(t.retryAfter("a@so.ch", "3.3.3.3", 0)).toBe(60);
    expect(t.retryAfter("b@so.ch", "2.2.2.2", 0)).toBe(0);
  });

  it("forgets e-mails and addresses that were tried once and never again", () => {
    const t = new LoginThrottle(limits);
    for (let i = 0; i < 100; i++) t.recordFailure(`spray${i}@so.ch`, `10.0.0.${i}`, i);
    expect(t.tracked).toBe(200);
    t.recordFailure("late@so.ch", "9.9.9.9", 60_000 + 100);
    expect(t.tracked).toBe(2);
  });

  it("forgets failures older than the window", () => {
    const t = new LoginThrottle(limits);
    for (let i = 0; i < 3; i++) t.recordFailure("a@so.ch", "1.1.1.1", 0);
    expect(t.retryAfter("a@so.ch", "1.1.1.1", 60_001)).toBe(0);
  });
});
