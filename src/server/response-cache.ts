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
 * Shares one run of `produce` among every caller that asks for the same key while it is in
 * flight: a hundred readers of an answer nobody has cached yet cost one database read, not a
 * hundred queued on the connection pool. A failure reaches every waiting caller and is not kept.
 */
export class SingleFlight<V> {
  readonly #flights = new Map<string, Promise<V>>();

  /** How many keys are being produced now. */
  get size(): number {
    return this.#flights.size;
  }

  /** The value of the run in flight for `key`, or of a new run of `produce`. */
  run(key: string, produce: () => Promise<V>): Promise<V> {
    const running = this.#flights.get(key);
    if (running) return running;
    const flight = produce().finally(() => this.#flights.delete(key));
    this.#flights.set(key, flight);
    return flight;
  }
}

/**
 * What one named response cache may hold per process: free text and filters let anyone ask for
 * new keys, so the bound, not the variety of requests, decides the memory it takes.
 */
const RESPONSE_CACHE_LIMITS: LruLimits<Buffer> = { maxEntries: 1000, maxWeight: 32 * 1024 * 1024, weigh: (json) => json.length };

interface ResponseCache {
  /** Answers as UTF-8 bytes: a hit is written to the socket as it is, with no encoding and no garbage. */
  answers: LruCache<Buffer>;
  producing: SingleFlight<Buffer>;
}

const caches = new WeakMap<AppContext, Map<string, ResponseCache>>();

function cacheOf(context: AppContext, name: string): ResponseCache {
  let named = caches.get(context);
  if (!named) {
    named = new Map();
    caches.set(context, named);
  }
  let cache = named.get(name);
  if (!cache) {
    cache = { answers: new LruCache<Buffer>(RESPONSE_CACHE_LIMITS), producing: new SingleFlight<Buffer>() };
    named.set(name, cache);
  }
  return cache;
}

/** How many answers a named response cache holds now (for tests and diagnostics). */
export function responseCacheSize(context: AppContext, name: string): number {
  return caches.get(context)?.get(name)?.answers.size ?? 0;
}

/**
 * Answers with JSON cached under `key`, or produces it, serializes it through the route's
 * response schema (which validates it and keeps only its fields) and caches its bytes. Keys
 * must carry a revision that every write moves on, so no entry ever needs invalidating;
 * each server process keeps its own cache. Concurrent requests for a key not yet cached
 * wait for one production.
 */
export async function sendCachedJson<S extends z.ZodType>(
  reply: FastifyReply,
  options: { context: AppContext; cache: string; key: string; schema: S; produce: () => Promise<z.output<S>> },
): Promise<FastifyReply> {
  const cache = cacheOf(options.context, options.cache);
  const json =
    cache.answers.get(options.key) ??
    (await cache.producing.run(options.key, async () => {
      const bytes = Buffer.from(JSON.stringify(options.schema.encode(await options.produce())));
      cache.answers.set(options.key, bytes);
      return bytes;
    }));
  return reply.type("application/json; charset=utf-8").send(json);
}

interface Memo<V> {
  values: Map<string, { value: V; readAt: number }>;
  reading: SingleFlight<V>;
}

/** The most keys a process remembers values for; past it the memo starts again empty. */
const MEMO_MAX_KEYS = 10_000;

/**
 * A memo of small values (such as a term's catalog version and who may read it), each
 * remembered for `ttlMs` per `owner` (a server's context), so that a burst of reads asks the
 * database once. A value is never served older than `ttlMs`, so a change made by another server
 * process shows within that time. Past half its time the value is read again in the background
 * while readers still get it at once; readers of an expired value wait for one read together.
 * Failures are not remembered.
 */
export function timedMemo<V>(): (owner: object, key: string, ttlMs: number, produce: () => Promise<V>) => Promise<V> {
  const memos = new WeakMap<object, Memo<V>>();
  return (owner, key, ttlMs, produce) => {
    let memo = memos.get(owner);
    if (!memo) {
      memo = { values: new Map(), reading: new SingleFlight<V>() };
      memos.set(owner, memo);
    }
    return remembered(memo, key, ttlMs, produce);
  };
}

/** A string remembered for `ttlMs` per `owner`: see timedMemo. */
export const rememberFor = timedMemo<string>();

async function remembered<V>(memo: Memo<V>, key: string, ttlMs: number, produce: () => Promise<V>): Promise<V> {
  const { values, reading } = memo;
  const read = () =>
    reading.run(key, async () => {
      // Timed from before the read: the value is at least as new as this instant.
      const readAt = Date.now();
      const value = await produce();
      if (values.size >= MEMO_MAX_KEYS) values.clear();
      values.set(key, { value, readAt });
      return value;
    });
  const hit = values.get(key);
  const age = hit ? Date.now() - hit.readAt : Number.POSITIVE_INFINITY;
  if (hit && age < ttlMs) {
    // A failed refresh is only a missed chance: the next reader past the time reads again.
    if (age >= ttlMs / 2) read().catch(() => undefined);
    return hit.value;
  }
  return read();
}

/**
 * A memo for values that never change under their key, because the key carries a version
 * (such as a term's organizations and skills at one revision): kept per owner (a server's
 * context) in an LRU of `maxEntries`, so old versions fall out as they stop being asked for.
 * Concurrent first reads of one key share one production.
 */
export function versionedMemo<V>(maxEntries: number): (owner: object, key: string, produce: () => Promise<V>) => Promise<V> {
  const memos = new WeakMap<object, { values: LruCache<V>; producing: SingleFlight<V> }>();
  return async (owner, key, produce) => {
    let memo = memos.get(owner);
    if (!memo) {
      memo = { values: new LruCache<V>({ maxEntries }), producing: new SingleFlight<V>() };
      memos.set(owner, memo);
    }
    const hit = memo.values.get(key);
    if (hit !== undefined) return hit;
    const { values } = memo;
    return memo.producing.run(key, async () => {
      const value = await produce();
      values.set(key, value);
      return value;
    });
  };
}
