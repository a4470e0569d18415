import { APPLICATION_STATE_LABELS } from "../../domain/application-states.ts";
import { formatInstantAndUtc } from "../../domain/format-instant.ts";
import { AppError } from "../../errors/app-error.ts";
import { offerAcceptedMessage } from "../../notifications/selection-outcome.ts";
import type { SignedIn } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findApplicationById, lockApplicant, updateApplication } from "../../storage/repos/application-repo.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { findMentorshipOf, insertMentorship, withdrawOtherApplications } from "../../storage/repos/offer-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { scheduleMentorshipWelcome } from "../mentorships/welcome.ts";
import { cancelOfferLapse, emailApplicant, loadOfferTerm, offerFreedSlots } from "./offer-effects.ts";
import { loadOfferProject } from "./offer-project.ts";

/** How an applicant answers an offer. */
export type OfferAnswer = "accept" | "decline";

/**
 * The applicant accepts or declines an offer before its deadline. Accepting creates the
 * mentorship, withdraws their other applications of the term (an offer among them frees its
 * slot) and confirms it by email; declining frees the slot. A freed slot goes at once to the
 * project's waitlist. Refused: someone else's application (404), no open offer, a deadline
 * passed, or a mentorship already accepted this term. One transaction, audited.
 */
export async function answerOffer(options: {
  database: DatabaseHandle;
  actor: SignedIn;
  applicationId: number;
  answer: OfferAnswer;
  now: Date;
  baseUrl: string;
}): Promise<void> {
  const { actor, now, answer } = options;
  await inTransaction(options.database, async (db) => {
    // One applicant's answers take turns, so two accepts cannot both find no mentorship.
    await lockApplicant(db, actor.personId);
    const application = await findApplicationById(db, options.applicationId);
    if (application?.personId !== actor.personId) throw new AppError("NOT_FOUND", `There is no application ${options.applicationId} of yours.`);
    const zone = application.term.timeZone;
    const subject = `The offer on "${application.project.title}"`;
    if (application.state !== "offered") {
      const when = application.answeredAt ? ` on ${formatInstantAndUtc(application.answeredAt, zone)}` : "";
      const because =
        application.state === "accepted"
          ? `${subject} was accepted${when}.`
          : application.state === "declined"
            ? `${subject} was declined${when}.`
            : application.state === "lapsed"
              ? `${subject} lapsed${when}: its deadline passed unanswered.`
              : `Your application to "${application.project.title}" has no offer to answer (it is ${APPLICATION_STATE_LABELS[application.state].toLowerCase()}).`;
      throw new AppError("CONFLICT", because);
    }
    if (application.respondBy && now.getTime() >= new Date(application.respondBy).getTime()) {
      throw new AppError(
        "CONFLICT",
        `${subject} lapsed on ${formatInstantAndUtc(application.respondBy, zone)}: it can no longer be ${answer === "accept" ? "accepted" : "declined"}.`,
      );
    }
    const context = await loadOfferTerm(db, application.termId);
    const audit = {
      programId: application.term.programId,
      actor: { personId: actor.personId, label: actor.name },
      objectType: "application",
      objectId: application.id,
      at: now,
    };
    await cancelOfferLapse(db, application.id);

    if (answer === "decline") {
      await updateApplication(db, application.id, { state: "declined", answeredAt: now.toISOString() }, now);
      await recordAuditEvent(db, { ...audit, action: "application.offer_declined", changes: {} });
      await offerFreedSlots(db, context, await loadOfferProject(db, application.projectId), { at: now, baseUrl: options.baseUrl });
      return;
    }

    const held = await findMentorshipOf(db, application.termId, actor.personId);
    if (held) {
      throw new AppError(
        "CONFLICT",
        `You accepted the mentorship on "${held.projectTitle}" on ${formatInstantAndUtc(held.createdAt, zone)}; an applicant holds one mentorship per term.`,
      );
    }
    await updateApplication(db, application.id, { state: "accepted", answeredAt: now.toISOString() }, now);
    const mentorshipId = await insertMentorship(db, {
      termId: application.termId,
      projectId: application.projectId,
      personId: actor.personId,
      applicationId: application.id,
      at: now,
    });
    await scheduleMentorshipWelcome(db, { mentorshipId, startsAt: context.startsAt, now });
    const withdrawn = await withdrawOtherApplications(db, { termId: application.termId, personId: actor.personId, keep: application.id, at: now });
    await recordAuditEvent(db, {
      ...audit,
      action: "application.offer_accepted",
      changes: { mentorship: mentorshipId, withdrawn: withdrawn.map((row) => row.id) },
    });
    for (const other of withdrawn) {
      if (other.offeredAt === null) continue;
      // An offer withdrawn by this acceptance frees its slot for that project's waitlist.
      await cancelOfferLapse(db, other.id);
      await offerFreedSlots(db, context, await loadOfferProject(db, other.projectId), { at: now, baseUrl: options.baseUrl });
    }

    const titles = await db
      .selectFrom("projects")
      .select("title")
      .where("id", "in", withdrawn.length > 0 ? withdrawn.map((row) => row.projectId) : [0])
      .execute();
    await emailApplicant(db, {
      personId: actor.personId,
      programId: application.term.programId,
      dedupeKey: `offer.accepted:${application.id}`,
      at: now,
      write: (reader) =>
        offerAcceptedMessage({
          ...reader,
          baseUrl: options.baseUrl,
          termTitle: application.term.title,
          termTimeZone: zone,
          offer: { projectTitle: application.project.title, organizationName: application.organization.name },
          withdrawn: titles.map((row) => row.title),
          startsAt: context.startsAt,
        }),
    });
  });
}
