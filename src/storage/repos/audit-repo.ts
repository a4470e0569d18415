import type { Kysely, Transaction } from "kysely";
import type { AuditAction } from "../../domain/audit-actions.ts";
import type { AuditEventRow, Database } from "../schema.ts";
import type { Db } from "./db.ts";

/** Who did something: a person, or the system itself (an import, a scheduled job). */
export interface AuditActor {
  personId: number | null;
  /** How the actor is shown: a person's name or handle, or e.g. "cohort import". */
  label: string;
}

/** One audit entry before it is written. */
export interface AuditEventInput {
  programId: number | null;
  actor: AuditActor;
  action: AuditAction;
  objectType: string;
  objectId: string | number;
  changes: Record<string, unknown>;
  at: Date;
}

/** Writes one audit event, inside the caller's transaction so it commits with the change. */
export async function recordAuditEvent(db: Kysely<Database> | Transaction<Database>, event: AuditEventInput): Promise<AuditEventRow> {
  return db
    .insertInto("auditEvents")
    .values({
      programId: event.programId,
      actorPersonId: event.actor.personId,
      actorLabel: event.actor.label,
      action: event.action,
      objectType: event.objectType,
      objectId: String(event.objectId),
      changes: JSON.stringify(event.changes),
      occurredAt: event.at.toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The audit events about one object, oldest first. */
export async function listAuditEventsFor(db: Kysely<Database>, objectType: string, objectId: string | number): Promise<AuditEventRow[]> {
  return db.selectFrom("auditEvents").selectAll().where("objectType", "=", objectType).where("objectId", "=", String(objectId)).orderBy("id").execute();
}

/** Filters of the audit log, all optional. */
export interface AuditFilter {
  programId: number;
  action?: AuditAction | undefined;
  objectType?: string | undefined;
  actorPersonId?: number | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

/** One page of a program's audit log, newest first, with how many events match in all. */
export async function listAuditEvents(
  db: Db,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<{ items: AuditEventRow[]; total: number }> {
  let query = db.selectFrom("auditEvents").where("programId", "=", filter.programId);
  if (filter.action) query = query.where("action", "=", filter.action);
  if (filter.objectType) query = query.where("objectType", "=", filter.objectType);
  if (filter.actorPersonId !== undefined) query = query.where("actorPersonId", "=", filter.actorPersonId);
  if (filter.from) query = query.where("occurredAt", ">=", filter.from.toISOString());
  if (filter.to) query = query.where("occurredAt", "<", filter.to.toISOString());
  const items = await query.selectAll().orderBy("occurredAt", "desc").orderBy("id", "desc").limit(page.limit).offset(page.offset).execute();
  const counted = await query.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  return { items, total: Number(counted.total) };
}
