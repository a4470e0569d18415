import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openMigratedTestDatabase, testDialects } from "../../test/helpers/databases.ts";
import { AppError, type ErrorCode } from "../errors/app-error.ts";
import type { DatabaseHandle } from "./database.ts";
import { inTransaction } from "./transaction.ts";

const NOW = "2026-11-25T12:00:00.000Z";

/** The AppError a write fails with, or a test failure when it fails some other way. */
async function refusal(write: Promise<unknown>): Promise<{ code: ErrorCode; message: string; cause: unknown }> {
  const error = await write.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)} ${JSON.stringify(error)}`);
  return { code: error.code, message: error.message, cause: error.cause };
}

describe.each(testDialects())("database errors on %s", (dialect) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let programId: number;

  beforeAll(async () => {
    ({ handle, dispose } = await openMigratedTestDatabase(dialect));
    ({ id: programId } = await handle.db
      .insertInto("programs")
      .values({ slug: "errors", name: "Errors", timeZone: "UTC", applicationLimit: 3, stipendPolicy: "{}", createdAt: NOW, updatedAt: NOW })
      .returning("id")
      .executeTakeFirstOrThrow());
    await handle.db.insertInto("people").values({ name: "Ada", githubHandle: "AdaL", emailPublic: 0, createdAt: NOW, updatedAt: NOW }).execute();
  });
  afterAll(() => dispose());

  const person = (githubHandle: string) => ({ name: "Someone", githubHandle, emailPublic: 0 as const, createdAt: NOW, updatedAt: NOW });

  it("a duplicate GitHub handle is a CONFLICT that names the handle, and keeps the driver's error for the logs", async () => {
    const error = await refusal(handle.db.insertInto("people").values(person("adal")).execute());
    expect(error.code).toBe("CONFLICT");
    // PostgreSQL reports the value that already exists; SQLite only the index.
    expect(error.message).toBe(
      dialect === "postgres" ? 'A person with the GitHub handle "adal" already exists.' : "A person with this GitHub handle already exists.",
    );
    expect(error.cause).toMatchObject({ code: dialect === "postgres" ? "23505" : "SQLITE_CONSTRAINT_UNIQUE" });
  });

  it("a duplicate inside a transaction is the same CONFLICT, and nothing of the transaction is kept", async () => {
    const error = await refusal(
      inTransaction(handle, async (db) => {
        await db.insertInto("people").values(person("grace")).execute();
        await db
          .insertInto("programs")
          .values({ slug: "errors", name: "Again", timeZone: "UTC", applicationLimit: 3, stipendPolicy: "{}", createdAt: NOW, updatedAt: NOW })
          .execute();
      }),
    );
    expect(error).toMatchObject({ code: "CONFLICT" });
    expect(error.message).toMatch(/^A program with (the slug "errors"|this slug) already exists\.$/);
    expect(await handle.db.selectFrom("people").select("id").where("githubHandle", "=", "grace").execute()).toEqual([]);
  });

  it("a duplicate key of two columns names the one a person chose", async () => {
    const organization = { programId, slug: "harbor", name: "Harbor", createdAt: NOW };
    await handle.db.insertInto("organizations").values(organization).execute();
    const error = await refusal(handle.db.insertInto("organizations").values(organization).execute());
    expect(error).toMatchObject({ code: "CONFLICT" });
    expect(error.message).toBe(
      dialect === "postgres" ? 'An organization with the slug "harbor" already exists.' : "An organization with this slug already exists.",
    );
  });

  it("a row that refers to one that does not exist is NOT_FOUND", async () => {
    const error = await refusal(
      handle.db.insertInto("terms").values({ programId: 999_999, slug: "orphan", title: "Orphan", timeZone: "UTC", createdAt: NOW, updatedAt: NOW }).execute(),
    );
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toMatch(/^(The program|Something) this term refers to does not exist; it may have just been deleted\.$/);
  });

  it("deleting a row another still refers to is a CONFLICT", async () => {
    const org = await handle.db
      .insertInto("organizations")
      .values({ programId, slug: "kept", name: "Kept", createdAt: NOW })
      .returning("id")
      .executeTakeFirstOrThrow();
    const term = await handle.db
      .insertInto("terms")
      .values({ programId, slug: "kept-term", title: "T", timeZone: "UTC", createdAt: NOW, updatedAt: NOW })
      .returning("id")
      .executeTakeFirstOrThrow();
    await sql`insert into projects (term_id, organization_id, slug, title, state, created_at, updated_at) values (${term.id}, ${org.id}, 'kept-project', 'P', 'accepted', ${NOW}, ${NOW})`.execute(
      handle.db,
    );
    const error = await refusal(handle.db.deleteFrom("organizations").where("id", "=", org.id).execute());
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/^This organization cannot be deleted while (a project|something else) still refers to it\.$/);
  });

  it("a value a check refuses is INVALID_INPUT naming the rule", async () => {
    const error = await refusal(handle.db.updateTable("programs").set({ applicationLimit: 0 }).where("id", "=", programId).execute());
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe("A program's application limit must be between 1 and 100 (rule programs_application_limit_range).");
  });

  it.runIf(dialect === "postgres")("two transactions that deadlock: one commits, the other is DATABASE_UNAVAILABLE, try again", async () => {
    const ids = await Promise.all(
      ["deadlock-a", "deadlock-b"].map(async (slug) => {
        const row = await handle.db
          .insertInto("programs")
          .values({ slug, name: slug, timeZone: "UTC", applicationLimit: 3, stipendPolicy: "{}", createdAt: NOW, updatedAt: NOW })
          .returning("id")
          .executeTakeFirstOrThrow();
        return row.id;
      }),
    );
    // Each transaction locks its own row, waits until the other has too, then wants the other's.
    const locked = [signal(), signal()];
    const run = (mine: number, theirs: number) =>
      inTransaction(handle, async (db) => {
        await db
          .updateTable("programs")
          .set({ name: "mine" })
          .where("id", "=", ids[mine] ?? 0)
          .execute();
        locked[mine]?.resolve();
        await locked[theirs]?.promise;
        await db
          .updateTable("programs")
          .set({ name: "theirs" })
          .where("id", "=", ids[theirs] ?? 0)
          .execute();
      });
    const outcomes = await Promise.allSettled([run(0, 1), run(1, 0)]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = outcomes.find((outcome) => outcome.status === "rejected");
    expect(refused?.reason).toBeInstanceOf(AppError);
    expect(refused?.reason).toMatchObject({ code: "DATABASE_UNAVAILABLE", message: "The change clashed with another one made at the same moment; try again." });
  });

  it("a missing required value is INVALID_INPUT naming the field", async () => {
    const error = await refusal(sql`insert into people (name, email_public, created_at, updated_at) values (null, 0, ${NOW}, ${NOW})`.execute(handle.db));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe("The name of this person is missing.");
  });
});

/** A promise and the function that resolves it, for making two transactions take turns. */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}
