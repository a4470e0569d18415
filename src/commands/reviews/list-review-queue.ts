import { checkActionOpen } from "../../domain/phase-actions.ts";
import type { Actor } from "../../policies/actor.ts";
import { canWrite, isSignedIn } from "../../policies/actor.ts";
import { isConfirmedMentorOf } from "../../policies/application-board-policy.ts";
import { isProgramAdmin } from "../../policies/program-policy.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import type { Db } from "../../storage/repos/db.ts";
import { countNotesOfProject, countSubmittedApplicationsOf, listReviewApplications, listReviewConflicts, listScores } from "../../storage/repos/review-repo.ts";
import type { BoardProjectRow, ReviewQueueData } from "../../storage/schema.ts";
import { requireBoardProject } from "../applications/board-project-access.ts";
import { loadTermTimeline } from "../terms/phase-window.ts";

/**
 * A project's review queue for its mentors and its program's admins: every submitted application
 * (and those decided since) with its applicant, its mark and place in the shortlist, the reader's
 * own score, how many scores and notes it has, and how many other applications its applicant
 * submitted. An application a mentor declared a conflict of interest with is left out of their
 * queue; admins see how many mentors declared one.
 */
export async function listReviewQueue(options: { database: DatabaseHandle; actor: Actor; projectSlug: string; now: Date }): Promise<ReviewQueueData> {
  const db = options.database.db;
  const project = await requireBoardProject(db, options.actor, options.projectSlug);
  return readReviewQueue(db, options.actor, project, options.now);
}

/** The queue of a project already known to be readable by the actor. */
export async function readReviewQueue(db: Db, actor: Actor, project: BoardProjectRow, now: Date): Promise<ReviewQueueData> {
  const viewer = isSignedIn(actor) ? actor.personId : 0;
  const [applications, scores, notes, conflicts, timeline] = await Promise.all([
    listReviewApplications(db, project.id),
    listScores(db, { projectId: project.id }),
    countNotesOfProject(db, project.id),
    listReviewConflicts(db, { projectId: project.id }),
    loadTermTimeline(db, { id: project.termId, title: project.termTitle, timeZone: project.termTimeZone }),
  ]);
  const admin = isProgramAdmin(actor, project.programId);
  const hidden = new Set(conflicts.filter((conflict) => conflict.personId === viewer && !admin).map((conflict) => conflict.applicationId));
  const shown = applications.filter((application) => !hidden.has(application.id));
  const submitted = await countSubmittedApplicationsOf(
    db,
    project.termId,
    shown.map((application) => application.personId),
  );
  const scoresOf = groupBy(scores, (score) => score.applicationId);
  const conflictsOf = groupBy(conflicts, (conflict) => conflict.applicationId);
  const review = checkActionOpen(timeline, "reviewApplication", now);
  return {
    project: { slug: project.slug, title: project.title, slots: project.slots },
    term: { slug: project.termSlug, title: project.termTitle, timeZone: project.termTimeZone },
    review: { open: review.open, message: review.message },
    canReview: canWrite(actor) && isConfirmedMentorOf(actor, project),
    items: shown.map((application) => {
      const own = scoresOf.get(application.id) ?? [];
      return {
        id: application.id,
        state: application.state,
        submittedAt: application.submittedAt,
        name: application.name,
        githubHandle: application.githubHandle,
        pronouns: application.pronouns,
        country: application.country,
        reviewMark: application.reviewMark,
        shortlistRank: application.shortlistRank,
        myScore: own.find((score) => score.personId === viewer)?.score ?? null,
        scoreCount: own.length,
        scoreAverage: own.length > 0 ? own.reduce((sum, score) => sum + score.score, 0) / own.length : null,
        notes: notes.get(application.id) ?? 0,
        otherApplications: Math.max(0, (submitted.get(application.personId) ?? 1) - 1),
        conflicts: admin ? (conflictsOf.get(application.id) ?? []).length : 0,
      };
    }),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
