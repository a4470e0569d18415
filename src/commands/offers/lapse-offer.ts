import { offerLapsedMessage } from "../../notifications/selection-outcome.ts";
import { findApplicationById, updateApplication } from "../../storage/repos/application-repo.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import { emailApplicant, loadOfferTerm, offerFreedSlots, SCHEDULER_ACTOR } from "./offer-effects.ts";
import { loadOfferProject } from "./offer-project.ts";

/** What the lapse job did: lapsed the offer (and offered the slot on), found it answered, or found its deadline not come. */
export type LapseOutcome = { kind: "lapsed"; offeredNext: number[] } | { kind: "answered" } | { kind: "early"; dueAt: Date };

/**
 * The effect of an offer's lapse job, in its transaction: an offer still unanswered at its
 * deadline lapses, the applicant is told by email, and the slot goes to the project's waitlist
 * at once (until the start phase). An offer answered meanwhile is left as it is.
 */
export async function lapseOffer(db: Db, options: { applicationId: number; now: Date; baseUrl: string }): Promise<LapseOutcome> {
  const { now } = options;
  const application = await findApplicationById(db, options.applicationId);
  if (application?.state !== "offered" || !application.respondBy) return { kind: "answered" };
  const respondBy = new Date(application.respondBy);
  if (now.getTime() < respondBy.getTime()) return { kind: "early", dueAt: respondBy };

  await updateApplication(db, application.id, { state: "lapsed", answeredAt: now.toISOString() }, now);
  await recordAuditEvent(db, {
    programId: application.term.programId,
    actor: SCHEDULER_ACTOR,
    action: "application.offer_lapsed",
    objectType: "application",
    objectId: application.id,
    changes: { respondBy: application.respondBy },
    at: now,
  });
  await emailApplicant(db, {
    personId: application.personId,
    programId: application.term.programId,
    dedupeKey: `offer.lapsed:${application.id}`,
    at: now,
    write: (reader) =>
      offerLapsedMessage({
        ...reader,
        baseUrl: options.baseUrl,
        termTitle: application.term.title,
        termTimeZone: application.term.timeZone,
        offer: { projectTitle: application.project.title, organizationName: application.organization.name, respondBy },
      }),
  });
  const context = await loadOfferTerm(db, application.termId);
  const offeredNext = await offerFreedSlots(db, context, await loadOfferProject(db, application.projectId), { at: now, baseUrl: options.baseUrl });
  return { kind: "lapsed", offeredNext };
}
