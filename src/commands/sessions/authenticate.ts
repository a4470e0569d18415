import { type Actor, VISITOR } from "../../policies/actor.ts";
import { hashSecret } from "../../security/secrets.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findPersonById } from "../../storage/repos/account-repo.ts";
import { findActiveApiToken, markApiTokenUsed } from "../../storage/repos/api-token-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import { listGrantsOf, listMentoredProjectIds } from "../../storage/repos/role-repo.ts";
import { findLiveSession, touchSession } from "../../storage/repos/session-repo.ts";
import type { PersonRow } from "../../storage/schema.ts";
import { SESSION_IDLE_MS } from "./start-session.ts";

/** The credentials a request carried: a session cookie's value and/or a bearer token. */
export interface Credentials {
  sessionToken?: string | undefined;
  bearerToken?: string | undefined;
}

const TOUCH_EVERY_MS = 60 * 60 * 1000;

/**
 * Finds who a request comes from. A bearer token wins over a cookie (scripts send no cookies);
 * an unknown, expired or revoked credential means a visitor, never an error, so that a stale
 * cookie does not lock anyone out of public pages.
 */
export async function authenticate(database: DatabaseHandle, credentials: Credentials, now: Date): Promise<Actor> {
  const db = database.db;
  if (credentials.bearerToken) {
    const token = await findActiveApiToken(db, hashSecret(credentials.bearerToken));
    if (!token) return VISITOR;
    const person = await findPersonById(db, token.personId);
    if (!person) return VISITOR;
    await markApiTokenUsed(db, token.id, now);
    return signedIn(db, person, { type: "token", scope: token.scope, tokenId: token.id });
  }
  if (credentials.sessionToken) {
    const sessionHash = hashSecret(credentials.sessionToken);
    const session = await findLiveSession(db, sessionHash, now);
    if (!session) return VISITOR;
    const person = await findPersonById(db, session.personId);
    if (!person) return VISITOR;
    if (now.getTime() - new Date(session.lastSeenAt).getTime() > TOUCH_EVERY_MS) {
      await touchSession(db, sessionHash, now, new Date(now.getTime() + SESSION_IDLE_MS));
    }
    return signedIn(db, person, { type: "session", csrfToken: session.csrfToken, sessionHash });
  }
  return VISITOR;
}

async function signedIn(db: Db, person: PersonRow, via: Extract<Actor, { kind: "person" }>["via"]): Promise<Actor> {
  const [grants, mentored] = await Promise.all([listGrantsOf(db, person.id), listMentoredProjectIds(db, person.id)]);
  return {
    kind: "person",
    personId: person.id,
    name: person.name,
    email: person.email,
    emailVerified: person.emailVerifiedAt !== null,
    via,
    adminOf: new Set(grants.filter((grant) => grant.role === "program_admin").map((grant) => grant.programId)),
    maintainerOf: new Set(grants.flatMap((grant) => (grant.role === "maintainer" && grant.organizationId !== null ? [grant.organizationId] : []))),
    mentorOf: new Set(mentored.mentored),
    namedMentorOf: new Set(mentored.named),
  };
}
