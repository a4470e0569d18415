import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCatalogFixture } from "../../../test/helpers/catalog-fixture.ts";
import { createTestDatabase, testDialects } from "../../../test/helpers/databases.ts";
import { type DatabaseHandle, openDatabase } from "../database.ts";
import { migrateToLatest } from "../migrate.ts";
import { findOrganizationBySlug, upsertOrganization } from "./organization-repo.ts";
import { findProgramBySlug } from "./program-repo.ts";

describe.each(testDialects())("organizations on %s", (dialect) => {
  let database: DatabaseHandle;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    const target = await createTestDatabase(dialect);
    database = await openDatabase(target.url, { poolSize: 2 });
    await migrateToLatest(database.db);
    await seedCatalogFixture(database);
    dispose = async () => {
      await database.close();
      await target.dispose();
    };
  }, 120_000);
  afterAll(() => dispose());

  const revisions = async (organizationId: number) => {
    const rows = await database.db
      .selectFrom("terms")
      .select(["slug", "revision"])
      .where("id", "in", (eb) => eb.selectFrom("projects").select("termId").where("organizationId", "=", organizationId))
      .orderBy("slug")
      .execute();
    return Object.fromEntries(rows.map((row) => [row.slug, row.revision]));
  };

  it("an import that renames an organization moves on every term with its projects, so no cached catalog keeps the old name", async () => {
    const program = await findProgramBySlug(database.db, "demo");
    const kestrel = program ? await findOrganizationBySlug(database.db, program.id, "kestrel") : undefined;
    if (!program || !kestrel) throw new Error("fixture incomplete");
    const before = await revisions(kestrel.id);
    expect(Object.keys(before).length).toBeGreaterThan(0);

    // The same intro and name leave every term alone.
    await upsertOrganization(database.db, { programId: program.id, slug: "kestrel", name: kestrel.name, intro: kestrel.intro, at: new Date() });
    expect(await revisions(kestrel.id)).toEqual(before);

    await upsertOrganization(database.db, { programId: program.id, slug: "kestrel", name: "KESTREL", intro: kestrel.intro, at: new Date() });
    const after = await revisions(kestrel.id);
    for (const [term, revision] of Object.entries(before)) expect(after[term], term).toBe(revision + 1);
  });
});
