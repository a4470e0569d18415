import { type Insertable, sql } from "kysely";
import type { InvitationRow, InvitationTable, InvitationWithScope } from "../schema.ts";
import type { Db } from "./db.ts";

const EMAIL_KEY_PREFIX = "invitation:";

/** The outbox key of an invitation's email: one email per invitation, found again by this key. */
export function invitationEmailKey(invitationId: number): string {
  return `${EMAIL_KEY_PREFIX}${invitationId}`;
}

/** Stores an invitation (by the hash of its token). */
export function insertInvitation(db: Db, invitation: Insertable<InvitationTable>): Promise<InvitationRow> {
  return db.insertInto("invitations").values(invitation).returningAll().executeTakeFirstOrThrow();
}

/** The open invitation with this token hash (not accepted, not expired), or undefined. */
export function findOpenInvitation(db: Db, tokenHash: string, at: Date): Promise<InvitationRow | undefined> {
  return db
    .selectFrom("invitations")
    .selectAll()
    .where("tokenHash", "=", tokenHash)
    .where("acceptedAt", "is", null)
    .where("expiresAt", ">", at.toISOString())
    .executeTakeFirst();
}

/** Marks an invitation accepted, only if it still is open; returns whether this call did it. */
export async function markInvitationAccepted(db: Db, invitationId: number, personId: number, at: Date): Promise<boolean> {
  const result = await db
    .updateTable("invitations")
    .set({ acceptedAt: at.toISOString(), acceptedByPersonId: personId })
    .where("id", "=", invitationId)
    .where("acceptedAt", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A program's invitations with their scope, inviter and email delivery, newest first. */
export function listInvitationsWithScope(db: Db, programId: number): Promise<InvitationWithScope[]> {
  return withScope(db).where("invitations.programId", "=", programId).orderBy("invitations.id", "desc").execute();
}

/** One invitation with its scope, inviter and email delivery, or undefined. */
export function findInvitationWithScope(db: Db, invitationId: number): Promise<InvitationWithScope | undefined> {
  return withScope(db).where("invitations.id", "=", invitationId).executeTakeFirst();
}

/** Invitations joined to the names of what they are for and to their email in the outbox. */
function withScope(db: Db) {
  // The email is found by its key (unique, indexed); the same text on both engines.
  const emailKey = sql<string>`${sql.lit(EMAIL_KEY_PREFIX)} || cast(${sql.ref("invitations.id")} as text)`;
  return db
    .selectFrom("invitations")
    .innerJoin("programs", "programs.id", "invitations.programId")
    .leftJoin("organizations", "organizations.id", "invitations.organizationId")
    .leftJoin("projects", "projects.id", "invitations.projectId")
    .leftJoin("terms", "terms.id", "projects.termId")
    .leftJoin("people as inviter", "inviter.id", "invitations.invitedByPersonId")
    .leftJoin("outbox", (join) => join.on("outbox.dedupeKey", "=", emailKey))
    .selectAll("invitations")
    .select([
      "programs.slug as programSlug",
      "programs.name as programName",
      "organizations.slug as organizationSlug",
      "organizations.name as organizationName",
      "projects.slug as projectSlug",
      "projects.title as projectTitle",
      "terms.slug as termSlug",
      "terms.title as termTitle",
      "inviter.name as inviterName",
      "outbox.state as emailState",
      "outbox.lastError as emailLastError",
      "outbox.sentAt as emailSentAt",
    ]);
}
