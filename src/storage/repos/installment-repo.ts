import type { Updateable } from "kysely";
import type { InstallmentState } from "../../domain/installments.ts";
import type { EvaluationKind } from "../../domain/stipends.ts";
import type { InstallmentRow, InstallmentTable } from "../schema.ts";
import type { Db } from "./db.ts";

/** A mentorship's installments, in order. */
export function listInstallments(db: Db, mentorshipId: number): Promise<InstallmentRow[]> {
  return db.selectFrom("installments").selectAll().where("mentorshipId", "=", mentorshipId).orderBy("position").execute();
}

/** Creates a mentorship's installments, unless it has some already (its start ran twice, or the policy came later). */
export async function insertInstallments(
  db: Db,
  input: { mentorshipId: number; currency: string; installments: ReadonlyArray<{ releasedBy: EvaluationKind; amount: number }>; at: Date },
): Promise<boolean> {
  const existing = await db.selectFrom("installments").select("id").where("mentorshipId", "=", input.mentorshipId).executeTakeFirst();
  if (existing || input.installments.length === 0) return false;
  const at = input.at.toISOString();
  await db
    .insertInto("installments")
    .values(
      input.installments.map((installment, index) => ({
        mentorshipId: input.mentorshipId,
        position: index + 1,
        releasedBy: installment.releasedBy,
        currency: input.currency,
        amount: installment.amount,
        fullAmount: installment.amount,
        state: "pending" as const,
        createdAt: at,
        updatedAt: at,
      })),
    )
    .execute();
  return true;
}

/**
 * Moves an installment from one state to the next with the columns of that move, only if it is
 * still in `from` (a concurrent move wins, and this one reports false).
 */
export async function moveInstallment(
  db: Db,
  id: number,
  from: InstallmentState,
  change: Omit<Updateable<InstallmentTable>, "id" | "mentorshipId" | "position" | "state"> & { state: InstallmentState; updatedAt: string },
): Promise<boolean> {
  const result = await db.updateTable("installments").set(change).where("id", "=", id).where("state", "=", from).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Installments with their mentorship, mentee, project and term, as the program's admins list them. */
export function programInstallments(db: Db, programId: number) {
  return db
    .selectFrom("installments")
    .innerJoin("mentorships", "mentorships.id", "installments.mentorshipId")
    .innerJoin("terms", "terms.id", "mentorships.termId")
    .innerJoin("projects", "projects.id", "mentorships.projectId")
    .innerJoin("people", "people.id", "mentorships.personId")
    .selectAll("installments")
    .select((eb) => [
      eb
        .selectFrom("installments as sibling")
        .select((inner) => inner.fn.countAll<number>().as("count"))
        .whereRef("sibling.mentorshipId", "=", "installments.mentorshipId")
        .as("installmentCount"),
      "terms.programId",
      "mentorships.personId",
      "mentorships.termId",
      "terms.slug as termSlug",
      "terms.title as termTitle",
      "terms.timeZone as termTimeZone",
      "projects.title as projectTitle",
      "people.name as menteeName",
      "people.email as menteeEmail",
      "people.country as menteeCountry",
      "people.timeZone as menteeTimeZone",
    ])
    .where("terms.programId", "=", programId);
}

/** One installment with what its moves and its emails need. */
export type ProgramInstallment = Awaited<ReturnType<ReturnType<typeof programInstallments>["execute"]>>[number];

/** How many of the program's installments are in each state. */
export function countProgramInstallmentsByState(db: Db, programId: number) {
  return db
    .selectFrom("installments")
    .innerJoin("mentorships", "mentorships.id", "installments.mentorshipId")
    .innerJoin("terms", "terms.id", "mentorships.termId")
    .select(["installments.state", (eb) => eb.fn.countAll<number>().as("count")])
    .where("terms.programId", "=", programId)
    .groupBy("installments.state")
    .execute();
}
