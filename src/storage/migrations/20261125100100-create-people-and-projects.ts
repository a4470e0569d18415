import { sql } from "kysely";
import { PROJECT_STATES } from "../../domain/project-states.ts";
import { cascadeTo, instantType, type MigrationDb, oneOf, withId } from "./column-types.ts";

/** Organizations, people, projects and what hangs off a project: mentors, skills, upstream links. */
export async function up(db: MigrationDb): Promise<void> {
  const instant = instantType(db);
  await withId(db, db.schema.createTable("organizations"))
    .addColumn("program_id", "integer", cascadeTo("programs.id"))
    .addColumn("slug", "text", (col) => col.notNull())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("intro", "text")
    .addColumn("created_at", instant, (col) => col.notNull())
    .addUniqueConstraint("organizations_program_slug", ["program_id", "slug"])
    .execute();

  await withId(db, db.schema.createTable("people"))
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("github_handle", "text")
    .addColumn("email", "text")
    .addColumn("email_public", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("time_zone", "text")
    .addColumn("country", "text")
    .addColumn("created_at", instant, (col) => col.notNull())
    .addColumn("updated_at", instant, (col) => col.notNull())
    .addCheckConstraint("people_email_public_flag", sql`email_public in (0, 1)`)
    .addCheckConstraint("people_email_shape", sql`email is null or email like '%_@_%'`)
    .execute();
  // GitHub handles and emails are case-insensitive: one person per handle, one per address.
  await db.schema.createIndex("people_github_handle_unique").on("people").unique().expression(sql`lower(github_handle)`).execute();
  await db.schema.createIndex("people_email_unique").on("people").unique().expression(sql`lower(email)`).execute();

  await withId(db, db.schema.createTable("projects"))
    .addColumn("term_id", "integer", cascadeTo("terms.id"))
    .addColumn("organization_id", "integer", (col) => col.notNull().references("organizations.id").onDelete("restrict"))
    .addColumn("slug", "text", (col) => col.notNull())
    .addColumn("title", "text", (col) => col.notNull())
    .addColumn("group_name", "text")
    .addColumn("intro", "text")
    .addColumn("description", "text", (col) => col.notNull().defaultTo(""))
    .addColumn("expected_outcome", "text", (col) => col.notNull().defaultTo(""))
    .addColumn("skills_text", "text", (col) => col.notNull().defaultTo(""))
    .addColumn("external_url", "text")
    .addColumn("mentor_notes", "text", (col) => col.notNull().defaultTo("[]"))
    .addColumn("extra_fields", "text", (col) => col.notNull().defaultTo("[]"))
    .addColumn("state", "text", (col) => col.notNull().defaultTo("proposed"))
    .addColumn("slots", "integer", (col) => col.notNull().defaultTo(1))
    .addColumn("source_line", "integer")
    .addColumn("created_at", instant, (col) => col.notNull())
    .addColumn("updated_at", instant, (col) => col.notNull())
    .addUniqueConstraint("projects_term_slug", ["term_id", "slug"])
    .addCheckConstraint("projects_state_known", oneOf("state", PROJECT_STATES))
    .addCheckConstraint("projects_slots_range", sql`slots between 0 and 100`)
    .addCheckConstraint("projects_title_present", sql`title <> ''`)
    .execute();
  await db.schema.createIndex("projects_organization_id").on("projects").column("organization_id").execute();
  // Project slugs start with their term's slug, so one slug names one project across terms.
  await db.schema.createIndex("projects_slug_unique").on("projects").unique().column("slug").execute();

  await db.schema
    .createTable("project_mentors")
    .addColumn("project_id", "integer", cascadeTo("projects.id"))
    .addColumn("person_id", "integer", (col) => col.notNull().references("people.id").onDelete("restrict"))
    .addColumn("position", "integer", (col) => col.notNull())
    .addPrimaryKeyConstraint("project_mentors_pk", ["project_id", "person_id"])
    .execute();
  await db.schema.createIndex("project_mentors_person_id").on("project_mentors").column("person_id").execute();

  await withId(db, db.schema.createTable("skills"))
    .addColumn("tag", "text", (col) => col.notNull().unique())
    .addColumn("label", "text", (col) => col.notNull())
    .addCheckConstraint("skills_tag_format", sql`tag <> '' and tag = lower(tag)`)
    .execute();

  await db.schema
    .createTable("project_skills")
    .addColumn("project_id", "integer", cascadeTo("projects.id"))
    .addColumn("skill_id", "integer", (col) => col.notNull().references("skills.id").onDelete("restrict"))
    .addColumn("position", "integer", (col) => col.notNull())
    .addColumn("original_text", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("project_skills_pk", ["project_id", "skill_id"])
    .execute();
  await db.schema.createIndex("project_skills_skill_id").on("project_skills").column("skill_id").execute();

  await withId(db, db.schema.createTable("upstream_links"))
    .addColumn("project_id", "integer", cascadeTo("projects.id"))
    .addColumn("position", "integer", (col) => col.notNull())
    .addColumn("url", "text", (col) => col.notNull())
    .addUniqueConstraint("upstream_links_project_position", ["project_id", "position"])
    .execute();
}

/** Drops what `up` created. */
export async function down(db: MigrationDb): Promise<void> {
  for (const table of ["upstream_links", "project_skills", "skills", "project_mentors", "projects", "people", "organizations"]) {
    await db.schema.dropTable(table).execute();
  }
}
