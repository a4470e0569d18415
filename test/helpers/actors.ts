import type { SignedIn } from "../../src/policies/actor.ts";
import type { PersonRow } from "../../src/storage/schema.ts";

/** A person signed in by a session, with the roles given (none by default): how commands see a caller. */
export function signedInAs(person: Pick<PersonRow, "id" | "name" | "email">, roles: { adminOf?: number[]; mentorOf?: number[] } = {}): SignedIn {
  return {
    kind: "person",
    personId: person.id,
    name: person.name,
    email: person.email,
    emailVerified: true,
    via: { type: "session", csrfToken: "csrf", sessionHash: "session" },
    adminOf: new Set(roles.adminOf ?? []),
    maintainerOf: new Set(),
    mentorOf: new Set(roles.mentorOf ?? []),
    namedMentorOf: new Set(roles.mentorOf ?? []),
  };
}
