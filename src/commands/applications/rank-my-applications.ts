import { orderFieldErrors, strictOrderProblems } from "../../domain/strict-order.ts";
import { AppError } from "../../errors/app-error.ts";
import type { SignedIn } from "../../policies/actor.ts";
import { canSeeTerm } from "../../policies/term-policy.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { listSubmittedApplicationsOf, numberApplications } from "../../storage/repos/application-repo.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { findTermBySlug } from "../../storage/repos/term-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { checkPhaseWindow, loadTermTimeline } from "../terms/phase-window.ts";

/**
 * An applicant ranks their own submitted applications of a term, the one they want most first,
 * while review is open: selection then offers them the highest they can get. The list must hold
 * each of them once; without a ranking the order of submission counts. Mentors never see it.
 */
export async function rankMyApplications(options: {
  database: DatabaseHandle;
  actor: SignedIn;
  termSlug: string;
  applications: readonly number[];
  now: Date;
}): Promise<void> {
  const { actor, now } = options;
  await inTransaction(options.database, async (db) => {
    const term = await findTermBySlug(db, options.termSlug);
    if (!term || !canSeeTerm(actor, term)) throw new AppError("NOT_FOUND", `There is no term "${options.termSlug}".`);
    const own = await listSubmittedApplicationsOf(db, { personId: actor.personId, termId: term.id });
    const titles = new Map(own.map((application) => [application.id, application.projectTitle]));
    const ownIds = own.map((application) => application.id);
    const errors = orderFieldErrors(strictOrderProblems(options.applications, ownIds), {
      outsideCode: "not_yours",
      outside: (id) => `Application ${id} is not one of your submitted applications of ${term.title}.`,
      duplicate: (id) => `"${titles.get(id)}" is ranked twice; give each one place.`,
      missing: (ids) => `Rank every submitted application of ${term.title}; ${ids.map((id) => `"${titles.get(id)}"`).join(", ")} is missing.`,
    });
    if (errors.length > 0) throw new AppError("INVALID_INPUT", errors.map((error) => error.detail).join(" "), undefined, { errors });
    const timeline = await loadTermTimeline(db, term);
    await checkPhaseWindow(db, actor, { programId: term.programId, timeline, action: "reviewApplication", now });
    await numberApplications(db, "applicantRank", options.applications);
    await recordAuditEvent(db, {
      programId: term.programId,
      actor: { personId: actor.personId, label: actor.name },
      action: "application.preferences_ranked",
      objectType: "term",
      objectId: term.id,
      changes: { ranking: [...options.applications] },
      at: now,
    });
  });
}
