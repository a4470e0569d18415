import { sql } from "kysely";
import { GRANTED_ROLES, ROLES } from "../../domain/roles.ts";
import { cascadeTo, instantType, type MigrationDb, oneOf, withId } from "./column-types.ts";

/**
 * Accounts: credentials and profile on people, sessions, personal API tokens, single-use
 * account tokens (email verification, password reset), role grants on a scope, invitations
 * and links to external identity providers. Every secret is stored as a SHA-256 hash.
 */
export async function up(db: MigrationDb): Promise<void> {
  const instant = instantType(db);
  await db.schema.alterTable("people").addColumn("password_hash", "text").execute();
  await db.schema.alterTable("people").addColumn("email_verified_at", instant).execute();
  await db.schema
    .alterTable("people")
    .addColumn("skills", "text", (col) => col.notNull().defaultTo("[]"))
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id_hash", "text", (col) => col.primaryKey())
    .addColumn("person_id", "integer", cascadeTo("people.id"))
    .addColumn("csrf_token", "text", (col) => col.notNull())
    .addColumn("user_agent", "text")
    .addColumn("created_at", instant, (col) => col.notNull())
    .addColumn("last_seen_at", instant, (col) => col.notNull())
    .addColumn("expires_at", instant, (col) => col.notNull())
    .execute();
  await db.schema.createIndex("sessions_person_id").on("sessions").column("person_id").execute();

  await withId(db, db.schema.createTable("api_tokens"))
    .addColumn("person_id", "integer", cascadeTo("people.id"))
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("token_prefix", "text", (col) => col.notNull())
    .addColumn("token_hash", "text", (col) => col.notNull().unique())
    .addColumn("scope", "text", (col) => col.notNull())
    .addColumn("created_at", instant, (col) => col.notNull())
    .addColumn("last_used_at", instant)
    .addColumn("revoked_at", instant)
    .addCheckConstraint("api_tokens_scope_known", oneOf("scope", ["read", "write"]))
    .addCheckConstraint("api_tokens_name_present", sql`name <> ''`)
    .execute();
  await db.schema.createIndex("api_tokens_person_id").on("api_tokens").column("person_id").execute();

  await withId(db, db.schema.createTable("account_tokens"))
    .addColumn("person_id", "integer", cascadeTo("people.id"))
    .addColumn("purpose", "text", (col) => col.notNull())
    .addColumn("token_hash", "text", (col) => col.notNull().unique())
    .addColumn("created_at", instant, (col) => col.notNull())
    .addColumn("expires_at", instant, (col) => col.notNull())
    .addColumn("used_at", instant)
    .addCheckConstraint("account_tokens_purpose_known", oneOf("purpose", ["verify_email", "reset_password"]))
    .execute();
  await db.schema.createIndex("account_tokens_person_purpose").on("account_tokens").columns(["person_id", "purpose"]).execute();

  // A grant's scope is a program (admins) or one of its organizations (maintainers); foreign
  // keys rather than one untyped id let the database delete grants with their scope. Mentors
  // are not grants: a mentor is a person in project_mentors, the one record of who mentors what.
  const grantScope = sql`(role = 'program_admin' and organization_id is null) or (role = 'maintainer' and organization_id is not null)`;
  const invitationScope = sql`(role = 'program_admin' and organization_id is null and project_id is null)
    or (role = 'maintainer' and organization_id is not null and project_id is null)
    or (role = 'mentor' and project_id is not null)`;
  await withId(db, db.schema.createTable("role_grants"))
    .addColumn("person_id", "integer", cascadeTo("people.id"))
    .addColumn("role", "text", (col) => col.notNull())
    .addColumn("program_id", "integer", (col) => col.notNull().references("programs.id").onDelete("cascade"))
    .addColumn("organization_id", "integer", (col) => col.references("organizations.id").onDelete("cascade"))
    .addColumn("granted_by_person_id", "integer", (col) => col.references("people.id").onDelete("set null"))
    .addColumn("created_at", instant, (col) => col.notNull())
    .addCheckConstraint("role_grants_role_known", oneOf("role", GRANTED_ROLES))
    .addCheckConstraint("role_grants_scope_matches_role", grantScope)
    .execute();
  await db.schema
    .createIndex("role_grants_unique")
    .on("role_grants")
    .unique()
    .expression(sql`person_id, role, program_id, coalesce(organization_id, 0)`)
    .execute();
  await db.schema.createIndex("role_grants_program").on("role_grants").columns(["program_id", "role"]).execute();

  await withId(db, db.schema.createTable("invitations"))
    .addColumn("email", "text", (col) => col.notNull())
    .addColumn("role", "text", (col) => col.notNull())
    .addColumn("program_id", "integer", (col) => col.notNull().references("programs.id").onDelete("cascade"))
    .addColumn("organization_id", "integer", (col) => col.references("organizations.id").onDelete("cascade"))
    .addColumn("project_id", "integer", (col) => col.references("projects.id").onDelete("cascade"))
    .addColumn("invited_by_person_id", "integer", (col) => col.references("people.id").onDelete("set null"))
    .addColumn("token_hash", "text", (col) => col.notNull().unique())
    .addColumn("created_at", instant, (col) => col.notNull())
    .addColumn("expires_at", instant, (col) => col.notNull())
    .addColumn("accepted_at", instant)
    .addColumn("accepted_by_person_id", "integer", (col) => col.references("people.id").onDelete("set null"))
    .addCheckConstraint("invitations_role_known", oneOf("role", ROLES))
    .addCheckConstraint("invitations_scope_matches_role", invitationScope)
    .execute();
  await db.schema.createIndex("invitations_program").on("invitations").column("program_id").execute();

  // Notifications about a program's business are listed to its admins; account emails
  // (confirmation, password reset) carry no program and are never shown to anyone.
  await db.schema
    .alterTable("outbox")
    .addColumn("program_id", "integer", (col) => col.references("programs.id").onDelete("set null"))
    .execute();

  await db.schema
    .createTable("identities")
    .addColumn("provider", "text", (col) => col.notNull())
    .addColumn("subject", "text", (col) => col.notNull())
    .addColumn("person_id", "integer", cascadeTo("people.id"))
    .addColumn("created_at", instant, (col) => col.notNull())
    .addPrimaryKeyConstraint("identities_pk", ["provider", "subject"])
    .execute();
}

/** Drops what `up` created. */
export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable("outbox").dropColumn("program_id").execute();
  for (const table of ["identities", "invitations", "role_grants", "account_tokens", "api_tokens", "sessions"]) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of ["skills", "email_verified_at", "password_hash"]) {
    await db.schema.alterTable("people").dropColumn(column).execute();
  }
}
