import { WITHDRAWN_ON_ACCEPTANCE_STATES } from "../../domain/application-states.ts";
import type { OfferSource } from "../../domain/offers.ts";
import type { Db } from "./db.ts";

// Offers and mentorships (WORKFLOW.md, "Review and selection"): who hears the outcome of a
// published selection, the offers of a project, its waitlist, and the mentorships accepted offers
// become.

/**
 * Every submitted application of a term (of one applicant, when given) with its applicant and
 * project, and whether the run proposes it: what the outcome notices are written from.
 */
export function listOutcomeApplications(db: Db, termId: number, runId: number, personId?: number) {
  let query = db
    .selectFrom("applications")
    .innerJoin("people", "people.id", "applications.personId")
    .innerJoin("projects", "projects.id", "applications.projectId")
    .innerJoin("organizations", "organizations.id", "projects.organizationId")
    .leftJoin("selectionAssignments", (join) =>
      join.onRef("selectionAssignments.applicationId", "=", "applications.id").on("selectionAssignments.runId", "=", runId),
    )
    .select([
      "applications.id",
      "applications.personId",
      "applications.projectId",
      "applications.applicantRank",
      "applications.submittedAt",
      "people.name",
      "people.email",
      "people.timeZone",
      "projects.title as projectTitle",
      "organizations.name as organizationName",
      "selectionAssignments.applicationId as assigned",
    ])
    .where("applications.termId", "=", termId)
    .where("applications.state", "=", "submitted");
  if (personId !== undefined) query = query.where("applications.personId", "=", personId);
  return query.orderBy("applications.personId").orderBy("applications.id").execute();
}

/** One application of a term as the outcome notices read it. */
export type OutcomeApplicationRow = Awaited<ReturnType<typeof listOutcomeApplications>>[number];

/** Offers submitted applications (only those still submitted): their state, when, how, and by when they must be answered. */
export async function markOffered(db: Db, ids: readonly number[], offer: { source: OfferSource; at: Date; respondBy: Date }): Promise<number[]> {
  const offered: number[] = [];
  // Bounded lists keep one statement under every engine's limit of bound values.
  for (let from = 0; from < ids.length; from += 1000) {
    const rows = await db
      .updateTable("applications")
      .set({
        state: "offered",
        offeredAt: offer.at.toISOString(),
        offerSource: offer.source,
        respondBy: offer.respondBy.toISOString(),
        answeredAt: null,
        updatedAt: offer.at.toISOString(),
      })
      .where("id", "in", ids.slice(from, from + 1000))
      .where("state", "in", ["submitted", "not_selected"])
      .returning("id")
      .execute();
    offered.push(...rows.map((row) => row.id));
  }
  return offered;
}

/** Every application of the term still submitted becomes not selected (after the offers were made). */
export async function markRestNotSelected(db: Db, termId: number, at: Date): Promise<void> {
  await db
    .updateTable("applications")
    .set({ state: "not_selected", updatedAt: at.toISOString() })
    .where("termId", "=", termId)
    .where("state", "=", "submitted")
    .execute();
}

/** How many of a project's slots are taken: its mentorships and its offers awaiting an answer. */
export async function countTakenSlots(db: Db, projectId: number): Promise<number> {
  const [mentorships, offers] = await Promise.all([
    db
      .selectFrom("mentorships")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("projectId", "=", projectId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("applications")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("projectId", "=", projectId)
      .where("state", "=", "offered")
      .executeTakeFirstOrThrow(),
  ]);
  return Number(mentorships.count) + Number(offers.count);
}

/** A project's ranked shortlist with what the waitlist weighs of each applicant: their state, mentorship, exclusion. */
export function listShortlistForWaitlist(db: Db, projectId: number) {
  return db
    .selectFrom("applications")
    .leftJoin("mentorships", (join) => join.onRef("mentorships.termId", "=", "applications.termId").onRef("mentorships.personId", "=", "applications.personId"))
    .leftJoin("selectionOverrides", (join) =>
      join.onRef("selectionOverrides.applicationId", "=", "applications.id").on("selectionOverrides.kind", "=", "exclude"),
    )
    .select([
      "applications.id",
      "applications.personId",
      "applications.termId",
      "applications.state",
      "applications.shortlistRank",
      "mentorships.id as mentorshipId",
      "selectionOverrides.applicationId as excluded",
    ])
    .where("applications.projectId", "=", projectId)
    .where("applications.reviewMark", "=", "shortlisted")
    .where("applications.shortlistRank", "is not", null)
    .orderBy("applications.shortlistRank")
    .execute();
}

/** The applications of some applicants in a term that count for their preference (submitted and later), with their order's inputs. */
export function listPreferenceOrders(db: Db, termId: number, personIds: readonly number[]) {
  return db
    .selectFrom("applications")
    .select(["id", "personId", "projectId", "state", "applicantRank", "submittedAt"])
    .where("termId", "=", termId)
    .where("personId", "in", personIds.length > 0 ? personIds : [0])
    .where("state", "in", ["submitted", "offered", "accepted", "declined", "lapsed", "not_selected"])
    .execute();
}

/** Creates the mentorship of an accepted offer. */
export async function insertMentorship(
  db: Db,
  input: { termId: number; projectId: number; personId: number; applicationId: number; at: Date },
): Promise<number> {
  const at = input.at.toISOString();
  const row = await db
    .insertInto("mentorships")
    .values({ termId: input.termId, projectId: input.projectId, personId: input.personId, applicationId: input.applicationId, createdAt: at, updatedAt: at })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The applicant's mentorship in a term, with its project, if they hold one. */
export function findMentorshipOf(db: Db, termId: number, personId: number) {
  return db
    .selectFrom("mentorships")
    .innerJoin("projects", "projects.id", "mentorships.projectId")
    .select(["mentorships.id", "mentorships.applicationId", "mentorships.createdAt", "projects.title as projectTitle"])
    .where("mentorships.termId", "=", termId)
    .where("mentorships.personId", "=", personId)
    .executeTakeFirst();
}

/** Withdraws the applicant's other open applications of a term (an offer was accepted); returns them with their projects. */
export function withdrawOtherApplications(db: Db, input: { termId: number; personId: number; keep: number; at: Date }) {
  const at = input.at.toISOString();
  return db
    .updateTable("applications")
    .set({ state: "withdrawn", withdrawnAt: at, updatedAt: at })
    .where("termId", "=", input.termId)
    .where("personId", "=", input.personId)
    .where("id", "!=", input.keep)
    .where("state", "in", WITHDRAWN_ON_ACCEPTANCE_STATES)
    .returning(["id", "projectId", "state", "offeredAt"])
    .execute();
}

/** The offers made in a term (every application offered at some point), for the admins' selection page. */
export function listTermOffers(db: Db, termId: number) {
  return db
    .selectFrom("applications")
    .innerJoin("people", "people.id", "applications.personId")
    .select([
      "applications.id",
      "applications.projectId",
      "applications.state",
      "applications.offeredAt",
      "applications.offerSource",
      "applications.respondBy",
      "applications.answeredAt",
      "applications.withdrawnAt",
      "people.name",
      "people.githubHandle",
    ])
    .where("applications.termId", "=", termId)
    .where("applications.offeredAt", "is not", null)
    .orderBy("applications.projectId")
    .orderBy("applications.offeredAt")
    .orderBy("applications.id")
    .execute();
}
