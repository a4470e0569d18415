import { sql } from "kysely";
import type { MigrationDb } from "./column-types.ts";

/**
 * The program's settings that a term's setup and its proposals read (a project quota per
 * organization and term, a default slot budget, the time an applicant has to answer an offer),
 * and the details an organization shows (website, repository, a short description) with its
 * own quota, which overrides the program's.
 */
export async function up(db: MigrationDb): Promise<void> {
  // SQLite adds one column per statement.
  await db.schema
    .alterTable("programs")
    .addColumn("project_quota", "integer", (col) => col.check(sql`project_quota between 0 and 1000`))
    .execute();
  await db.schema
    .alterTable("programs")
    .addColumn("slot_budget", "integer", (col) => col.check(sql`slot_budget between 0 and 100000`))
    .execute();
  await db.schema
    .alterTable("programs")
    .addColumn("offer_response_hours", "integer", (col) => col.notNull().defaultTo(72).check(sql`offer_response_hours between 1 and 720`))
    .execute();
  for (const column of ["website", "repository_url", "description"]) {
    await db.schema.alterTable("organizations").addColumn(column, "text").execute();
  }
  await db.schema
    .alterTable("organizations")
    .addColumn("project_quota", "integer", (col) => col.check(sql`project_quota between 0 and 1000`))
    .execute();
}

/** Drops what `up` added. */
export async function down(db: MigrationDb): Promise<void> {
  for (const column of ["project_quota", "description", "repository_url", "website"]) {
    await db.schema.alterTable("organizations").dropColumn(column).execute();
  }
  for (const column of ["offer_response_hours", "slot_budget", "project_quota"]) {
    await db.schema.alterTable("programs").dropColumn(column).execute();
  }
}
