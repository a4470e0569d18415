import { AppError } from "../../errors/app-error.ts";
import { verifyAgainstNothing, verifyPassword } from "../../security/passwords.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findPersonByEmail } from "../../storage/repos/account-repo.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { deleteSession } from "../../storage/repos/session-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { enqueueVerificationReminder } from "../accounts/account-emails.ts";
import { type NewSession, startSession } from "./start-session.ts";

/** Options of signIn. */
export interface SignInOptions {
  database: DatabaseHandle;
  email: string;
  password: string;
  userAgent: string | null;
  /** The session the browser had before, ended so that signing in always rotates the id. */
  previousSessionHash: string | null;
  baseUrl: string;
  /** Whether the server has SMTP: without it the new link waits in the outbox, and the answer says so. */
  sendsEmail: boolean;
  now: Date;
}

const WRONG = "The email or password is wrong.";

/**
 * Signs a person in with email and password and starts a new session. A wrong password and
 * an unknown email get the same answer after the same work. An address not yet confirmed gets
 * a fresh confirmation link (once an hour at most) and an answer that says so.
 */
export async function signIn(options: SignInOptions): Promise<NewSession & { personId: number }> {
  const { database, now } = options;
  const person = await findPersonByEmail(database.db, options.email.trim());
  const matches = person?.passwordHash ? await verifyPassword(options.password, person.passwordHash) : await verifyAgainstNothing(options.password);
  if (!person || !matches) throw new AppError("UNAUTHENTICATED", WRONG);
  if (!person.emailVerifiedAt) {
    // Committed before answering: the new link must be sent even though sign-in is refused.
    await inTransaction(database, (db) =>
      enqueueVerificationReminder(db, { personId: person.id, name: person.name, email: person.email ?? options.email, baseUrl: options.baseUrl, at: now }),
    );
    throw new AppError(
      "FORBIDDEN",
      options.sendsEmail
        ? "Confirm your email address first: we have sent you a new link (check your spam folder too)."
        : "Confirm your email address first. This server sends no email yet: ask its operator for your confirmation link (they can read it with `cohort outbox`).",
    );
  }
  return inTransaction(database, async (db) => {
    if (options.previousSessionHash) await deleteSession(db, options.previousSessionHash);
    const session = await startSession(db, { personId: person.id, userAgent: options.userAgent, at: now });
    await recordAuditEvent(db, {
      programId: null,
      actor: { personId: person.id, label: person.name },
      action: "account.signed_in",
      objectType: "person",
      objectId: person.id,
      changes: {},
      at: now,
    });
    return { ...session, personId: person.id };
  });
}
