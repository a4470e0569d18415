import { formatInstant } from "../../domain/format-instant.ts";
import { AppError } from "../../errors/app-error.ts";
import type { SignedIn } from "../../policies/actor.ts";
import { isProgramAdmin } from "../../policies/program-policy.ts";
import { isMaintainerOf } from "../../policies/proposal-policy.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { askMentor } from "./mentor-asks.ts";
import { type ProposalView, requireVisibleProposal, viewProposal } from "./proposal-access.ts";

/** How long after one confirmation email the same mentor can be sent another. */
export const ASK_AGAIN_AFTER_MS = 10 * 60 * 1000;

/** Options of askMentorAgain. */
export interface AskMentorAgainOptions {
  database: DatabaseHandle;
  actor: SignedIn;
  slug: string;
  personId: number;
  baseUrl: string;
  now: Date;
}

/**
 * Sends a named mentor who has not answered a new confirmation email (the older link stops
 * working): the proposal's maintainers and the program's admins, once the proposal is
 * submitted, at most once every ten minutes per mentor, so nobody is flooded.
 */
export async function askMentorAgain(options: AskMentorAgainOptions): Promise<ProposalView> {
  const { actor, now } = options;
  return inTransaction(options.database, async (db) => {
    const { record, scope } = await requireVisibleProposal(db, actor, options.slug);
    if (!isProgramAdmin(actor, scope.programId) && !isMaintainerOf(actor, scope)) {
      throw new AppError("FORBIDDEN", `Only the maintainers of ${record.organization.name} and the program's admins may ask its mentors again.`);
    }
    const mentor = record.mentors.find((named) => named.personId === options.personId);
    if (!mentor) throw new AppError("NOT_FOUND", `"${record.title}" names no mentor with id ${options.personId}.`);
    if (scope.state === "draft") throw new AppError("CONFLICT", "Mentors are asked when the proposal is submitted: submit it first.");
    if (scope.state === "withdrawn" || scope.state === "rejected")
      throw new AppError("CONFLICT", `"${record.title}" was ${scope.state}: there is nothing to ask.`);
    if (mentor.confirmation !== "pending") {
      throw new AppError("CONFLICT", `${mentor.name} already ${mentor.confirmation} "${record.title}"; there is nothing to ask again.`);
    }
    if (!mentor.email) {
      throw new AppError(
        "CONFLICT",
        `${mentor.name} has no email address on Cohort: name them by email address, or ask them to answer on the proposal's page.`,
      );
    }
    if (mentor.askedAt !== null && now.getTime() - new Date(mentor.askedAt).getTime() < ASK_AGAIN_AFTER_MS) {
      const next = new Date(new Date(mentor.askedAt).getTime() + ASK_AGAIN_AFTER_MS);
      throw new AppError(
        "RATE_LIMITED",
        `${mentor.name} was sent a confirmation email at ${formatInstant(mentor.askedAt, "UTC")}; a mentor is asked at most once every 10 minutes, so ask again from ${formatInstant(next, "UTC")}.`,
      );
    }
    await askMentor(db, { record, mentor, namedBy: actor.name, baseUrl: options.baseUrl, now });
    await recordAuditEvent(db, {
      programId: scope.programId,
      actor: { personId: actor.personId, label: actor.name },
      action: "proposal.mentor_asked_again",
      objectType: "project",
      objectId: record.id,
      changes: { personId: mentor.personId, previouslyAskedAt: mentor.askedAt },
      at: now,
    });
    return viewProposal(db, actor, record.slug, now);
  });
}
