import { describe, expect, it } from "vitest";
import { BoundedLru } from "./lru.ts";

describe("BoundedLru", () => {
  it("drops the least recently used entry past the entry bound", () => {
    const lru = new BoundedLru<string, number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    expect(lru.get("a")).toBe(1); // "b" is now the oldest
    lru.set("c", 3);
    expect([lru.get("a"), lru.get("b"), lru.get("c")]).toEqual([1, undefined, 3]);
    expect(lru.size).toBe(2);
  });

  it("keeps the total weight within its bound and never keeps a value heavier than it", () => {
    const lru = new BoundedLru<string, string>(100, 10, (s) => s.length);
    lru.set("a", "12345");
    lru.set("b", "123456");
    expect([lru.get("a"), lru.get("b")]).toEqual([undefined, "123456"]);
    lru.set("c", "x".repeat(11));
    expect(lru.get("c")).toBeUndefined();
    expect(lru.get("b")).toBe("123456");
  });
});
