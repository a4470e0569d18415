import { AppError } from "../../errors/app-error.ts";
import { hashSecret } from "../../security/secrets.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { consumeAccountToken, findPersonById, updatePerson, voidAccountTokens } from "../../storage/repos/account-repo.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { type NewSession, startSession } from "../sessions/start-session.ts";

/**
 * Confirms an email address with the single-use token from the verification email and signs
 * the person in; the person's other confirmation links stop working. A used, expired or
 * unknown token is refused with one message for all three.
 */
export async function verifyEmail(options: { database: DatabaseHandle; token: string; userAgent: string | null; now: Date }): Promise<NewSession> {
  const { now } = options;
  return inTransaction(options.database, async (db) => {
    const personId = await consumeAccountToken(db, { tokenHash: hashSecret(options.token), purpose: "verify_email", at: now });
    const person = personId === undefined ? undefined : await findPersonById(db, personId);
    if (!person) {
      throw new AppError(
        "INVALID_INPUT",
        "This confirmation link is not valid any more: it was used already, the address is confirmed already, or it has expired. Ask for a new one if your address is not confirmed yet.",
      );
    }
    if (!person.emailVerifiedAt) await updatePerson(db, person.id, { emailVerifiedAt: now.toISOString() }, now);
    // The address is confirmed: the other links sent for it must not stay ways to sign in.
    await voidAccountTokens(db, person.id, "verify_email", now);
    await recordAuditEvent(db, {
      programId: null,
      actor: { personId: person.id, label: person.name },
      action: "account.email_verified",
      objectType: "person",
      objectId: person.id,
      changes: {},
      at: now,
    });
    return startSession(db, { personId: person.id, userAgent: options.userAgent, at: now });
  });
}
