import type { MigrationDb } from "./column-types.ts";

/**
 * A project's mentor keeps the name and address its own term page gave, on the link: people
 * are one row across terms, and showing the person's address put one page's address (often an
 * older employer's) on every other term's projects. Old links cannot tell which page gave
 * what, so only an address that can have come from that project's page alone is copied: the
 * address of someone who mentors that one project, never signed up, and whose address was
 * public because a page created them with it. Other links show no address until their page
 * is imported again; every term's revision moves on so that no cached catalog survives.
 */
export async function up(db: MigrationDb): Promise<void> {
  // SQLite adds one column per statement.
  for (const column of ["contact_name", "contact_email"]) {
    await db.schema.alterTable("project_mentors").addColumn(column, "text").execute();
  }
  const onlyOneProject = db
    .selectFrom("project_mentors")
    .select("person_id")
    .groupBy("person_id")
    .having((eb) => eb.fn.countAll(), "=", 1);
  const fromPages = await db
    .selectFrom("people")
    .select(["id", "email"])
    .where("email_public", "=", 1)
    .where("email", "is not", null)
    .where("password_hash", "is", null)
    .where("email_verified_at", "is", null)
    .where("id", "in", onlyOneProject)
    .execute();
  for (const person of fromPages) {
    await db.updateTable("project_mentors").set({ contact_email: person.email }).where("person_id", "=", person.id).execute();
  }
  await db
    .updateTable("terms")
    .set((eb) => ({ revision: eb("revision", "+", 1) }))
    .execute();
}

/** Drops what `up` added. */
export async function down(db: MigrationDb): Promise<void> {
  for (const column of ["contact_email", "contact_name"]) {
    await db.schema.alterTable("project_mentors").dropColumn(column).execute();
  }
}
