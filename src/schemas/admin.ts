import { z } from "zod";
import { OUTBOX_STATES } from "../domain/outbox-states.ts";
import { ROLES } from "../domain/roles.ts";
import { Organization } from "./organization.ts";

/** A person with a role in a program. */
export const ProgramPerson = z
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
/** A person with their roles in a program. */
export type ProgramPerson = z.infer<typeof ProgramPerson>;

/** `GET /api/programs/{program}/people`: by name. */
export const ProgramPeopleResponse = z.object({ items: z.array(ProgramPerson) }).meta({ id: "ProgramPeople" });
/** A program's people. */
export type ProgramPeopleResponse = z.infer<typeof ProgramPeopleResponse>;

/** One audit event. */
export const AuditEvent = z
  .object({
    id: z.number().int(),
    actor: z.object({
      personId: z.number().int().nullable(),
      label: z.string().describe('How the actor was shown when the event was recorded: a person\'s name then, or e.g. "cohort import".'),
      name: z.string().nullable().describe("The acting person's name today; null for the system or a person who is gone."),
    }),
    action: z.string(),
    objectType: z.string(),
    objectId: z.string(),
    object: z
      .object({
        label: z
          .string()
          .describe("The object by name today: a person's name and email, an organization's name, a project's or term's title, an invitation's email."),
        slug: z.string().nullable().describe("The slug of the object's public page (a program, term or project), when it has one."),
      })
      .nullable()
      .describe("Null when the object is gone or has no name."),
    changes: z.record(z.string(), z.unknown()),
    occurredAt: z.string(),
  })
  .meta({ id: "AuditEvent" });
/** One audit event. */
export type AuditEvent = z.infer<typeof AuditEvent>;

/** `GET /api/programs/{program}/audit`: one page of the log, newest first. */
export const AuditLogResponse = z
  .object({ items: z.array(AuditEvent), total: z.number().int(), page: z.number().int(), limit: z.number().int() })
  .meta({ id: "AuditLog" });
/** A page of the audit log. */
export type AuditLogResponse = z.infer<typeof AuditLogResponse>;

/** A message of the outbox with its delivery state. */
export const OutboxMessage = z
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
/** One email of the outbox. */
export type OutboxMessage = z.infer<typeof OutboxMessage>;

/** `GET /api/programs/{program}/outbox`: one page of messages and how many match. */
export const OutboxListResponse = z.object({ items: z.array(OutboxMessage), total: z.number().int() }).meta({ id: "OutboxList" });
/** A page of the outbox. */
export type OutboxListResponse = z.infer<typeof OutboxListResponse>;

/** A project of the program as admin forms offer it. */
export const ProgramProjectChoice = z
  .object({ slug: z.string(), title: z.string(), term: z.object({ slug: z.string(), title: z.string() }) })
  .meta({ id: "ProgramProjectChoice" });
/** A project to choose in an admin form. */
export type ProgramProjectChoice = z.infer<typeof ProgramProjectChoice>;

/** An organization of the program with its details and its projects of every term, as admin forms offer them. */
export const ProgramOrganization = Organization.extend({ projects: z.array(ProgramProjectChoice) }).meta({ id: "ProgramOrganization" });
/** An organization with its projects. */
export type ProgramOrganization = z.infer<typeof ProgramOrganization>;

/** `GET /api/programs/{program}/organizations`: by name, each with its projects, newest term first. */
export const ProgramOrganizationsResponse = z.object({ items: z.array(ProgramOrganization) }).meta({ id: "ProgramOrganizations" });
/** A program's organizations and projects. */
export type ProgramOrganizationsResponse = z.infer<typeof ProgramOrganizationsResponse>;
