import type { ProjectState } from "../../domain/project-states.ts";
import type { ProposalStage } from "../../domain/proposal-states.ts";
import type { ProjectRow } from "../schema.ts";
import type { Db } from "./db.ts";

// The admin's proposal board and decisions: what they count across a term and whom a decision
// tells. A proposal itself is read by proposal-repo.ts.

/** Someone a decision on a proposal is sent to, once, whatever roles they hold on it. */
export interface DecisionRecipient {
  personId: number;
  name: string;
  email: string;
  maintainer: boolean;
  mentor: boolean;
}

/**
 * The maintainers of the proposal's organization and its confirmed mentors, each person once
 * (someone who is both is one recipient with both roles), in person order; people without an
 * address are left out.
 */
export async function listDecisionRecipients(db: Db, scope: { projectId: number; organizationId: number }): Promise<DecisionRecipient[]> {
  const [maintainers, mentors] = await Promise.all([
    db
      .selectFrom("roleGrants")
      .innerJoin("people", "people.id", "roleGrants.personId")
      .select(["people.id as personId", "people.name", "people.email"])
      .distinct()
      .where("roleGrants.role", "=", "maintainer")
      .where("roleGrants.organizationId", "=", scope.organizationId)
      .execute(),
    db
      .selectFrom("projectMentors")
      .innerJoin("people", "people.id", "projectMentors.personId")
      .select(["people.id as personId", "people.name", "people.email"])
      .where("projectMentors.projectId", "=", scope.projectId)
      .where("projectMentors.confirmation", "=", "confirmed")
      .execute(),
  ]);
  const recipients = new Map<number, DecisionRecipient>();
  for (const [rows, role] of [
    [maintainers, "maintainer"],
    [mentors, "mentor"],
  ] as const) {
    for (const row of rows) {
      if (!row.email) continue;
      const known = recipients.get(row.personId) ?? { personId: row.personId, name: row.name, email: row.email, maintainer: false, mentor: false };
      known[role] = true;
      recipients.set(row.personId, known);
    }
  }
  return [...recipients.values()].sort((a, b) => a.personId - b.personId);
}

/** The names of a proposal's mentors who have not answered yet, in the order they were named. */
export async function listUnansweredMentorNames(db: Db, projectId: number): Promise<string[]> {
  const rows = await db
    .selectFrom("projectMentors")
    .innerJoin("people", "people.id", "projectMentors.personId")
    .select(["people.name", "projectMentors.namedAs"])
    .where("projectMentors.projectId", "=", projectId)
    .where("projectMentors.confirmation", "=", "pending")
    .orderBy("projectMentors.position")
    .execute();
  return rows.map((row) => row.name || row.namedAs || "a mentor");
}

/** How many confirmed mentors a proposal has. */
export async function countConfirmedMentors(db: Db, projectId: number): Promise<number> {
  const row = await db
    .selectFrom("projectMentors")
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .where("projectId", "=", projectId)
    .where("confirmation", "=", "confirmed")
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** The slots of a term's accepted projects, added up. */
export async function sumAcceptedSlots(db: Db, termId: number): Promise<number> {
  const row = await db
    .selectFrom("projects")
    .select((eb) => eb.fn.sum<number | string | null>("slots").as("slots"))
    .where("termId", "=", termId)
    .where("state", "=", "accepted")
    .executeTakeFirst();
  return Number(row?.slots ?? 0);
}

/**
 * Records a decision on a proposal only if it still stands where the decision found it (its
 * fate and stage), so that two admins deciding at once cannot both win: undefined when it moved.
 */
export function decideProposalRow(
  db: Db,
  projectId: number,
  from: { states: readonly ProjectState[]; stages?: readonly ProposalStage[] },
  fields: Partial<Pick<ProjectRow, "state" | "proposalStage" | "slots" | "rejectionReason" | "reviewComment" | "decidedAt">>,
  at: Date,
): Promise<ProjectRow | undefined> {
  return db
    .updateTable("projects")
    .set({ ...fields, updatedAt: at.toISOString() })
    .where("id", "=", projectId)
    .where("state", "in", from.states)
    .$if(from.stages !== undefined, (qb) => qb.where("proposalStage", "in", from.stages ?? []))
    .returningAll()
    .executeTakeFirst();
}

/** How many of a term's proposals stand in each fate and stage (drafts included). */
export async function countProposalsByState(db: Db, termId: number): Promise<Array<{ state: ProjectState; proposalStage: ProposalStage; count: number }>> {
  const rows = await db
    .selectFrom("projects")
    .select(["state", "proposalStage", (eb) => eb.fn.countAll<number | string>().as("count")])
    .where("termId", "=", termId)
    .groupBy(["state", "proposalStage"])
    .execute();
  return rows.map((row) => ({ state: row.state, proposalStage: row.proposalStage, count: Number(row.count) }));
}

/**
 * How many proposals of a term each organization has in the states that count towards its quota
 * (submitted, changes requested, accepted), by organization id.
 */
export async function countQuotaProposalsByOrganization(db: Db, termId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom("projects")
    .select(["organizationId", (eb) => eb.fn.countAll<number | string>().as("count")])
    .where("termId", "=", termId)
    .where((eb) => eb.or([eb("state", "=", "accepted"), eb.and([eb("state", "=", "proposed"), eb("proposalStage", "in", ["submitted", "changes_requested"])])]))
    .groupBy("organizationId")
    .execute();
  return new Map(rows.map((row) => [row.organizationId, Number(row.count)]));
}

/** What the admin's home counts in a term: proposals with a mentor who has not answered, and accepted projects with a pending change. */
export async function countTermAttention(db: Db, termId: number): Promise<{ unconfirmedMentors: number; pendingChanges: number }> {
  const [unconfirmed, pending] = await Promise.all([
    db
      .selectFrom("projects")
      .select((eb) => eb.fn.countAll<number | string>().as("count"))
      .where("termId", "=", termId)
      .where((eb) => eb.or([eb("state", "=", "accepted"), eb.and([eb("state", "=", "proposed"), eb("proposalStage", "!=", "draft")])]))
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom("projectMentors")
            .select("projectMentors.projectId")
            .whereRef("projectMentors.projectId", "=", "projects.id")
            .where("confirmation", "=", "pending"),
        ),
      )
      .executeTakeFirst(),
    db
      .selectFrom("projects")
      .select((eb) => eb.fn.countAll<number | string>().as("count"))
      .where("termId", "=", termId)
      .where("pendingChange", "is not", null)
      .executeTakeFirst(),
  ]);
  return { unconfirmedMentors: Number(unconfirmed?.count ?? 0), pendingChanges: Number(pending?.count ?? 0) };
}
