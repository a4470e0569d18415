import { describe, expect, it } from "vitest";
import { LruCache } from "./response-cache.ts";

describe("LRU cache", () => {
  it("forgets the entry used longest ago once it holds its number of entries", () => {
    const cache = new LruCache<string>({ maxEntries: 2 });
    cache.set("a", "1");
    cache.set("b", "2");
    cache.get("a");
    cache.set("c", "3");
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual(["1", undefined, "3"]);
    expect(cache.size).toBe(2);
  });

  it("stays within its weight however many different keys are asked for", () => {
    const cache = new LruCache<string>({ maxEntries: 1000, maxWeight: 10_000, weigh: (text) => text.length });
    for (let n = 0; n < 5000; n += 1) cache.set(`q=${n}`, "x".repeat(1000));
    expect(cache.size).toBe(10);
    expect(cache.weight).toBe(10_000);
    expect(cache.get("q=4999")).toBeDefined();
    expect(cache.get("q=0")).toBeUndefined();
  });

  it("does not keep a value heavier than its whole budget, nor drop the others for it", () => {
    const cache = new LruCache<string>({ maxEntries: 10, maxWeight: 100, weigh: (text) => text.length });
    cache.set("small", "x".repeat(10));
    cache.set("huge", "x".repeat(101));
    expect(cache.get("huge")).toBeUndefined();
    expect(cache.get("small")).toBeDefined();
    expect(cache.weight).toBe(10);
  });

  it("counts a replaced entry's weight once", () => {
    const cache = new LruCache<string>({ maxEntries: 10, maxWeight: 100, weigh: (text) => text.length });
    cache.set("a", "x".repeat(60));
    cache.set("a", "x".repeat(60));
    expect(cache.get("a")).toHaveLength(60);
    expect(cache.weight).toBe(60);
  });
});
