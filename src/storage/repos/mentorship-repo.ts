import { sql } from "kysely";
import type { Db } from "./db.ts";

/** A mentorship with its project, organization, term and mentee. */
export function findMentorship(db: Db, id: number) {
  return db
    .selectFrom("mentorships")
    .innerJoin("projects", "projects.id", "mentorships.projectId")
    .innerJoin("organizations", "organizations.id", "projects.organizationId")
    .innerJoin("terms", "terms.id", "mentorships.termId")
    .innerJoin("people", "people.id", "mentorships.personId")
    .selectAll("mentorships")
    .select([
      "projects.slug as projectSlug",
      "projects.title as projectTitle",
      "organizations.name as organizationName",
      "terms.slug as termSlug",
      "terms.title as termTitle",
      "terms.timeZone as termTimeZone",
      "terms.programId",
      "people.name as menteeName",
      "people.email as menteeEmail",
      "people.githubHandle as menteeGithub",
      "people.timeZone as menteeTimeZone",
    ])
    .where("mentorships.id", "=", id)
    .executeTakeFirst();
}

/** One mentorship as read whole. */
export type MentorshipRecord = NonNullable<Awaited<ReturnType<typeof findMentorship>>>;

/** A project's confirmed mentors, in their order, with what a mentorship page and its emails need. */
export function listConfirmedMentors(db: Db, projectId: number) {
  return db
    .selectFrom("projectMentors")
    .innerJoin("people", "people.id", "projectMentors.personId")
    .select(["people.id", "people.name", "people.email", "people.githubHandle", "people.timeZone"])
    .where("projectMentors.projectId", "=", projectId)
    .where("projectMentors.confirmation", "=", "confirmed")
    .orderBy("projectMentors.position")
    .execute();
}

/** The mentorships a person is part of, as mentee or as a confirmed mentor of the project, newest term first. */
export function listMentorshipsOfPerson(db: Db, personId: number) {
  return db
    .selectFrom("mentorships")
    .innerJoin("projects", "projects.id", "mentorships.projectId")
    .innerJoin("terms", "terms.id", "mentorships.termId")
    .innerJoin("people", "people.id", "mentorships.personId")
    .select([
      "mentorships.id",
      "mentorships.state",
      "mentorships.personId",
      "projects.title as projectTitle",
      "terms.title as termTitle",
      "terms.slug as termSlug",
      "people.name as menteeName",
    ])
    .where((eb) =>
      eb.or([
        eb("mentorships.personId", "=", personId),
        eb.exists(
          eb
            .selectFrom("projectMentors")
            .select(sql`1`.as("one"))
            .whereRef("projectMentors.projectId", "=", "mentorships.projectId")
            .where("projectMentors.personId", "=", personId)
            .where("projectMentors.confirmation", "=", "confirmed"),
        ),
      ]),
    )
    .orderBy("terms.slug", "desc")
    .orderBy("projects.title")
    .orderBy("mentorships.id")
    .execute();
}

/** Sets a mentorship's extension. */
export async function setMentorshipExtension(db: Db, id: number, input: { weeks: number; extendedAt: string; reason: string; at: Date }): Promise<void> {
  await db
    .updateTable("mentorships")
    .set({ extensionWeeks: input.weeks, extendedAt: input.extendedAt, extensionReason: input.reason, updatedAt: input.at.toISOString() })
    .where("id", "=", id)
    .execute();
}
