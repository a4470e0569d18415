import type { EvaluationOutcome } from "../../domain/evaluations.ts";
import type { EvaluationKind } from "../../domain/stipends.ts";
import type { EvaluationRow } from "../schema.ts";
import type { Db } from "./db.ts";

/** A mentorship's evaluations, midterm first. */
export function listEvaluations(db: Db, mentorshipId: number): Promise<EvaluationRow[]> {
  return db.selectFrom("evaluations").selectAll().where("mentorshipId", "=", mentorshipId).orderBy("submittedAt").execute();
}

/** The evaluations of several mentorships at once. */
export function listEvaluationsOf(db: Db, mentorshipIds: readonly number[]): Promise<EvaluationRow[]> {
  if (mentorshipIds.length === 0) return Promise.resolve([]);
  return db.selectFrom("evaluations").selectAll().where("mentorshipId", "in", mentorshipIds).execute();
}

/** Records an evaluation; false when one of its kind was recorded first (by another mentor, racing). */
export async function insertEvaluation(
  db: Db,
  input: {
    mentorshipId: number;
    kind: EvaluationKind;
    outcome: EvaluationOutcome;
    toMentee: string;
    toAdmins: string;
    answers: ReadonlyArray<{ question: string; answer: string }>;
    authorId: number;
    at: Date;
  },
): Promise<boolean> {
  const inserted = await db
    .insertInto("evaluations")
    .values({
      mentorshipId: input.mentorshipId,
      kind: input.kind,
      outcome: input.outcome,
      toMentee: input.toMentee,
      toAdmins: input.toAdmins,
      answers: JSON.stringify(input.answers),
      authorId: input.authorId,
      submittedAt: input.at.toISOString(),
    })
    .onConflict((oc) => oc.columns(["mentorshipId", "kind"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return inserted !== undefined;
}
