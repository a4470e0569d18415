import { sql } from "kysely";
import { cascadeTo, instantType, type MigrationDb, phaseKindCheck, withId } from "./column-types.ts";

/** Programs, their terms and each term's timeline. */
export async function up(db: MigrationDb): Promise<void> {
  const instant = instantType(db);
  await withId(db, db.schema.createTable("programs"))
    .addColumn("slug", "text", (col) => col.notNull().unique())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("time_zone", "text", (col) => col.notNull())
    .addColumn("application_limit", "integer", (col) => col.notNull().defaultTo(3))
    .addColumn("stipend_policy", "text", (col) => col.notNull().defaultTo("{}"))
    .addColumn("created_at", instant, (col) => col.notNull())
    .addColumn("updated_at", instant, (col) => col.notNull())
    .addCheckConstraint("programs_slug_format", sql`slug <> '' and slug = lower(slug)`)
    .addCheckConstraint("programs_application_limit_range", sql`application_limit between 1 and 100`)
    .execute();

  await withId(db, db.schema.createTable("terms"))
    .addColumn("program_id", "integer", cascadeTo("programs.id"))
    .addColumn("slug", "text", (col) => col.notNull().unique())
    .addColumn("title", "text", (col) => col.notNull())
    .addColumn("time_zone", "text", (col) => col.notNull())
    .addColumn("length_text", "text")
    .addColumn("length_weeks", "integer")
    .addColumn("status_text", "text")
    .addColumn("intro", "text")
    .addColumn("sections", "text", (col) => col.notNull().defaultTo("[]"))
    .addColumn("revision", "integer", (col) => col.notNull().defaultTo(1))
    .addColumn("created_at", instant, (col) => col.notNull())
    .addColumn("updated_at", instant, (col) => col.notNull())
    .addCheckConstraint("terms_slug_format", sql`slug <> '' and slug = lower(slug)`)
    .addCheckConstraint("terms_length_weeks_positive", sql`length_weeks is null or length_weeks > 0`)
    .execute();
  await db.schema.createIndex("terms_program_id").on("terms").column("program_id").execute();

  await withId(db, db.schema.createTable("timeline_phases"))
    .addColumn("term_id", "integer", cascadeTo("terms.id"))
    .addColumn("position", "integer", (col) => col.notNull())
    .addColumn("kind", "text")
    .addColumn("activity", "text", (col) => col.notNull())
    .addColumn("text", "text", (col) => col.notNull())
    .addColumn("starts_at", instant)
    .addColumn("ends_at", instant)
    .addUniqueConstraint("timeline_phases_term_position", ["term_id", "position"])
    .addCheckConstraint("timeline_phases_kind_known", phaseKindCheck("kind"))
    .addCheckConstraint("timeline_phases_ordered", sql`starts_at is null or ends_at is null or starts_at <= ends_at`)
    .execute();
}

/** Drops what `up` created. */
export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable("timeline_phases").execute();
  await db.schema.dropTable("terms").execute();
  await db.schema.dropTable("programs").execute();
}
