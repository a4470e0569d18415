import type { Db } from "../../storage/repos/db.ts";

/** A project as the waitlist offers its slots: its id, slots, title and organization's name. */
export async function loadOfferProject(db: Db, projectId: number) {
  return db
    .selectFrom("projects")
    .innerJoin("organizations", "organizations.id", "projects.organizationId")
    .select(["projects.id", "projects.slots", "projects.title", "organizations.name as organizationName"])
    .where("projects.id", "=", projectId)
    .executeTakeFirstOrThrow();
}
