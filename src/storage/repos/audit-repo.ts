import type { Kysely, Transaction } from "kysely";
import type { AuditAction } from "../../domain/audit-actions.ts";
import type { AuditEventRow, AuditNames, AuditObjectLabel, Database } from "../schema.ts";
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

/**
 * What the ids of these audit events stand for today: the acting people's names and each
 * object's label, looked up once per object type for the whole page (a page holds at most a
 * few hundred events). An object that is gone, or whose id is no number, has no label.
 */
export async function resolveAuditNames(db: Db, events: readonly AuditEventRow[]): Promise<AuditNames> {
  const idsOf = (type: string) => [
    ...new Set(
      events
        .filter((event) => event.objectType === type)
        .map((event) => Number(event.objectId))
        .filter(isRowId),
    ),
  ];
  const actorIds = events.map((event) => event.actorPersonId).filter((id): id is number => id !== null);
  const personIds = [...new Set([...actorIds, ...idsOf("person")])];
  const objects = new Map<string, AuditObjectLabel>();
  const add = (type: string, rows: ReadonlyArray<{ id: number; label: string; slug: string | null }>) => {
    for (const row of rows) objects.set(`${type}:${row.id}`, { label: row.label, slug: row.slug });
  };
  const people = personIds.length ? await db.selectFrom("people").select(["id", "name", "email"]).where("id", "in", personIds).execute() : [];
  add(
    "person",
    people
      .filter((person) => idsOf("person").includes(person.id))
      .map((person) => ({ id: person.id, label: person.email ? `${person.name} (${person.email})` : person.name, slug: null })),
  );
  const programIds = idsOf("program");
  if (programIds.length) add("program", await db.selectFrom("programs").select(["id", "name as label", "slug"]).where("id", "in", programIds).execute());
  const termIds = idsOf("term");
  if (termIds.length) add("term", await db.selectFrom("terms").select(["id", "title as label", "slug"]).where("id", "in", termIds).execute());
  const organizationIds = idsOf("organization");
  if (organizationIds.length) {
    const rows = await db.selectFrom("organizations").select(["id", "name as label"]).where("id", "in", organizationIds).execute();
    add(
      "organization",
      rows.map((row) => ({ ...row, slug: null })),
    );
  }
  const projectIds = idsOf("project");
  if (projectIds.length) add("project", await db.selectFrom("projects").select(["id", "title as label", "slug"]).where("id", "in", projectIds).execute());
  const invitationIds = idsOf("invitation");
  if (invitationIds.length) {
    const rows = await db.selectFrom("invitations").select(["id", "email as label"]).where("id", "in", invitationIds).execute();
    add(
      "invitation",
      rows.map((row) => ({ ...row, slug: null })),
    );
  }
  const tokenIds = idsOf("api_token");
  if (tokenIds.length) {
    const rows = await db.selectFrom("apiTokens").select(["id", "name as label"]).where("id", "in", tokenIds).execute();
    add(
      "api_token",
      rows.map((row) => ({ ...row, slug: null })),
    );
  }
  return { people: new Map(people.map((person) => [person.id, person.name])), objects };
}

function isRowId(id: number): boolean {
  return Number.isSafeInteger(id) && id > 0;
}
