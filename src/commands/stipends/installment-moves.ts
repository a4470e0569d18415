import { type InstallmentState, installmentNextStep, ledgerDay, ledgerInstallment } from "../../domain/installments.ts";
import { formatMoney } from "../../domain/money.ts";
import { splitInstallments, stipendTotal } from "../../domain/stipends.ts";
import { installmentChangedMessage } from "../../notifications/mentorship-progress.ts";
import { findPersonById } from "../../storage/repos/account-repo.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import { insertInstallments, moveInstallment, type ProgramInstallment } from "../../storage/repos/installment-repo.ts";
import type { MentorshipRecord } from "../../storage/repos/mentorship-repo.ts";
import { enqueueNotification } from "../../storage/repos/outbox-repo.ts";
import { findStipendPolicy } from "../../storage/repos/stipend-repo.ts";

// Every move of a stipend installment goes through `moveAndTell`: the move itself (only from the
// state it was read in), its audit event, and one email to the mentee saying what it is now and
// what happens next. The commands that move installments (evaluations, approvals, the finance
// export, payments, termination) decide which move; this module does it the same way each time.

/** Who moved it: a person, or the server itself (a job, an evaluation's consequence). */
export interface MoveActor {
  personId: number | null;
  label: string;
}

/**
 * Creates a mentorship's installments from its program's policy at this moment: the mentee's
 * total by their country, split by the policy's percentages. Nothing when the program has no
 * policy yet (setting one creates them then) or when they exist.
 */
export async function createMentorshipInstallments(db: Db, mentorship: MentorshipRecord, now: Date): Promise<boolean> {
  const found = await findStipendPolicy(db, mentorship.programId);
  if (!found) return false;
  const mentee = await findPersonById(db, mentorship.personId);
  const total = stipendTotal(found.policy, mentee?.country ?? null);
  const amounts = splitInstallments(total, found.policy.installments);
  return insertInstallments(db, {
    mentorshipId: mentorship.id,
    currency: found.policy.currency,
    installments: found.policy.installments.map((rule, index) => ({ releasedBy: rule.releasedBy, amount: amounts[index] ?? 0 })),
    at: now,
  });
}

/** What a move writes besides the new state. */
export type MoveChange = Parameters<typeof moveInstallment>[3];

/**
 * Moves one installment from the state it was read in, records it and tells its mentee. False
 * when another move got there first (the row is no longer in that state): nothing is recorded.
 */
export async function moveAndTell(
  db: Db,
  installment: ProgramInstallment,
  to: Exclude<InstallmentState, "pending">,
  options: { change?: Omit<MoveChange, "state" | "updatedAt">; actor: MoveActor; now: Date; baseUrl: string; audit?: Record<string, unknown> },
): Promise<boolean> {
  const { now } = options;
  const change = { ...options.change, state: to, updatedAt: now.toISOString() };
  const moved = await moveInstallment(db, installment.id, installment.state, change);
  if (!moved) return false;
  await recordAuditEvent(db, {
    programId: installment.programId,
    actor: options.actor,
    action: `installment.${to}`,
    objectType: "installment",
    objectId: installment.id,
    changes: { state: { before: installment.state, after: to }, mentorship: installment.mentorshipId, ...options.audit },
    at: now,
  });
  // The row as it now stands: what was read, with what this move wrote.
  const after: ProgramInstallment = { ...installment, ...change };
  if (after.menteeEmail) {
    const zone = after.menteeTimeZone ?? after.termTimeZone;
    const message = installmentChangedMessage({
      baseUrl: options.baseUrl,
      mentorshipId: after.mentorshipId,
      menteeName: after.menteeName,
      projectTitle: after.projectTitle,
      position: after.position,
      count: Number(after.installmentCount),
      amount: formatMoney(after.amount, after.currency),
      state: to,
      nextStep: installmentNextStep(ledgerInstallment(after, null), { zone, day: (instant) => ledgerDay(instant, zone) }),
    });
    await enqueueNotification(db, {
      dedupeKey: `installment:${after.id}:${to}`,
      recipientEmail: after.menteeEmail,
      recipientPersonId: after.personId,
      programId: after.programId,
      subject: message.subject,
      text: message.text,
      html: message.html,
      at: now,
    });
  }
  return true;
}
