import { describe, expect, it } from "vitest";
import { RateLimiter } from "./RateLimiter.ts";

describe("RateLimiter", () => {
  it("allows max requests per window, then says how long to wait, then allows again", () => {
    const limiter = new RateLimiter({ max: 3, windowMs: 60_000, maxKeys: 100 });
    expect([0, 1, 2].map(() => limiter.take("a", 1_000))).toEqual([0, 0, 0]);
    expect(limiter.take("a", 1_000)).toBe(60);
    expect(limiter.take("a", 31_000)).toBe(30);
    expect(limiter.take("b", 31_000)).toBe(0);
    expect(limiter.take("a", 61_000)).toBe(0);
  });

  it("keeps at most maxKeys addresses after 100 000 distinct ones", () => {
    const limiter = new RateLimiter({ max: 30, windowMs: 60_000, maxKeys: 10_000 });
    for (let i = 0; i < 100_000; i++) limiter.take(`10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`, 1_000 + i);
    expect(limiter.size).toBe(10_000);
  });

  it("forgets expired windows before live ones when it must make room", () => {
    const limiter = new RateLimiter({ max: 1, windowMs: 1_000, maxKeys: 2 });
    limiter.take("old", 0);
    limiter.take("busy", 1_500);
    limiter.take("new", 1_600); // room is made by dropping "old", whose window ended
    expect(limiter.take("busy", 1_700)).toBe(1);
  });
});
