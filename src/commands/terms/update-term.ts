import { PHASE_ACTIONS } from "../../domain/phase-actions.ts";
import type { PhaseKind } from "../../domain/phases.ts";
import { changesClosingOpenPhases, rowWindow, type TimelineRowChange, timelineChanges } from "../../domain/timeline-changes.ts";
import { isKnownTimeZone, type ResolvedTimelineRow, timelineText } from "../../domain/timeline-input.ts";
import { AppError, type FieldError } from "../../errors/app-error.ts";
import { timelineChangedMessage } from "../../notifications/timeline-changed.ts";
import { isDraftTerm } from "../../policies/term-policy.ts";
import type { TermUpdateBody } from "../../schemas/term-setup.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import { enqueueNotification } from "../../storage/repos/outbox-repo.ts";
import { listTimeline, replaceTimeline, updateTerm as updateTermRow } from "../../storage/repos/term-repo.ts";
import type { TermRow } from "../../storage/schema.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { rescheduleTermDraftReminders } from "../applications/draft-reminders.ts";
import { changedFields } from "../audit/changed-fields.ts";
import { rescheduleTermEvaluationReminders } from "../mentorships/evaluation-reminders.ts";
import { moveOutcomeNotices } from "../selection/outcome-notices.ts";
import { auditActorOf, readTermSetup, requireTermAdmin, type TermSetupActor, type TermSetupData } from "./term-admin.ts";
import { lengthTextOf, requireFreeSlug, requireTimeline, requireTimeZone } from "./term-input.ts";
import { peopleWithStakeIn, type TermStakeholder } from "./timeline-stakeholders.ts";

/** Options of updateTerm. */
export interface UpdateTermOptions {
  database: DatabaseHandle;
  actor: TermSetupActor;
  termSlug: string;
  body: TermUpdateBody;
  /** Where links in emails point. */
  baseUrl: string;
  now: Date;
}

/**
 * Changes a term's settings or its whole timeline, in one transaction. The slug can change only
 * while the term is a draft. A timeline change is audited row by row; once the term is published,
 * each person with something at stake in a changed phase gets one email naming the change, and a
 * change that closes a phase open now is refused with CONFIRMATION_REQUIRED unless confirmed. The
 * reminders of unsubmitted drafts follow a moved applications deadline.
 */
export async function updateTerm({ database, actor, termSlug, body, baseUrl, now }: UpdateTermOptions): Promise<TermSetupData> {
  return inTransaction(database, async (db) => {
    const { term, program } = await requireTermAdmin(db, actor, termSlug);
    const { values: fields, audit: settings } = await checkedSettings(db, term, body);
    const timeZone = fields.timeZone ?? term.timeZone;
    const oldRows = await listTimeline(db, term.id);
    const newRows: ResolvedTimelineRow[] = body.timeline
      ? requireTimeline(body.timeline, timeZone)
      : // A new zone keeps every instant and says it in the new zone's words.
        oldRows.map((row) => ({ ...row, text: fields.timeZone && (row.startsAt || row.endsAt) ? timelineText(row.startsAt, row.endsAt, timeZone) : row.text }));
    const changes = body.timeline ? timelineChanges(oldRows, newRows) : [];
    const published = !isDraftTerm(term);
    if (published && body.confirmClosingOpenPhase !== true) requireNoClosedPhase(changes, now, term);

    const updated = await updateTermRow(db, term.id, fields, now);
    if (body.timeline || fields.timeZone) await replaceTimeline(db, term.id, newRows);
    const audit = { programId: program.id, actor: auditActorOf(actor), objectType: "term", objectId: term.id, at: now };
    if (Object.keys(settings).length > 0) await recordAuditEvent(db, { ...audit, action: "term.updated", changes: settings });
    if (changes.length > 0) {
      await recordAuditEvent(db, {
        ...audit,
        action: "term.timeline_changed",
        changes: {
          rows: changes.map(({ kind, activity, before, after }) => ({ kind, activity, before, after })),
          confirmedClosingOpenPhase: body.confirmClosingOpenPhase === true,
        },
      });
      if (published) await tellStakeholders(db, updated, changes, baseUrl, now);
      const applications = changes.find((change) => change.kind === PHASE_ACTIONS.submitApplication.closesWith);
      const deadline = applications?.after ? (rowWindow(applications.after)?.end ?? null) : null;
      if (applications) await rescheduleTermDraftReminders(db, { termId: term.id, deadline, now });
      const notices = changes.find((change) => change.kind === "notifications");
      if (notices) await moveOutcomeNotices(db, { termId: term.id, noticesAt: notices.after ? (rowWindow(notices.after)?.start ?? null) : null, now });
      if (changes.some((change) => change.kind === "midterm" || change.kind === "final")) await rescheduleTermEvaluationReminders(db, { termId: term.id, now });
    }
    return readTermSetup(db, updated, program);
  });
}

/** The settings the body changes with their before and after, checked: a known zone, a free slug, and no new slug once published. */
async function checkedSettings(db: Db, term: TermRow, body: TermUpdateBody) {
  const changed = changedFields(term, {
    title: body.title,
    slug: body.slug,
    timeZone: body.timeZone === undefined ? undefined : requireTimeZone(body.timeZone),
    lengthWeeks: body.lengthWeeks,
    lengthText: body.lengthWeeks === undefined ? undefined : lengthTextOf(body.lengthWeeks),
    slotBudget: body.slotBudget,
  });
  const { values } = changed;
  if (values.slug !== undefined) {
    if (!isDraftTerm(term)) {
      const detail = `the term is published as "${term.slug}": its address stays, so links to it keep working`;
      throw new AppError("CONFLICT", `slug: ${detail}.`, undefined, { errors: [{ field: "slug", code: "published", detail }] });
    }
    await requireFreeSlug(db, values.slug);
  }
  return changed;
}

/** CONFIRMATION_REQUIRED naming each row whose change closes a phase that is open now. */
function requireNoClosedPhase(changes: readonly TimelineRowChange[], now: Date, term: TermRow): void {
  const closing = changesClosingOpenPhases(changes, now);
  if (closing.length === 0) return;
  const errors: FieldError[] = closing.map((change) => ({
    field: change.index === null ? "timeline" : `timeline.${change.index}.endsLocal`,
    code: "closes_open_phase",
    detail: `"${change.activity}" is open now; this change closes it${change.index === null ? " by removing it" : ""}`,
  }));
  const names = closing.map((change) => `"${change.activity}"`).join(", ");
  throw new AppError(
    "CONFIRMATION_REQUIRED",
    `This change closes ${names} of ${term.title}, open now; confirm it (confirmClosingOpenPhase) to shut people out at once.`,
    undefined,
    { errors },
  );
}

/** One email per person with something at stake in the changed phases, naming the changes in their zone. */
async function tellStakeholders(db: Db, term: TermRow, changes: readonly TimelineRowChange[], baseUrl: string, now: Date): Promise<void> {
  const concerns = new Map<number, { person: TermStakeholder; changes: Array<TimelineRowChange & { kind: PhaseKind }> }>();
  for (const change of changes) {
    const kind = change.kind;
    if (kind === null) continue;
    for (const person of await peopleWithStakeIn(db, term.id, kind)) {
      const entry = concerns.get(person.personId) ?? { person, changes: [] };
      entry.changes.push({ ...change, kind });
      concerns.set(person.personId, entry);
    }
  }
  for (const { person, changes: theirs } of concerns.values()) {
    const timeZone = person.timeZone && isKnownTimeZone(person.timeZone) ? person.timeZone : term.timeZone;
    const message = timelineChangedMessage({ baseUrl, name: person.name, termTitle: term.title, termSlug: term.slug, timeZone, changes: theirs });
    await enqueueNotification(db, {
      // The term's revision names this very edit: a retried request is the same edit, a new one another.
      dedupeKey: `term-timeline-changed:${term.id}:${term.revision}:${person.personId}`,
      recipientEmail: person.email,
      recipientPersonId: person.personId,
      programId: term.programId,
      subject: message.subject,
      text: message.text,
      html: message.html,
      at: now,
    });
  }
}
