import { createHash } from "node:crypto";
import { checkActionOpen } from "../../domain/phase-actions.ts";
import { AppError } from "../../errors/app-error.ts";
import { applicationSubmittedMessage } from "../../notifications/application-submitted.ts";
import type { EmailContent } from "../../notifications/email-layout.ts";
import type { SignedIn } from "../../policies/actor.ts";
import type { ApplicationBody } from "../../schemas/application.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { inGroupCommit } from "../../storage/group-commit.ts";
import {
  countProjectApplicants,
  findApplicationStateOf,
  insertApplication,
  listCappedApplicationsOf,
  lockApplicant,
  lockProjectForApplications,
  toApplicationRecord,
  updateApplication,
} from "../../storage/repos/application-repo.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import { findIdempotentAnswer, recordIdempotentAnswer } from "../../storage/repos/idempotency-repo.ts";
import { enqueueNotification } from "../../storage/repos/outbox-repo.ts";
import { moveTermRevision } from "../../storage/repos/term-repo.ts";
import type { ApplicationRecord } from "../../storage/schema.ts";
import { loadEligibilityStatus } from "../eligibility/eligibility-status.ts";
import {
  type ApplicationTarget,
  checkApplicationWindow,
  notAcceptingReason,
  publicCountChanges,
  requireApplicationTarget,
  requireEditable,
} from "./application-access.ts";
import { checkApplicationContent, renderCoverLetter } from "./application-content.ts";
import { cancelDraftReminders } from "./draft-reminders.ts";

/** Options of submitApplication. */
export interface SubmitApplicationOptions {
  database: DatabaseHandle;
  actor: SignedIn;
  projectSlug: string;
  body: ApplicationBody;
  /** The Idempotency-Key the client sent with this submission. */
  idempotencyKey: string;
  /** When the request was received: the deadline is judged by it, never by when the write commits. */
  receivedAt: Date;
  baseUrl: string;
}

/** A submission's answer: the application, its HTTP-free status (201 when it became submitted, 200 when it was already), and whether it was a retry's stored answer. */
export interface SubmittedApplication {
  record: ApplicationRecord;
  status: 200 | 201;
  replayed: boolean;
}

/**
 * Submits the caller's application to a project: the first time, after a withdrawal, or again
 * with edits (it stays submitted, received anew). The project and its form are read, and the
 * cover letter and the confirmation email rendered, first; then one group-commit unit checks and
 * writes everything, so nothing is half-written on any refusal: the idempotency key (a retry with
 * the same key and body gets the first answer; another body is refused), the window at
 * `receivedAt`, eligibility, the program's limit (submitted applications of the term, this
 * project's left out), the project's soft cap for a new applicant, the content; then the
 * application, its audit event, the confirmation email, the term's revision when the project's
 * band or openness changes, and the answer remembered under the key.
 */
export async function submitApplication(options: SubmitApplicationOptions): Promise<SubmittedApplication> {
  const { database, actor, body, receivedAt } = options;
  const target = await requireApplicationTarget(database.db, actor, options.projectSlug);
  const requestHash = createHash("sha256")
    .update(`submit-application\n${target.project.slug}\n${JSON.stringify(body)}`)
    .digest("hex");
  const coverLetterHtml = await renderCoverLetter(database.db, { projectId: target.project.id, personId: actor.personId }, body.coverLetter);
  const confirmation = confirmationOf(target, actor, receivedAt, options.baseUrl);

  return inGroupCommit(database, async (db) => {
    await lockApplicant(db, actor.personId);
    const remembered = await findIdempotentAnswer(db, actor.personId, options.idempotencyKey);
    if (remembered) {
      if (remembered.requestHash !== requestHash) {
        throw new AppError(
          "IDEMPOTENCY_KEY_REUSED",
          "This Idempotency-Key was already used for another submission; send a new key with each new submission, and the same key and body only to retry one.",
        );
      }
      return { record: JSON.parse(remembered.response) as ApplicationRecord, status: remembered.statusCode === 201 ? 201 : 200, replayed: true };
    }

    const existing = await findApplicationStateOf(db, target.project.id, actor.personId);
    if (existing) requireEditable(existing.state, target.project.title);
    checkApplicationWindow(target, receivedAt);
    const alreadySubmitted = existing?.state === "submitted";
    // An application already submitted is counted already: editing it takes no new place.
    if (!alreadySubmitted) {
      await checkEligible(db, target, actor.personId);
      await checkLimit(db, target, actor.personId);
    }
    const applicants = alreadySubmitted ? null : await countApplicantsForNewOne(db, target);
    checkApplicationContent(body, target.questions, { complete: true });

    const fields = {
      state: "submitted" as const,
      coverLetter: body.coverLetter,
      coverLetterHtml,
      answers: JSON.stringify(body.answers),
      links: JSON.stringify(body.links),
      submittedAt: receivedAt.toISOString(),
      withdrawnAt: null,
    };
    const row = existing
      ? await updateApplication(db, existing.id, fields, receivedAt)
      : await insertApplication(db, { termId: target.term.id, projectId: target.project.id, personId: actor.personId }, fields, receivedAt);
    if (existing?.state === "draft") await cancelDraftReminders(db, { termId: target.term.id, personId: actor.personId });
    const event = await recordAuditEvent(db, {
      programId: target.term.programId,
      actor: { personId: actor.personId, label: actor.name },
      action: "application.submitted",
      objectType: "application",
      objectId: row.id,
      changes: { project: target.project.slug, from: existing?.state ?? null },
      at: receivedAt,
    });
    if (actor.email) {
      await enqueueNotification(db, {
        // One email per submission (the application and this submission's audit event): a retry never reaches here.
        dedupeKey: `application-submitted:${row.id}:${event.id}`,
        recipientEmail: actor.email,
        recipientPersonId: actor.personId,
        programId: target.term.programId,
        subject: confirmation.subject,
        text: confirmation.text,
        html: confirmation.html,
        at: receivedAt,
      });
    }
    if (applicants !== null && publicCountChanges(applicants, applicants + 1, target.project.applicationCap)) await moveTermRevision(db, target.term.id);

    const record = toApplicationRecord(row, target);
    const status = alreadySubmitted ? 200 : 201;
    await recordIdempotentAnswer(db, {
      personId: actor.personId,
      key: options.idempotencyKey,
      requestHash,
      statusCode: status,
      response: JSON.stringify(record),
      at: receivedAt,
    });
    return { record, status, replayed: false };
  });
}

async function checkEligible(db: Db, target: ApplicationTarget, personId: number): Promise<void> {
  const status = await loadEligibilityStatus(db, { termId: target.term.id, personId });
  if (status.eligible) return;
  if (!status.answered) {
    throw new AppError("CONFLICT", `Answer the eligibility questions of ${target.term.title} before you submit an application.`, undefined, {
      errors: [{ field: "eligibility", code: "eligibility_unanswered", detail: "Answer the eligibility questions first." }],
    });
  }
  const reasons = status.disqualifications.map((item) => `${item.reason} (you answered "${item.answer}" to "${item.prompt}")`);
  throw new AppError("FORBIDDEN", `Your eligibility answers for ${target.term.title} do not allow you to apply. ${reasons.join(" ")}`.trim(), undefined, {
    errors: reasons.map((detail) => ({ field: "eligibility", code: "disqualified", detail })),
  });
}

async function checkLimit(db: Db, target: ApplicationTarget, personId: number): Promise<void> {
  const counted = await listCappedApplicationsOf(db, { personId, termId: target.term.id, exceptProjectId: target.project.id });
  const limit = target.applicationLimit;
  if (counted.length < limit) return;
  const titles = counted.map((item) => item.projectTitle).join(", ");
  throw new AppError(
    "LIMIT_REACHED",
    `You have submitted ${counted.length} of ${limit} applications for ${target.term.title}: ${titles}. Withdraw one to apply to another.`,
    { limit, used: counted.length, applications: counted },
  );
}

/**
 * The project's submitted applications before this new one, refused when the project takes no
 * new applicant (withdrawn, or its soft cap reached). Counted with the project's row locked on
 * PostgreSQL, so two submissions at once cannot both take its last place.
 */
async function countApplicantsForNewOne(db: Db, target: ApplicationTarget): Promise<number> {
  if (target.project.state !== "accepted") throw new AppError("CONFLICT", notAcceptingReason(target, 0) ?? "");
  await lockProjectForApplications(db, target.project.id);
  const applicants = await countProjectApplicants(db, target.project.id);
  const reason = notAcceptingReason(target, applicants);
  if (reason) throw new AppError("LIMIT_REACHED", reason, { applicationCap: target.project.applicationCap });
  return applicants;
}

/** The confirmation email of a submission received at `receivedAt`, written before the unit: rendering it is slow work. */
function confirmationOf(target: ApplicationTarget, actor: SignedIn, receivedAt: Date, baseUrl: string): EmailContent {
  const availability = checkActionOpen(target.timeline, "submitApplication", receivedAt);
  return applicationSubmittedMessage({
    baseUrl,
    name: actor.name,
    projectTitle: target.project.title,
    organizationName: target.organization.name,
    termTitle: target.term.title,
    timeZone: target.term.timeZone,
    submittedAt: receivedAt,
    closesAt: availability.open ? availability.closesAt : null,
  });
}
