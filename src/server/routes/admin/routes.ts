import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { readAuditLog } from "../../../commands/audit/read-audit-log.ts";
import { invitePerson } from "../../../commands/invitations/invite-person.ts";
import { listInvitationsOfProgram } from "../../../commands/invitations/list-invitations-of-program.ts";
import { listOrganizationsOfProgram } from "../../../commands/organizations/list-organizations-of-program.ts";
import { readProgramOutbox } from "../../../commands/outbox/read-program-outbox.ts";
import { listPeopleOfProgram } from "../../../commands/people/list-people-of-program.ts";
import { presentAuditEvent } from "../../../presenters/audit-presenter.ts";
import { presentInvitation } from "../../../presenters/invitation-presenter.ts";
import { presentProgramOrganizations } from "../../../presenters/organization-presenter.ts";
import { AuditLogResponse, OutboxListResponse, ProgramOrganizationsResponse, ProgramPeopleResponse, type ProgramPerson } from "../../../schemas/admin.ts";
import { Invitation, InvitationBody, InvitationListResponse } from "../../../schemas/invitation.ts";
import { requireWriter } from "../../auth.ts";
import type { AppContext } from "../../context.ts";
import { problemResponses } from "../../problem-responses.ts";
import { AuditQuery, OutboxQuery, ProgramParams } from "./schema.ts";

/** What a program's admins (and, for mentor invitations, its maintainers) run the program with. */
export const adminRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  const restricted = problemResponses(400, 401, 403, 404);

  app.get(
    "/api/programs/:program/people",
    {
      schema: {
        tags: ["admin"],
        summary: "The program's admins, maintainers and mentors (program admins only)",
        params: ProgramParams,
        response: { 200: ProgramPeopleResponse, ...restricted },
      },
    },
    async (request) => {
      const { grants, mentors } = await listPeopleOfProgram({ database: context.database, actor: request.actor, programSlug: request.params.program });
      const people = new Map<number, ProgramPerson>();
      const entry = (row: { personId: number; name: string; githubHandle: string | null; email: string | null }) => {
        let person = people.get(row.personId);
        if (!person) {
          person = { personId: row.personId, name: row.name, githubHandle: row.githubHandle, email: row.email, roles: [] };
          people.set(row.personId, person);
        }
        return person;
      };
      for (const grant of grants) {
        entry(grant).roles.push({
          role: grant.role,
          organization: grant.organizationSlug && grant.organizationName ? { slug: grant.organizationSlug, name: grant.organizationName } : null,
          project: null,
        });
      }
      for (const mentor of mentors)
        entry(mentor).roles.push({ role: "mentor", organization: null, project: { slug: mentor.projectSlug, title: mentor.projectTitle } });
      return { items: [...people.values()].sort((a, b) => a.name.localeCompare(b.name)) };
    },
  );

  app.get(
    "/api/programs/:program/invitations",
    {
      schema: {
        tags: ["admin"],
        summary: "The program's invitations (program admins only)",
        params: ProgramParams,
        response: { 200: InvitationListResponse, ...restricted },
      },
    },
    async (request) => {
      const rows = await listInvitationsOfProgram({ database: context.database, actor: request.actor, programSlug: request.params.program });
      const now = context.now();
      return { items: rows.map((row) => presentInvitation(row, now)) };
    },
  );

  app.get(
    "/api/programs/:program/organizations",
    {
      schema: {
        tags: ["admin"],
        summary:
          "The program's organizations by name, each with its details, the project quota that applies and the projects of every term (program admins only)",
        params: ProgramParams,
        response: { 200: ProgramOrganizationsResponse, ...restricted },
      },
    },
    async (request) => {
      const { program, organizations, projects } = await listOrganizationsOfProgram({
        database: context.database,
        actor: request.actor,
        programSlug: request.params.program,
      });
      return presentProgramOrganizations(program, organizations, projects);
    },
  );

  app.post(
    "/api/programs/:program/invitations",
    {
      schema: {
        tags: ["admin"],
        summary: "Invite someone by email: admins invite admins and maintainers, maintainers invite mentors to their projects",
        params: ProgramParams,
        body: InvitationBody,
        response: { 201: Invitation, ...restricted },
      },
    },
    async (request, reply) => {
      const actor = requireWriter(request);
      const invitation = await invitePerson({
        database: context.database,
        actor,
        programSlug: request.params.program,
        email: request.body.email,
        role: request.body.role,
        organizationSlug: request.body.organization,
        projectSlug: request.body.project,
        baseUrl: context.baseUrl(),
        now: context.now(),
      });
      return reply.code(201).send(presentInvitation(invitation, context.now()));
    },
  );

  app.get(
    "/api/programs/:program/audit",
    {
      schema: {
        tags: ["admin"],
        summary: "The program's audit log, newest first, with filters (program admins only)",
        params: ProgramParams,
        querystring: AuditQuery,
        response: { 200: AuditLogResponse, ...restricted },
      },
    },
    async (request) => {
      const { page, limit, action, objectType, actor, from, to } = request.query;
      const result = await readAuditLog({
        database: context.database,
        actor: request.actor,
        programSlug: request.params.program,
        filter: { action, objectType, actorPersonId: actor, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined },
        page,
        limit,
      });
      return {
        items: result.items.map((event) => presentAuditEvent(event, result.names)),
        total: result.total,
        page,
        limit,
      };
    },
  );

  app.get(
    "/api/programs/:program/outbox",
    {
      schema: {
        tags: ["admin"],
        summary: "Emails about the program and their delivery state (program admins only)",
        params: ProgramParams,
        querystring: OutboxQuery,
        response: { 200: OutboxListResponse, ...restricted },
      },
    },
    async (request) => {
      const { items, total } = await readProgramOutbox({
        database: context.database,
        actor: request.actor,
        programSlug: request.params.program,
        ...request.query,
      });
      return {
        items: items.map((message) => ({
          id: message.id,
          recipientEmail: message.recipientEmail,
          subject: message.subject,
          bodyText: message.bodyText,
          state: message.state,
          attempts: message.attempts,
          nextAttemptAt: message.nextAttemptAt,
          lastError: message.lastError,
          createdAt: message.createdAt,
          sentAt: message.sentAt,
        })),
        total,
      };
    },
  );
};
