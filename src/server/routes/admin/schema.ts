import { z } from "zod";
import { AUDIT_ACTIONS } from "../../../domain/audit-actions.ts";
import { OUTBOX_STATES } from "../../../domain/outbox-states.ts";
import { ROLES } from "../../../domain/roles.ts";
import { SingleLineText } from "../../../schemas/text.ts";
import { Slug } from "../../params.ts";
import { ProgramParams } from "../programs/schema.ts";

export { ProgramParams };

/** A person with a role in a program. */
export const ProgramPersonSchema = z
  .object({
    personId: z.number().int(),
    name: z.string(),
    githubHandle: z.string().nullable(),
    email: z.string().nullable(),
    roles: z.array(
      z.object({
        role: z.enum(ROLES),
        organization: z.object({ slug: z.string(), name: z.string() }).nullable(),
        project: z.object({ slug: z.string(), title: z.string() }).nullable(),
      }),
    ),
  })
  .meta({ id: "ProgramPerson" });

/** `POST /api/programs/{program}/invitations`. */
export const InvitationBody = z
  .object({
    email: z
      .string()
      .trim()
      .pipe(z.email({ message: "must be an email address such as ada@example.org" })),
    role: z.enum(ROLES),
    organization: Slug.optional().describe("The organization's slug, for a maintainer."),
    project: Slug.optional().describe("The project's slug, for a mentor."),
  })
  .strict();

/** An invitation as admins see it (never its token). */
export const InvitationSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    role: z.enum(ROLES),
    createdAt: z.string(),
    expiresAt: z.string(),
    acceptedAt: z.string().nullable(),
  })
  .meta({ id: "Invitation" });

/** The audit log's filters. */
export const AuditQuery = z.object({
  action: z.enum(AUDIT_ACTIONS).optional(),
  objectType: SingleLineText.max(100).optional(),
  actor: z.coerce.number().int().positive().optional().describe("The acting person's id."),
  from: z.iso.datetime({ message: "must be an ISO 8601 instant such as 2026-05-01T00:00:00Z" }).optional(),
  to: z.iso.datetime({ message: "must be an ISO 8601 instant such as 2026-06-01T00:00:00Z" }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** One audit event. */
export const AuditEventSchema = z
  .object({
    id: z.number().int(),
    actor: z.object({ personId: z.number().int().nullable(), label: z.string() }),
    action: z.string(),
    objectType: z.string(),
    objectId: z.string(),
    changes: z.record(z.string(), z.unknown()),
    occurredAt: z.string(),
  })
  .meta({ id: "AuditEvent" });

/** The outbox listing's filters. */
export const OutboxQuery = z.object({
  state: z.enum(OUTBOX_STATES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A message of the outbox with its delivery state. */
export const OutboxMessageSchema = z
  .object({
    id: z.number().int(),
    recipientEmail: z.string().nullable(),
    subject: z.string(),
    bodyText: z.string(),
    state: z.enum(OUTBOX_STATES),
    attempts: z.number().int(),
    nextAttemptAt: z.string(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: "OutboxMessage" });
