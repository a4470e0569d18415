import type { AuditEvent } from "../schemas/admin.ts";
import type { AuditEventRow, AuditNames } from "../storage/schema.ts";

/** An audit event with its actor and object named as they are today, beside the ids and the label recorded then. */
export function presentAuditEvent(event: AuditEventRow, names: AuditNames): AuditEvent {
  return {
    id: event.id,
    actor: {
      personId: event.actorPersonId,
      label: event.actorLabel,
      name: event.actorPersonId === null ? null : (names.people.get(event.actorPersonId) ?? null),
    },
    action: event.action,
    objectType: event.objectType,
    objectId: event.objectId,
    object: names.objects.get(`${event.objectType}:${event.objectId}`) ?? null,
    changes: JSON.parse(event.changes) as Record<string, unknown>,
    occurredAt: event.occurredAt,
  };
}
