import type { FastifyReply } from "fastify";
import type { z } from "zod";
import type { AppContext } from "./context.ts";

/** How many entries, and how much weight in all, an LRU cache keeps. */
export interface LruLimits<V> {
  maxEntries: number;
  /** The most weight the entries may have together (with `weigh`, e.g. bytes of text). */
  maxWeight?: number;
  /** The weight of one value; without it, every value weighs nothing. */
  weigh?: (value: V) => number;
}

/** A bounded map that forgets the entry used longest ago, by count and optionally by weight. */
export class LruCache<V> {
  readonly #entries = new Map<string, { value: V; weight: number }>();
  readonly #limits: LruLimits<V>;
  #weight = 0;

  constructor(limits: LruLimits<V>) {
    this.#limits = limits;
  }

  /** How many entries the cache holds now. */
  get size(): number {
    return this.#entries.size;
  }

  /** The weight of every entry together. */
  get weight(): number {
    return this.#weight;
  }

  /** The value under `key`, which becomes the entry used last. */
  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    // Re-inserting moves the key to the end: the Map's order is the order of use.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value` under `key`, forgetting the entries used longest ago while over a limit. */
  set(key: string, value: V): void {
    const weight = this.#limits.weigh?.(value) ?? 0;
    const maxWeight = this.#limits.maxWeight ?? Number.POSITIVE_INFINITY;
    this.#remove(key);
    // A value heavier than the whole budget would only push everything else out.
    if (weight > maxWeight) return;
    this.#entries.set(key, { value, weight });
    this.#weight += weight;
    while (this.#entries.size > this.#limits.maxEntries || this.#weight > maxWeight) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#remove(oldest);
    }
  }

  #remove(key: string): void {
    const entry = this.#entries.get(key);
    if (entry === undefined) return;
    this.#entries.delete(key);
    this.#weight -= entry.weight;
  }
}

/**
 * What one named response cache may hold per process: free text and filters let anyone ask for
 * new keys, so the bound, not the variety of requests, decides the memory it takes.
 */
const RESPONSE_CACHE_LIMITS: LruLimits<string> = { maxEntries: 1000, maxWeight: 32 * 1024 * 1024, weigh: (json) => json.length * 2 };

const caches = new WeakMap<AppContext, Map<string, LruCache<string>>>();

function cacheOf(context: AppContext, name: string): LruCache<string> {
  let named = caches.get(context);
  if (!named) {
    named = new Map();
    caches.set(context, named);
  }
  let cache = named.get(name);
  if (!cache) {
    cache = new LruCache<string>(RESPONSE_CACHE_LIMITS);
    named.set(name, cache);
  }
  return cache;
}

/** How many answers a named response cache holds now (for tests and diagnostics). */
export function responseCacheSize(context: AppContext, name: string): number {
  return caches.get(context)?.get(name)?.size ?? 0;
}

/**
 * Answers with JSON cached under `key`, or produces it, serializes it through the route's
 * response schema (which validates it and keeps only its fields) and caches the text. Keys
 * must carry a revision that every write moves on, so no entry ever needs invalidating;
 * each server process keeps its own cache.
 */
export async function sendCachedJson<S extends z.ZodType>(
  reply: FastifyReply,
  options: { context: AppContext; cache: string; key: string; schema: S; produce: () => Promise<z.output<S>> },
): Promise<FastifyReply> {
  const cache = cacheOf(options.context, options.cache);
  let json = cache.get(options.key);
  if (json === undefined) {
    json = JSON.stringify(options.schema.encode(await options.produce()));
    cache.set(options.key, json);
  }
  return reply
    .type("application/json; charset=utf-8")
    .serializer((payload) => payload as string)
    .send(json);
}

const memos = new WeakMap<AppContext, Map<string, { value: string; until: number }>>();

/**
 * A small value (such as a term's catalog version) remembered for `ttlMs`, so that a burst of
 * reads asks the database once. What it trades: a change made by another server process is
 * seen up to `ttlMs` later. Failures are not remembered.
 */
export async function rememberFor(context: AppContext, key: string, ttlMs: number, produce: () => Promise<string>): Promise<string> {
  let memo = memos.get(context);
  if (!memo) {
    memo = new Map();
    memos.set(context, memo);
  }
  const now = Date.now();
  const hit = memo.get(key);
  if (hit && hit.until > now) return hit.value;
  const value = await produce();
  if (memo.size > 10_000) memo.clear();
  memo.set(key, { value, until: now + ttlMs });
  return value;
}

/**
 * A memo for values that never change under their key, because the key carries a version
 * (such as a term's organizations and skills at one revision): kept per context in an LRU of
 * `maxEntries`, so old versions fall out as they stop being asked for.
 */
export function versionedMemo<V>(maxEntries: number): (context: AppContext, key: string, produce: () => Promise<V>) => Promise<V> {
  const memos = new WeakMap<AppContext, LruCache<V>>();
  return async (context, key, produce) => {
    let memo = memos.get(context);
    if (!memo) {
      memo = new LruCache<V>({ maxEntries });
      memos.set(context, memo);
    }
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const value = await produce();
    memo.set(key, value);
    return value;
  };
}
