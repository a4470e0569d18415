import { evaluationDueAt, missingParts } from "../../domain/evaluations.ts";
import { mentorshipTimeline } from "../../domain/mentorship-dates.ts";
import { EVALUATION_KINDS } from "../../domain/stipends.ts";
import type { TermTimeline } from "../../domain/timeline.ts";
import { AppError } from "../../errors/app-error.ts";
import type { Actor, SignedIn } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { listEvaluationsOf } from "../../storage/repos/evaluation-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { requireProgramAdmin, requireProgramAdminIn } from "../programs/require-program-admin.ts";
import { loadTermTimeline } from "../terms/phase-window.ts";
import { questionsOf } from "./get-mentorship.ts";

/** One mentorship of a program as its admins' overview lists it, with each evaluation's due instant and what is missing. */
export interface ProgramMentorshipRow {
  id: number;
  state: "active" | "completed" | "ended";
  term: { slug: string; title: string };
  project: string;
  mentee: string;
  extensionWeeks: number;
  evaluations: Array<{
    kind: (typeof EVALUATION_KINDS)[number];
    dueAt: Date | null;
    outcome: "pass" | "fail" | null;
    missing: Array<"evaluation" | "mentee_report">;
    overdue: boolean;
  }>;
}

/**
 * The program's mentorships for its admins, newest term first: each evaluation's due instant on
 * the mentorship's own timeline, and whether it is overdue (its window closed with the mentors'
 * evaluation or the mentee's report missing, the mentorship still active).
 */
export async function listProgramMentorships(options: {
  database: DatabaseHandle;
  actor: Actor;
  programSlug: string;
  now: Date;
}): Promise<ProgramMentorshipRow[]> {
  const db = options.database.db;
  const program = await requireProgramAdmin(options.database, options.actor, options.programSlug);
  const rows = await db
    .selectFrom("mentorships")
    .innerJoin("terms", "terms.id", "mentorships.termId")
    .innerJoin("projects", "projects.id", "mentorships.projectId")
    .innerJoin("people", "people.id", "mentorships.personId")
    .select([
      "mentorships.id",
      "mentorships.state",
      "mentorships.extensionWeeks",
      "mentorships.extendedAt",
      "mentorships.reportSubmittedAt",
      "terms.id as termId",
      "terms.slug as termSlug",
      "terms.title as termTitle",
      "terms.timeZone as termTimeZone",
      "projects.title as projectTitle",
      "people.name as menteeName",
    ])
    .where("terms.programId", "=", program.id)
    .orderBy("terms.slug", "desc")
    .orderBy("projects.title")
    .orderBy("people.name")
    .execute();
  const evaluations = await listEvaluationsOf(
    db,
    rows.map((row) => row.id),
  );
  const timelines = new Map<number, TermTimeline>();
  for (const row of rows) {
    if (!timelines.has(row.termId)) timelines.set(row.termId, await loadTermTimeline(db, { id: row.termId, title: row.termTitle, timeZone: row.termTimeZone }));
  }
  return rows.map((row) => {
    const extension = row.extensionWeeks > 0 && row.extendedAt ? { weeks: row.extensionWeeks, grantedAt: new Date(row.extendedAt) } : null;
    const timeline = mentorshipTimeline(timelines.get(row.termId) as TermTimeline, extension);
    return {
      id: row.id,
      state: row.state,
      term: { slug: row.termSlug, title: row.termTitle },
      project: row.projectTitle,
      mentee: row.menteeName,
      extensionWeeks: row.extensionWeeks,
      evaluations: EVALUATION_KINDS.map((kind) => {
        const outcome = evaluations.find((evaluation) => evaluation.mentorshipId === row.id && evaluation.kind === kind)?.outcome ?? null;
        const missing = missingParts(kind, { outcome, menteeReportIn: row.reportSubmittedAt !== null });
        const dueAt = evaluationDueAt(timeline, kind);
        const overdue = row.state === "active" && dueAt !== null && dueAt.getTime() <= options.now.getTime() && missing.length > 0;
        return { kind, dueAt, outcome, missing, overdue };
      }),
    };
  });
}

/** The program's evaluation questions, for its admins. */
export async function getEvaluationQuestions(options: { database: DatabaseHandle; actor: Actor; programSlug: string }): Promise<string[]> {
  const program = await requireProgramAdmin(options.database, options.actor, options.programSlug);
  return questionsOf(program);
}

/** Sets the questions every evaluation of the program answers from now on (evaluations already submitted keep the questions they answered). */
export async function setEvaluationQuestions(options: {
  database: DatabaseHandle;
  actor: SignedIn;
  programSlug: string;
  questions: readonly string[];
  now: Date;
}): Promise<string[]> {
  const { actor, now } = options;
  return inTransaction(options.database, async (db) => {
    const program = await requireProgramAdminIn(db, actor, options.programSlug);
    const before = questionsOf(program);
    const duplicate = options.questions.findIndex((question, index) => options.questions.indexOf(question) !== index);
    if (duplicate >= 0) {
      throw new AppError("INVALID_INPUT", `The question “${options.questions[duplicate]}” is asked twice.`, undefined, {
        errors: [{ field: `questions.${duplicate}`, code: "duplicate", detail: "is asked twice" }],
      });
    }
    await db
      .updateTable("programs")
      .set({ evaluationQuestions: JSON.stringify(options.questions), updatedAt: now.toISOString() })
      .where("id", "=", program.id)
      .execute();
    await recordAuditEvent(db, {
      programId: program.id,
      actor: { personId: actor.personId, label: actor.name },
      action: "evaluation.questions_updated",
      objectType: "program",
      objectId: program.id,
      changes: { questions: { before, after: options.questions } },
      at: now,
    });
    return [...options.questions];
  });
}
