import { type Kysely, sql } from "kysely";
import type { DatabaseHandle } from "./database.ts";
import type { Db } from "./repos/db.ts";
import type { Database } from "./schema.ts";
import { inTransaction } from "./transaction.ts";

/**
 * How many units one shared transaction holds at most. A surge queues far fewer than this
 * between two commits (one per open connection); the bound keeps one batch, and so the wait of
 * its first caller, short even when a burst queues thousands.
 */
export const GROUP_COMMIT_MAX_UNITS = 256;

/** One caller's work, waiting for its batch. */
interface Unit {
  work: (db: Db) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

const queues = new WeakMap<Kysely<Database>, GroupCommitQueue>();

/**
 * Runs `work` as one unit of a shared write transaction and resolves with what it returns once
 * that transaction has committed. On SQLite, the units queued while one batch commits are
 * committed together in the next, with one fsync under synchronous=FULL: a disk that takes a few
 * thousand fsyncs a second then takes that many batches, not that many submissions. Each unit
 * runs inside its own savepoint, so a unit that throws is rolled back alone and rejects only its
 * own caller (with its own error); if the shared commit fails, every unit of the batch rejects.
 *
 * On PostgreSQL each unit is its own transaction: the pool's connections commit concurrently
 * and PostgreSQL already flushes concurrent commits together (its WAL writer), so a batch would
 * only add waiting.
 *
 * `work` must use only the `db` it is given and do no slow work (rendering, hashing, network):
 * on SQLite the whole batch, and every other query of the process, waits for it.
 */
export function inGroupCommit<T>(database: DatabaseHandle, work: (db: Db) => Promise<T>): Promise<T> {
  if (database.dialect !== "sqlite") return inTransaction(database, work);
  let queue = queues.get(database.db);
  if (!queue) {
    queue = new GroupCommitQueue(database.db);
    queues.set(database.db, queue);
  }
  const unitQueue = queue;
  return new Promise<T>((resolve, reject) => {
    unitQueue.enqueue({ work, resolve: resolve as (value: unknown) => void, reject });
  });
}

/** The units waiting on one SQLite database, and the loop that commits them batch by batch. */
class GroupCommitQueue {
  readonly #db: Kysely<Database>;
  #waiting: Unit[] = [];
  #scheduled = false;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  enqueue(unit: Unit): void {
    this.#waiting.push(unit);
    this.#schedule();
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    // After the event loop's poll phase: every request that arrived while the last batch held the
    // (synchronous) connection reaches its unit first, so they all share the next commit.
    setImmediate(() => {
      void this.#runBatch();
    });
  }

  async #runBatch(): Promise<void> {
    const batch = this.#waiting.splice(0, GROUP_COMMIT_MAX_UNITS);
    try {
      if (batch.length > 0) await commitBatch(this.#db, batch);
    } finally {
      this.#scheduled = false;
      if (this.#waiting.length > 0) this.#schedule();
    }
  }
}

/**
 * Runs a batch in one transaction, each unit in a savepoint, and answers every caller after the
 * commit. The single SQLite connection is held from begin to commit, so no other transaction or
 * query of the process runs inside the batch.
 */
async function commitBatch(db: Kysely<Database>, batch: Unit[]): Promise<void> {
  const outcomes: Outcome[] = [];
  try {
    await db.transaction().execute(async (trx) => {
      for (const unit of batch) outcomes.push(await runUnit(trx, unit));
    });
  } catch (error) {
    // Nothing of the batch is stored: a begin that found the file locked, a unit whose failure
    // undid the whole transaction (a full disk), or the commit itself.
    for (const unit of batch) unit.reject(error);
    return;
  }
  batch.forEach((unit, index) => {
    const outcome = outcomes[index];
    if (outcome?.ok) unit.resolve(outcome.value);
    else unit.reject(outcome?.error);
  });
}

async function runUnit(trx: Db, unit: Unit): Promise<Outcome> {
  await sql`savepoint group_commit_unit`.execute(trx);
  try {
    const value = await unit.work(trx);
    await sql`release group_commit_unit`.execute(trx);
    return { ok: true, value };
  } catch (error) {
    // If the savepoint is gone (an error that aborted the whole transaction), this throws and the
    // whole batch fails with it, rather than committing the other units of a broken transaction.
    await sql`rollback to group_commit_unit`.execute(trx);
    await sql`release group_commit_unit`.execute(trx);
    return { ok: false, error };
  }
}
