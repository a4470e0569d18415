import type { Insertable } from "kysely";
import type { InvitationRow, InvitationTable } from "../schema.ts";
import type { Db } from "./db.ts";

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

/** A program's invitations, newest first. */
export function listInvitations(db: Db, programId: number): Promise<InvitationRow[]> {
  return db.selectFrom("invitations").selectAll().where("programId", "=", programId).orderBy("id", "desc").execute();
}
