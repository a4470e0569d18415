import { offerRespondBy } from "../../domain/offers.ts";
import { selectionOutcomeMessage } from "../../notifications/selection-outcome.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import { listOutcomeApplications, markRestNotSelected, type OutcomeApplicationRow } from "../../storage/repos/offer-repo.ts";
import { enqueueNotification } from "../../storage/repos/outbox-repo.ts";
import { scheduleJob } from "../../storage/repos/scheduled-job-repo.ts";
import { findCurrentSelectionRun } from "../../storage/repos/selection-repo.ts";
import type { NoticePlan, PlannedNotice } from "../../storage/schema.ts";
import { loadOfferTerm, makeOffers, type OfferTerm, SCHEDULER_ACTOR } from "../offers/offer-effects.ts";

// The outcome notices of a published selection (WORKFLOW.md, "Review and selection"): on the
// notifications instant, one scheduled job offers every application the selection proposes,
// marks every other submitted application not selected, and writes each applicant of the term
// exactly one email, all in the job's one transaction. Before the instant, the admins' dry run
// reads the very same plan.

/** The kind of the job that sends a term's outcome notices. */
export const SELECTION_NOTICES_KIND = "selection.notices";

/** The notices job's key: one per term, ever. */
export function selectionNoticesKey(termId: number): string {
  return `${SELECTION_NOTICES_KIND}:${termId}`;
}

/** The dedupe key of an applicant's outcome email: one per term and applicant, ever. */
export function outcomeEmailKey(termId: number, personId: number): string {
  return `selection.outcome:${termId}:${personId}`;
}

/** Plans the outcome emails of a published (or proposed) run as they would go out at `at`: one per applicant, their offers or "not selected". */
export async function planOutcomeNotices(
  db: Db,
  context: OfferTerm,
  runId: number,
  options: { at: Date; baseUrl: string; personId?: number },
): Promise<NoticePlan> {
  const rows = await listOutcomeApplications(db, context.term.id, runId, options.personId);
  const respondBy = offerRespondBy(options.at, context.program.offerResponseHours);
  const byPerson = new Map<number, OutcomeApplicationRow[]>();
  for (const row of rows) {
    const own = byPerson.get(row.personId);
    if (own) own.push(row);
    else byPerson.set(row.personId, [row]);
  }
  const notices: PlannedNotice[] = [];
  const offerIds: number[] = [];
  for (const [personId, own] of byPerson) {
    const [first] = own;
    if (!first) continue;
    const offers = own.filter((row) => row.assigned !== null);
    offerIds.push(...offers.map((row) => row.id));
    // Written when read: the job writes every one, the dry run's list none, its "Read" one.
    const write = () =>
      selectionOutcomeMessage({
        baseUrl: options.baseUrl,
        name: first.name,
        termTitle: context.term.title,
        termTimeZone: context.term.timeZone,
        readerTimeZone: first.timeZone,
        offers: offers.map((row) => ({ projectTitle: row.projectTitle, organizationName: row.organizationName, respondBy })),
        appliedTo: own.map((row) => row.projectTitle),
      });
    notices.push({
      personId,
      name: first.name,
      email: first.email,
      kind: offers.length > 0 ? "offer" : "not_selected",
      projects: (offers.length > 0 ? offers : own).map((row) => row.projectTitle),
      write,
    });
  }
  notices.sort((a, b) => a.name.localeCompare(b.name) || a.personId - b.personId);
  return { notices, offerIds, respondBy };
}

/** What the notices job did: sent them, found them sent, or found the instant not come (it moved later). */
export type NoticesOutcome = { kind: "sent"; offers: number; notSelected: number; emails: number } | { kind: "done-before" } | { kind: "early"; dueAt: Date };

/**
 * The effect of the notices job, in its transaction: on or after the notifications instant, the
 * published run's applications are offered with their deadline (each lapse planned), every other
 * submitted application of the term becomes not selected, and each applicant gets one email.
 * Run again, it finds the notices sent and does nothing.
 */
export async function sendOutcomeNotices(db: Db, options: { termId: number; now: Date; baseUrl: string }): Promise<NoticesOutcome> {
  const { now } = options;
  const context = await loadOfferTerm(db, options.termId);
  const run = await findCurrentSelectionRun(db, context.term.id);
  if (run?.state !== "published" || run.noticesSentAt) return { kind: "done-before" };
  if (context.noticesAt && now.getTime() < context.noticesAt.getTime()) return { kind: "early", dueAt: context.noticesAt };

  const plan = await planOutcomeNotices(db, context, run.id, { at: now, baseUrl: options.baseUrl });
  const { offered } = await makeOffers(db, context, plan.offerIds, { source: "selection", at: now });
  await markRestNotSelected(db, context.term.id, now);
  let emails = 0;
  for (const notice of plan.notices) {
    if (!notice.email) continue;
    const message = notice.write();
    const { created } = await enqueueNotification(db, {
      dedupeKey: outcomeEmailKey(context.term.id, notice.personId),
      recipientEmail: notice.email,
      recipientPersonId: notice.personId,
      programId: context.term.programId,
      subject: message.subject,
      text: message.text,
      html: message.html,
      at: now,
    });
    if (created) emails += 1;
  }
  await db.updateTable("selectionRuns").set({ noticesSentAt: now.toISOString() }).where("id", "=", run.id).execute();
  const notSelected = plan.notices.filter((notice) => notice.kind === "not_selected").length;
  await recordAuditEvent(db, {
    programId: context.term.programId,
    actor: SCHEDULER_ACTOR,
    action: "selection.notices_sent",
    objectType: "term",
    objectId: context.term.id,
    changes: { run: run.id, offers: offered.length, notSelected, emails },
    at: now,
  });
  return { kind: "sent", offers: offered.length, notSelected, emails };
}

/**
 * Plans (or moves) the notices job of a term whose selection is published to its notifications
 * instant, in the caller's transaction; a job already done stays done.
 */
export async function scheduleOutcomeNotices(db: Db, options: { termId: number; noticesAt: Date; now: Date }): Promise<void> {
  await scheduleJob(db, {
    kind: SELECTION_NOTICES_KIND,
    key: selectionNoticesKey(options.termId),
    dueAt: options.noticesAt,
    payload: { termId: options.termId },
    at: options.now,
  });
}

/** Moves the notices job of a published selection not yet announced to a new notifications instant (the admins changed the timeline). */
export async function moveOutcomeNotices(db: Db, options: { termId: number; noticesAt: Date | null; now: Date }): Promise<void> {
  const run = await findCurrentSelectionRun(db, options.termId);
  if (run?.state !== "published" || run.noticesSentAt || !options.noticesAt) return;
  await scheduleOutcomeNotices(db, { termId: options.termId, noticesAt: options.noticesAt, now: options.now });
}
