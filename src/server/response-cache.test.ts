import { afterEach, describe, expect, it, vi } from "vitest";
import { LruCache, rememberFor, SingleFlight, versionedMemo } from "./response-cache.ts";

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

/** A read the test finishes when it likes, counting how often it was started. */
function controlledRead(values: string[]) {
  const pending: Array<(value: string) => void> = [];
  let started = 0;
  return {
    get started() {
      return started;
    },
    read: () =>
      new Promise<string>((resolve) => {
        started += 1;
        pending.push(resolve);
      }),
    finishAll() {
      for (const resolve of pending.splice(0)) resolve(values[Math.min(started, values.length) - 1] ?? "");
    },
  };
}

describe("single flight", () => {
  it("runs one production for every caller of a key while it is in flight, and a new one after", async () => {
    const flights = new SingleFlight<string>();
    const read = controlledRead(["v1", "v2"]);
    const waiting = Array.from({ length: 100 }, () => flights.run("term-a", read.read));
    expect(read.started).toBe(1);
    read.finishAll();
    expect(new Set(await Promise.all(waiting))).toEqual(new Set(["v1"]));
    expect(flights.size).toBe(0);
    const next = flights.run("term-a", read.read);
    read.finishAll();
    expect(await next).toBe("v2");
  });

  it("gives a failure to every caller waiting and keeps nothing of it", async () => {
    const flights = new SingleFlight<string>();
    let calls = 0;
    const failing = async () => {
      calls += 1;
      throw new Error("database gone");
    };
    const results = await Promise.allSettled([flights.run("k", failing), flights.run("k", failing)]);
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    expect(calls).toBe(1);
    await expect(flights.run("k", async () => "back")).resolves.toBe("back");
  });
});

/** Remembers the read's first value under "version" for one second. */
async function firstRead(owner: object, read: ReturnType<typeof controlledRead>): Promise<void> {
  const first = rememberFor(owner, "version", 1000, read.read);
  read.finishAll();
  await first;
}

describe("remembered values", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("makes concurrent readers of an expired value wait for one database read", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const owner = {};
    const read = controlledRead(["7.1", "7.2"]);
    const first = Array.from({ length: 100 }, () => rememberFor(owner, "version", 1000, read.read));
    read.finishAll();
    expect(await Promise.all(first)).toEqual(Array(100).fill("7.1"));
    expect(read.started).toBe(1);

    vi.advanceTimersByTime(1000);
    const expired = Array.from({ length: 100 }, () => rememberFor(owner, "version", 1000, read.read));
    expect(read.started).toBe(2);
    read.finishAll();
    expect(await Promise.all(expired)).toEqual(Array(100).fill("7.2"));
  });

  it("past half its time answers at once with the value it has and reads the new one in the background", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const owner = {};
    const read = controlledRead(["7.1", "7.2"]);
    await firstRead(owner, read);

    vi.advanceTimersByTime(600);
    expect(await rememberFor(owner, "version", 1000, read.read)).toBe("7.1");
    expect(await rememberFor(owner, "version", 1000, read.read)).toBe("7.1");
    expect(read.started).toBe(2);
    read.finishAll();
    await vi.waitFor(async () => expect(await rememberFor(owner, "version", 1000, read.read)).toBe("7.2"));
  });

  it("never serves a value older than its time, even while a background read is slow", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const owner = {};
    const read = controlledRead(["7.1", "7.2"]);
    await firstRead(owner, read);
    vi.advanceTimersByTime(600);
    await rememberFor(owner, "version", 1000, read.read);
    vi.advanceTimersByTime(500);
    let answered: string | undefined;
    const late = rememberFor(owner, "version", 1000, read.read).then((value) => {
      answered = value;
      return value;
    });
    await Promise.resolve();
    expect(answered).toBeUndefined();
    read.finishAll();
    expect(await late).toBe("7.2");
  });

  it("does not remember a failed read", async () => {
    const owner = {};
    await expect(
      rememberFor(owner, "version", 1000, async () => {
        throw new Error("database gone");
      }),
    ).rejects.toThrow("database gone");
    await expect(rememberFor(owner, "version", 1000, async () => "7.1")).resolves.toBe("7.1");
  });

  it("keeps one production per key of a versioned memo for concurrent first readers", async () => {
    const memo = versionedMemo<string>(10);
    const owner = {};
    const read = controlledRead(["orgs and skills"]);
    const readers = Array.from({ length: 20 }, () => memo(owner, "7.1", read.read));
    read.finishAll();
    expect(new Set(await Promise.all(readers))).toEqual(new Set(["orgs and skills"]));
    expect(read.started).toBe(1);
    expect(await memo(owner, "7.1", read.read)).toBe("orgs and skills");
    expect(read.started).toBe(1);
  });
});
