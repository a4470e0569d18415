import type { DatabaseHandle } from "../../storage/database.ts";
import { findPersonByEmail, findPersonById, insertAccount, updatePerson } from "../../storage/repos/account-repo.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import { findIdentity, insertIdentity, listIdentitiesOf } from "../../storage/repos/identity-repo.ts";
import { deleteSession } from "../../storage/repos/session-repo.ts";
import type { PersonRow } from "../../storage/schema.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { oidcRefusal } from "../oidc-logins/oidc-refusals.ts";
import { type NewSession, startSession } from "./start-session.ts";

/** What the provider says about the person who signed in (ID token, completed by UserInfo). */
export interface OidcClaims {
  /** `sub`: the provider's stable id of the account; emails change, this does not. */
  subject: string;
  email: string | undefined;
  /** `email_verified`: only a provider that vouches for the address may link by it. */
  emailVerified: boolean;
  name: string | undefined;
  preferredUsername: string | undefined;
}

/** How the person was found: by an identity linked before, linked now by email, or created. */
export type OidcOutcome = "identity" | "linked" | "created";

/** Options of signInWithOidc. */
export interface SignInWithOidcOptions {
  database: DatabaseHandle;
  /** The provider's issuer: identities are keyed by issuer and subject. */
  provider: string;
  claims: OidcClaims;
  userAgent: string | null;
  /** The session the browser had before, ended so that signing in always rotates the id. */
  previousSessionHash: string | null;
  now: Date;
}

/**
 * Signs in the person behind a provider account and starts a new session. An identity linked
 * before wins, whatever email the provider reports now. Otherwise the provider must vouch for
 * the email (`email_verified`): linking by an address nobody proved would let anyone who
 * registers someone else's address at a lax provider take over their Cohort account. A
 * verified address links to the person who has it, or creates one.
 */
export async function signInWithOidc(options: SignInWithOidcOptions): Promise<NewSession & { personId: number; outcome: OidcOutcome }> {
  const { provider, claims, now } = options;
  return inTransaction(options.database, async (db) => {
    const identity = await findIdentity(db, provider, claims.subject);
    const found = identity ? await findPersonById(db, identity.personId) : undefined;
    const { person, outcome } = found ? { person: found, outcome: "identity" as const } : await linkOrCreate(db, options);
    if (options.previousSessionHash) await deleteSession(db, options.previousSessionHash);
    const session = await startSession(db, { personId: person.id, userAgent: options.userAgent, at: now });
    await recordAuditEvent(db, {
      programId: null,
      actor: { personId: person.id, label: person.name },
      action: "account.signed_in_oidc",
      objectType: "person",
      objectId: person.id,
      changes: { provider, outcome },
      at: now,
    });
    return { ...session, personId: person.id, outcome };
  });
}

async function linkOrCreate(db: Db, options: SignInWithOidcOptions): Promise<{ person: PersonRow; outcome: OidcOutcome }> {
  const { provider, claims, now } = options;
  const email = claims.email?.trim();
  if (!email || !claims.emailVerified) {
    throw oidcRefusal("email_unverified", "Your account at the provider has no confirmed email address, so Cohort cannot tell which person you are.");
  }
  const existing = await findPersonByEmail(db, email);
  if (existing && (await listIdentitiesOf(db, existing.id, provider)).length > 0) {
    // The address moved to another account at the provider: the person keeps the account they linked.
    throw oidcRefusal("already_linked", "The Cohort account with this email address is linked to another account at this provider.");
  }
  const person = existing
    ? // Nobody proved the address before: a password chosen at sign-up may be someone else's, so it goes.
      existing.emailVerifiedAt
      ? existing
      : await updatePerson(db, existing.id, { emailVerifiedAt: now.toISOString(), passwordHash: null }, now)
    : await insertAccount(db, { name: nameFrom(claims, email), email, passwordHash: null, emailVerifiedAt: now.toISOString(), at: now });
  await insertIdentity(db, { provider, subject: claims.subject, personId: person.id, at: now });
  return { person, outcome: existing ? "linked" : "created" };
}

function nameFrom(claims: OidcClaims, email: string): string {
  const name = claims.name?.trim() || claims.preferredUsername?.trim() || email.split("@")[0] || email;
  return name.slice(0, 200);
}
