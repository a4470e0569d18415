import { AppError } from "../../errors/app-error.ts";
import type { ExistingAccount } from "../../notifications/already-registered.ts";
import { hashPassword } from "../../security/passwords.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { consumeAccountToken, findPersonByEmail, insertAccount } from "../../storage/repos/account-repo.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import { listIdentitiesOf } from "../../storage/repos/identity-repo.ts";
import type { PersonRow } from "../../storage/schema.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { enqueueAlreadyRegisteredEmail, enqueueVerificationEmail } from "./account-emails.ts";
import { issueAccountToken, RESET_PASSWORD_TTL_MS, VERIFY_EMAIL_TTL_MS } from "./account-tokens.ts";

/** Options of signUp. */
export interface SignUpOptions {
  database: DatabaseHandle;
  name: string;
  email: string;
  password: string;
  baseUrl: string;
  /** The OpenID Connect provider people may sign in with, if one is configured: its issuer and button label. */
  oidc?: { issuer: string; name: string } | undefined;
  now: Date;
}

/**
 * Starts an account for an address nobody has: stores the password hash and emails a link
 * that confirms this sign-up. A sign-up never changes an existing person, whoever made them
 * (an earlier sign-up, OpenID Connect, `cohort admin create`, an import): the address's owner
 * gets an email instead, with a single-use link to set a password that proves the mailbox.
 * The caller's answer is the same either way, so sign-up cannot be used to learn who has an
 * account, and both ways hash a password and write about as much.
 */
export async function signUp(options: SignUpOptions): Promise<void> {
  const { database, now } = options;
  const email = options.email.trim();
  const name = options.name.trim();
  // Hash first, whatever happens next, so every branch takes the same time.
  const passwordHash = await hashPassword(options.password);
  const register = () =>
    inTransaction(database, async (db) => {
      const existing = await findPersonByEmail(db, email);
      if (existing) {
        await tellOwner(db, existing, options);
        return;
      }
      const person = await insertAccount(db, { name, email, passwordHash, emailVerifiedAt: null, at: now });
      const issued = await issueAccountToken(db, { personId: person.id, purpose: "verify_email", ttlMs: VERIFY_EMAIL_TTL_MS, at: now });
      await enqueueVerificationEmail(db, { personId: person.id, name: person.name, email, baseUrl: options.baseUrl, at: now }, issued.token, issued.tokenId);
      await recordAuditEvent(db, {
        programId: null,
        actor: { personId: person.id, label: person.name },
        action: "account.signed_up",
        objectType: "person",
        objectId: person.id,
        changes: { email },
        at: now,
      });
    });
  try {
    await register();
  } catch (error) {
    // Another sign-up created the address between our read and our insert: this one is now a
    // sign-up for an existing address, and answers the same as any other.
    if (!(error instanceof AppError && error.code === "CONFLICT")) throw error;
    await register();
  }
}

/**
 * Emails the owner of an address that has a person already (once an hour at most): how they
 * sign in, and a one-hour link to set a password. Older links stay valid, so that a second try
 * within the hour cannot void the link of the one email that went out.
 */
async function tellOwner(db: Db, person: PersonRow, options: SignUpOptions): Promise<void> {
  const { now } = options;
  const secret = await issueAccountToken(db, { personId: person.id, purpose: "reset_password", ttlMs: RESET_PASSWORD_TTL_MS, at: now });
  const { created } = await enqueueAlreadyRegisteredEmail(
    db,
    { personId: person.id, name: person.name, email: person.email ?? options.email.trim(), baseUrl: options.baseUrl, at: now },
    await accountOf(db, person, options.oidc),
    secret.token,
    now.toISOString().slice(0, 13),
  );
  // This hour's email went out already, without this link: the link must not outlive the request.
  if (!created) await consumeAccountToken(db, { tokenHash: secret.hash, purpose: "reset_password", at: now });
  await recordAuditEvent(db, {
    programId: null,
    actor: { personId: null, label: "sign-up form" },
    action: "account.signup_repeated",
    objectType: "person",
    objectId: person.id,
    changes: { emailed: created },
    at: now,
  });
}

/** How the person can sign in today, which the email's wording follows. */
async function accountOf(db: Db, person: PersonRow, oidc: SignUpOptions["oidc"]): Promise<ExistingAccount> {
  if (!person.emailVerifiedAt) return person.passwordHash ? { kind: "unconfirmed" } : { kind: "no-password" };
  if (oidc && (await listIdentitiesOf(db, person.id, oidc.issuer)).length > 0) {
    return { kind: "provider", providerName: oidc.name, hasPassword: person.passwordHash !== null };
  }
  return person.passwordHash ? { kind: "password" } : { kind: "no-password" };
}
