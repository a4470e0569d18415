import type { TokenScope } from "../storage/schema.ts";

/** Who is asking: a visitor, or a signed-in person with the roles they hold. */
export type Actor = Visitor | SignedIn;

/** Nobody signed in. */
export interface Visitor {
  kind: "visitor";
}

/** A person, signed in by a session cookie or a personal API token. */
export interface SignedIn {
  kind: "person";
  personId: number;
  name: string;
  email: string | null;
  emailVerified: boolean;
  /** How the request was authenticated; a read-scoped token may not change anything. */
  via: { type: "session"; csrfToken: string; sessionHash: string } | { type: "token"; scope: TokenScope; tokenId: number };
  /** Programs this person administers. */
  adminOf: ReadonlySet<number>;
  /** Organizations this person maintains. */
  maintainerOf: ReadonlySet<number>;
  /** Projects this person mentors (named on, and confirmed). */
  mentorOf: ReadonlySet<number>;
  /** Projects and proposals that name this person as a mentor, whether they answered yet or not. */
  namedMentorOf: ReadonlySet<number>;
}

/** The visitor actor. */
export const VISITOR: Visitor = { kind: "visitor" };

/** True when the actor is signed in. */
export function isSignedIn(actor: Actor): actor is SignedIn {
  return actor.kind === "person";
}

/** True when the actor may make changes at all: signed in, and not through a read-only token. */
export function canWrite(actor: Actor): actor is SignedIn {
  return isSignedIn(actor) && (actor.via.type === "session" || actor.via.scope === "write");
}
