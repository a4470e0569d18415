import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openMigratedTestDatabase } from "../../../test/helpers/databases.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findJobByKey } from "../../storage/repos/scheduled-job-repo.ts";
import { createScheduler } from "../scheduler.ts";

const T0 = new Date("2026-12-01T12:00:00.000Z");
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

describe("the daily purge of eligibility answers", () => {
  let database: DatabaseHandle;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    const opened = await openMigratedTestDatabase("sqlite");
    database = opened.handle;
    dispose = opened.dispose;
  });
  afterAll(() => dispose());

  it("runs at a server's first start with the other daily jobs, and comes back a day later", async () => {
    const scheduler = createScheduler({ database, log: quiet, now: () => T0 });
    await scheduler.runDueJobs();
    expect(await findJobByKey(database.db, "eligibility.purge-ended-terms")).toMatchObject({
      state: "pending",
      dueAt: new Date(T0.getTime() + 24 * 60 * 60_000).toISOString(),
    });
  });
});
