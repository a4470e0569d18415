import { sql } from "kysely";
import { EXTENSION_WEEKS } from "../../domain/mentorship-dates.ts";
import { instantType, type MigrationDb } from "./column-types.ts";

/** A mentorship's extension: its weeks (0 for none), when an admin granted it and why. */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .alterTable("mentorships")
    .addColumn("extension_weeks", "integer", (col) =>
      col
        .notNull()
        .defaultTo(0)
        .check(sql`extension_weeks between 0 and ${sql.lit(EXTENSION_WEEKS.max)}`),
    )
    .execute();
  await db.schema.alterTable("mentorships").addColumn("extended_at", instantType(db)).execute();
  await db.schema.alterTable("mentorships").addColumn("extension_reason", "text").execute();
}

/** Drops what `up` added. */
export async function down(db: MigrationDb): Promise<void> {
  for (const column of ["extension_reason", "extended_at", "extension_weeks"]) {
    await db.schema.alterTable("mentorships").dropColumn(column).execute();
  }
}
