import { formatInstantAndUtc } from "../../domain/format-instant.ts";
import { mentorshipTimeline } from "../../domain/mentorship-dates.ts";
import type { TermTimeline } from "../../domain/timeline.ts";
import { AppError } from "../../errors/app-error.ts";
import { type Actor, isSignedIn, type SignedIn } from "../../policies/actor.ts";
import { canManageMentorship, canSeeMentorship } from "../../policies/mentorship-policy.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import type { Db } from "../../storage/repos/db.ts";
import { listEvaluations } from "../../storage/repos/evaluation-repo.ts";
import { listInstallments } from "../../storage/repos/installment-repo.ts";
import { findMentorship, listConfirmedMentors, listMentorshipsOfPerson, type MentorshipRecord } from "../../storage/repos/mentorship-repo.ts";
import { findProgramById } from "../../storage/repos/program-repo.ts";
import type { MentorshipData, ProgramRow } from "../../storage/schema.ts";
import { loadTermTimeline } from "../terms/phase-window.ts";

/** The mentorship once the actor may see it: its mentee, its project's mentors and the program's admins; 404 to anyone else. */
export async function requireVisibleMentorship(db: Db, actor: Actor, id: number): Promise<MentorshipRecord> {
  const mentorship = await findMentorship(db, id);
  if (!mentorship || !canSeeMentorship(actor, mentorship)) throw new AppError("NOT_FOUND", `There is no mentorship ${id}.`);
  return mentorship;
}

/** A mentorship as its page shows it: the people, and the term's dates as they apply to it (moved by its extension). */
export async function getMentorship(options: { database: DatabaseHandle; actor: Actor; mentorshipId: number; now: Date }): Promise<MentorshipData> {
  const db = options.database.db;
  return readMentorship(db, options.actor, await requireVisibleMentorship(db, options.actor, options.mentorshipId), options.now);
}

/** The term's timeline as it applies to a mentorship: moved by its extension. */
export async function mentorshipTimelineOf(db: Db, mentorship: MentorshipRecord): Promise<TermTimeline> {
  const termTimeline = await loadTermTimeline(db, { id: mentorship.termId, title: mentorship.termTitle, timeZone: mentorship.termTimeZone });
  const extension =
    mentorship.extensionWeeks > 0 && mentorship.extendedAt ? { weeks: mentorship.extensionWeeks, grantedAt: new Date(mentorship.extendedAt) } : null;
  return mentorshipTimeline(termTimeline, extension);
}

/** The page's data of a mentorship already known to be the actor's to see. */
export async function readMentorship(db: Db, actor: Actor, mentorship: MentorshipRecord, now: Date): Promise<MentorshipData> {
  const [mentors, timeline, evaluations, installments, questions] = await Promise.all([
    listConfirmedMentors(db, mentorship.projectId),
    mentorshipTimelineOf(db, mentorship),
    listEvaluations(db, mentorship.id),
    listInstallments(db, mentorship.id),
    evaluationQuestionsOf(db, mentorship.programId),
  ]);
  const signedIn = isSignedIn(actor);
  const viewer = {
    isMentee: signedIn && actor.personId === mentorship.personId,
    isMentor: signedIn && actor.mentorOf.has(mentorship.projectId),
    isAdmin: canManageMentorship(actor, mentorship),
  };
  return { mentorship, mentors, timeline, evaluations, installments, questions, viewer, canManage: viewer.isAdmin, now };
}

/** The program's evaluation questions, in order. */
export async function evaluationQuestionsOf(db: Db, programId: number): Promise<string[]> {
  const program = await findProgramById(db, programId);
  return program ? questionsOf(program) : [];
}

/** A program's evaluation questions as stored (a JSON array of strings). */
export function questionsOf(program: Pick<ProgramRow, "evaluationQuestions">): string[] {
  return JSON.parse(program.evaluationQuestions) as string[];
}

/** The mentorships the caller is part of, as mentee or mentor. */
export function listMyMentorships(options: { database: DatabaseHandle; actor: SignedIn }) {
  return listMentorshipsOfPerson(options.database.db, options.actor.personId);
}

/** Refuses a change to a mentorship that is no longer active, saying since when. */
export function requireActive(mentorship: MentorshipRecord, what: string): void {
  if (mentorship.state === "active") return;
  const since = mentorship.state === "ended" ? mentorship.endedAt : mentorship.completedAt;
  throw new AppError(
    "CONFLICT",
    `This mentorship ${mentorship.state === "ended" ? "ended" : "was completed"}${since ? ` on ${formatInstantAndUtc(since, mentorship.termTimeZone)}` : ""}; ${what} can no longer be submitted.`,
  );
}
