import type { DatabaseHandle } from "../../storage/database.ts";
import { findPersonByEmail } from "../../storage/repos/account-repo.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { enqueueVerificationReminder } from "./account-emails.ts";

/**
 * Emails a new confirmation link to an address that signed up (it has a password) and is not
 * confirmed yet, once an hour at most; any other address, confirmed or unknown, gets nothing.
 * The caller answers the same every way, so the form cannot tell who has an account, and every
 * way records an audit event in one transaction. People without a password (imported mentors,
 * provider accounts) set one through the password reset, which proves the mailbox too.
 */
export async function resendConfirmation(options: { database: DatabaseHandle; email: string; baseUrl: string; now: Date }): Promise<void> {
  const { now } = options;
  await inTransaction(options.database, async (db) => {
    const person = await findPersonByEmail(db, options.email.trim());
    const waiting = person?.email && person.passwordHash !== null && person.emailVerifiedAt === null ? { ...person, email: person.email } : undefined;
    const emailed = waiting
      ? await enqueueVerificationReminder(db, { personId: waiting.id, name: waiting.name, email: waiting.email, baseUrl: options.baseUrl, at: now })
      : false;
    // Recorded for every address, without the address itself: a burst of them is worth seeing.
    await recordAuditEvent(db, {
      programId: null,
      actor: { personId: null, label: "confirmation link form" },
      action: "account.confirmation_resent",
      objectType: "person",
      objectId: person ? person.id : "unknown",
      changes: { known: person !== undefined, emailed },
      at: now,
    });
  });
}
