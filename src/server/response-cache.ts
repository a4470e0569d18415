import type { FastifyReply } from "fastify";
import type { z } from "zod";
import type { AppContext } from "./context.ts";

/** A bounded map that forgets the entry used longest ago. */
export class LruCache<V> {
  readonly #entries = new Map<string, V>();
  readonly #capacity: number;

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  get(key: string): V | undefined {
    const value = this.#entries.get(key);
    if (value === undefined) return undefined;
    // Re-inserting moves the key to the end: the Map's order is the order of use.
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.#capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }
}

const caches = new WeakMap<AppContext, Map<string, LruCache<string>>>();

function cacheOf(context: AppContext, name: string): LruCache<string> {
  let named = caches.get(context);
  if (!named) {
    named = new Map();
    caches.set(context, named);
  }
  let cache = named.get(name);
  if (!cache) {
    cache = new LruCache<string>(2000);
    named.set(name, cache);
  }
  return cache;
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
