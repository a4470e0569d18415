import { sql } from "kysely";
import type { EligibilityQuestionKind } from "../../domain/application-states.ts";
import type { EligibilityAnswerRow, ProgramEligibilityQuestionRow, TermEligibilityQuestionRow } from "../schema.ts";
import type { Db } from "./db.ts";

/** A question as it is written: its choices and disqualifying answers as lists, stored as JSON. */
export interface EligibilityQuestionWrite {
  kind: EligibilityQuestionKind;
  prompt: string;
  choices: readonly string[];
  disqualifyingAnswers: readonly string[];
  disqualifyingReason: string | null;
}

function columnsOf(question: EligibilityQuestionWrite, position: number) {
  return {
    position,
    kind: question.kind,
    prompt: question.prompt,
    choices: JSON.stringify(question.choices),
    disqualifyingAnswers: JSON.stringify(question.disqualifyingAnswers),
    disqualifyingReason: question.disqualifyingReason,
  };
}

/** A program's questions in the order they are asked. */
export function listProgramEligibilityQuestions(db: Db, programId: number): Promise<ProgramEligibilityQuestionRow[]> {
  return db.selectFrom("programEligibilityQuestions").selectAll().where("programId", "=", programId).orderBy("position").execute();
}

/** Replaces a program's questions with `questions`, in their order. */
export async function replaceProgramEligibilityQuestions(
  db: Db,
  programId: number,
  questions: readonly EligibilityQuestionWrite[],
): Promise<ProgramEligibilityQuestionRow[]> {
  await db.deleteFrom("programEligibilityQuestions").where("programId", "=", programId).execute();
  if (questions.length > 0) {
    await db
      .insertInto("programEligibilityQuestions")
      .values(questions.map((question, index) => ({ programId, ...columnsOf(question, index + 1) })))
      .execute();
  }
  return listProgramEligibilityQuestions(db, programId);
}

/** A term's questions in the order they are asked. */
export function listTermEligibilityQuestions(db: Db, termId: number): Promise<TermEligibilityQuestionRow[]> {
  return db.selectFrom("termEligibilityQuestions").selectAll().where("termId", "=", termId).orderBy("position").execute();
}

/**
 * Replaces a term's questions with `questions`, in their order. A question with the `id` of one
 * of the term's questions is changed in place, so the answers given to it stay its answers; the
 * term's questions left out are deleted, and those without an id are added.
 */
export async function replaceTermEligibilityQuestions(
  db: Db,
  termId: number,
  questions: ReadonlyArray<EligibilityQuestionWrite & { id?: number | undefined }>,
): Promise<TermEligibilityQuestionRow[]> {
  const kept = questions.flatMap((question) => (question.id === undefined ? [] : [question.id]));
  let deleting = db.deleteFrom("termEligibilityQuestions").where("termId", "=", termId);
  if (kept.length > 0) deleting = deleting.where("id", "not in", kept);
  await deleting.execute();
  // Positions are unique per term: the kept questions step aside to negative positions before
  // any takes its new place, so a reordering never collides with itself half-way.
  await db.updateTable("termEligibilityQuestions").set({ position: sql<number>`-position` }).where("termId", "=", termId).execute();
  for (const [index, question] of questions.entries()) {
    const columns = columnsOf(question, index + 1);
    if (question.id === undefined)
      await db
        .insertInto("termEligibilityQuestions")
        .values({ termId, ...columns })
        .execute();
    else await db.updateTable("termEligibilityQuestions").set(columns).where("termId", "=", termId).where("id", "=", question.id).execute();
  }
  return listTermEligibilityQuestions(db, termId);
}

/** Copies a program's questions into a term that has none yet, as the term will ask them. */
export async function copyProgramQuestionsToTerm(db: Db, input: { programId: number; termId: number }): Promise<number> {
  const result = await db
    .insertInto("termEligibilityQuestions")
    .columns(["termId", "position", "kind", "prompt", "choices", "disqualifyingAnswers", "disqualifyingReason"])
    .expression(
      db
        .selectFrom("programEligibilityQuestions")
        .select([
          // Cast, so PostgreSQL knows the parameter's type inside a select list.
          sql<number>`cast(${input.termId} as integer)`.as("termId"),
          "position",
          "kind",
          "prompt",
          "choices",
          "disqualifyingAnswers",
          "disqualifyingReason",
        ])
        .where("programId", "=", input.programId),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** One person's answers for a term, or undefined before they answer. */
export function findEligibilityAnswers(db: Db, key: { termId: number; personId: number }): Promise<EligibilityAnswerRow | undefined> {
  return db.selectFrom("eligibilityAnswers").selectAll().where("termId", "=", key.termId).where("personId", "=", key.personId).executeTakeFirst();
}

/** What an applicant answered for a term, and the verdict on it. */
export interface EligibilityAnswersWrite {
  termId: number;
  personId: number;
  /** By question id. */
  answers: Readonly<Record<number, string>>;
  eligible: boolean;
  disqualifications: ReadonlyArray<{ questionId: number; prompt: string; answer: string; reason: string }>;
  at: Date;
}

/** Stores an applicant's answers for a term, replacing earlier ones; `answeredAt` stays the first time. */
export async function saveEligibilityAnswers(db: Db, input: EligibilityAnswersWrite): Promise<EligibilityAnswerRow> {
  const at = input.at.toISOString();
  const values = {
    answers: JSON.stringify(input.answers),
    eligible: input.eligible ? (1 as const) : (0 as const),
    disqualifications: JSON.stringify(input.disqualifications),
    updatedAt: at,
  };
  return db
    .insertInto("eligibilityAnswers")
    .values({ termId: input.termId, personId: input.personId, answeredAt: at, ...values })
    .onConflict((conflict) => conflict.columns(["termId", "personId"]).doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The stored answers of a term, every applicant's, or only those whose verdict ruled them out. */
export function listEligibilityAnswersOfTerm(db: Db, termId: number, options: { disqualifiedOnly: boolean }): Promise<EligibilityAnswerRow[]> {
  let query = db.selectFrom("eligibilityAnswers").selectAll().where("termId", "=", termId);
  if (options.disqualifiedOnly) query = query.where("eligible", "=", 0);
  return query.execute();
}

/** Sets the verdict on stored answers, judged again by the system: when the applicant answered stays as it was. */
export async function updateEligibilityVerdict(
  db: Db,
  input: Pick<EligibilityAnswersWrite, "termId" | "personId" | "eligible" | "disqualifications">,
): Promise<void> {
  await db
    .updateTable("eligibilityAnswers")
    .set({ eligible: input.eligible ? 1 : 0, disqualifications: JSON.stringify(input.disqualifications) })
    .where("termId", "=", input.termId)
    .where("personId", "=", input.personId)
    .execute();
}

/** Deletes one applicant's answers for a term, so they are asked again. */
export async function deleteEligibilityAnswers(db: Db, key: { termId: number; personId: number }): Promise<void> {
  await db.deleteFrom("eligibilityAnswers").where("termId", "=", key.termId).where("personId", "=", key.personId).execute();
}
