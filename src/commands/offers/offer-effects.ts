import { byApplicantPreference } from "../../domain/applicant-preference.ts";
import { nextOnWaitlist, type OfferSource, offerRespondBy, type WaitlistCandidate } from "../../domain/offers.ts";
import { findPhase, phaseWindow } from "../../domain/timeline.ts";
import type { EmailContent } from "../../notifications/email-layout.ts";
import { waitlistOfferMessage } from "../../notifications/selection-outcome.ts";
import { findPersonById } from "../../storage/repos/account-repo.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import { countTakenSlots, listPreferenceOrders, listShortlistForWaitlist, markOffered } from "../../storage/repos/offer-repo.ts";
import { enqueueNotification } from "../../storage/repos/outbox-repo.ts";
import { findProgramById } from "../../storage/repos/program-repo.ts";
import { cancelJob, scheduleJob } from "../../storage/repos/scheduled-job-repo.ts";
import { findTermById } from "../../storage/repos/term-repo.ts";
import type { ProgramRow, TermRow } from "../../storage/schema.ts";
import { loadTermTimeline } from "../terms/phase-window.ts";

// What making, answering and losing an offer does beyond the application's state, shared by the
// outcome notices, the applicant's answer and the lapse job: each offer's lapse job, and the
// waitlist that offers a freed slot to the next ranked applicant at once.

/** The kind of the job that lapses an unanswered offer at its deadline. */
export const OFFER_LAPSE_KIND = "offers.lapse";

/** The lapse job's key: one per application, ever. */
export function offerLapseKey(applicationId: number): string {
  return `${OFFER_LAPSE_KIND}:${applicationId}`;
}

/** The actor of what the scheduler does on its own (the notices, a lapse, a waitlist offer). */
export const SCHEDULER_ACTOR = { personId: null, label: "Cohort (scheduled)" } as const;

/** A term with its program and the instants offers depend on. */
export interface OfferTerm {
  term: TermRow;
  program: ProgramRow;
  /** When the notices go out: the start of the notifications phase; null when the timeline has none. */
  noticesAt: Date | null;
  /** When the mentorship begins: no waitlist offer is made from then on; null when the timeline has none. */
  startsAt: Date | null;
}

/** Loads a term with its program and the instants offers depend on. */
export async function loadOfferTerm(db: Db, termId: number): Promise<OfferTerm> {
  const term = await findTermById(db, termId);
  if (!term) throw new Error(`Term ${termId} does not exist.`);
  const [program, timeline] = await Promise.all([findProgramById(db, term.programId), loadTermTimeline(db, term)]);
  if (!program) throw new Error(`The program of term ${termId} does not exist.`);
  const startOf = (kind: "notifications" | "start") => {
    const phase = findPhase(timeline, kind);
    return (phase && phaseWindow(phase)?.start) ?? null;
  };
  return { term, program, noticesAt: startOf("notifications"), startsAt: startOf("start") };
}

/** Offers applications at `at` and plans each one's lapse at its deadline; returns the ones offered (still open) with that deadline. */
export async function makeOffers(db: Db, context: OfferTerm, ids: readonly number[], options: { source: OfferSource; at: Date }) {
  const respondBy = offerRespondBy(options.at, context.program.offerResponseHours);
  const offered = await markOffered(db, ids, { source: options.source, at: options.at, respondBy });
  for (const applicationId of offered) {
    await scheduleJob(db, { kind: OFFER_LAPSE_KIND, key: offerLapseKey(applicationId), dueAt: respondBy, payload: { applicationId }, at: options.at });
  }
  return { offered, respondBy };
}

/** Cancels the lapse of an offer that was answered or withdrawn. */
export async function cancelOfferLapse(db: Db, applicationId: number): Promise<void> {
  await cancelJob(db, offerLapseKey(applicationId));
}

/**
 * Offers a project's free slots (after a decline, a lapse or a withdrawal) to the next ranked
 * applicants of its shortlist who hold no mentorship, each with an email and a deadline, until
 * the start phase begins. Returns the applications offered.
 */
export async function offerFreedSlots(
  db: Db,
  context: OfferTerm,
  project: { id: number; slots: number; title: string; organizationName: string },
  options: { at: Date; baseUrl: string },
): Promise<number[]> {
  const { at } = options;
  if (context.startsAt && at.getTime() >= context.startsAt.getTime()) return [];
  const offeredNow: number[] = [];
  let free = project.slots - (await countTakenSlots(db, project.id));
  while (free > 0) {
    const next = nextOnWaitlist(await waitlistCandidates(db, context.term.id, project.id));
    if (!next) break;
    const { offered, respondBy } = await makeOffers(db, context, [next.applicationId], { source: "waitlist", at });
    if (offered.length === 0) break;
    offeredNow.push(next.applicationId);
    free -= 1;
    await emailApplicant(db, {
      personId: next.personId,
      programId: context.term.programId,
      dedupeKey: `offer.waitlist:${next.applicationId}`,
      at,
      write: (reader) =>
        waitlistOfferMessage({
          ...reader,
          baseUrl: options.baseUrl,
          termTitle: context.term.title,
          termTimeZone: context.term.timeZone,
          offer: { projectTitle: project.title, organizationName: project.organizationName, respondBy },
        }),
    });
    await recordAuditEvent(db, {
      programId: context.term.programId,
      actor: SCHEDULER_ACTOR,
      action: "application.offered",
      objectType: "application",
      objectId: next.applicationId,
      changes: { source: "waitlist", respondBy: respondBy.toISOString(), shortlistRank: next.shortlistRank },
      at,
    });
  }
  return offeredNow;
}

/** What an email about an offer needs to know of its reader. */
export interface OfferReader {
  name: string;
  readerTimeZone: string | null;
}

/** Writes one email about an offer to its applicant through the outbox (none when they have no address on file). */
export async function emailApplicant(
  db: Db,
  options: { personId: number; programId: number; dedupeKey: string; at: Date; write(reader: OfferReader): EmailContent },
): Promise<void> {
  const person = await findPersonById(db, options.personId);
  if (!person?.email) return;
  const message = options.write({ name: person.name, readerTimeZone: person.timeZone });
  await enqueueNotification(db, {
    dedupeKey: options.dedupeKey,
    recipientEmail: person.email,
    recipientPersonId: person.id,
    programId: options.programId,
    subject: message.subject,
    text: message.text,
    html: message.html,
    at: options.at,
  });
}

/** A project's shortlist as the waitlist weighs it, with each applicant's pending offers compared to their own order. */
async function waitlistCandidates(db: Db, termId: number, projectId: number): Promise<WaitlistCandidate[]> {
  const shortlist = await listShortlistForWaitlist(db, projectId);
  const open = shortlist.filter((row) => row.state === "submitted" || row.state === "not_selected");
  const orders = await listPreferenceOrders(db, termId, [...new Set(open.map((row) => row.personId))]);
  return shortlist.map((row) => {
    const own = orders.filter((other) => other.personId === row.personId);
    const self = own.find((other) => other.id === row.id);
    const holdsPreferredOffer = self !== undefined && own.some((other) => other.state === "offered" && byApplicantPreference(other, self) < 0);
    return {
      applicationId: row.id,
      personId: row.personId,
      shortlistRank: row.shortlistRank ?? Number.MAX_SAFE_INTEGER,
      holdsMentorship: row.mentorshipId !== null,
      excluded: row.excluded !== null,
      open: row.state === "submitted" || row.state === "not_selected",
      holdsPreferredOffer,
    };
  });
}
