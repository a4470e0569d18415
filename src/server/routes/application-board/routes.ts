import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { exportTermApplications } from "../../../commands/applications/export-term-applications.ts";
import { getApplicantProfile } from "../../../commands/applications/get-applicant-profile.ts";
import { listMyMentoring } from "../../../commands/applications/list-my-mentoring.ts";
import { listProjectApplications } from "../../../commands/applications/list-project-applications.ts";
import { listTermApplications } from "../../../commands/applications/list-term-applications.ts";
import { setApplicationCap } from "../../../commands/applications/set-application-cap.ts";
import {
  presentApplicantProfile,
  presentMentoring,
  presentMentoringProject,
  presentProjectApplications,
  presentTermApplications,
  presentTermApplicationsCsv,
} from "../../../presenters/application-board-presenter.ts";
import {
  ApplicantProfile,
  ApplicationSettingsBody,
  MentoringProject,
  MentoringResponse,
  ProjectApplicationsResponse,
  TermApplicationsCsv,
  TermApplicationsResponse,
} from "../../../schemas/application-board.ts";
import { requireSignedIn, requireWriter } from "../../auth.ts";
import type { AppContext } from "../../context.ts";
import { problemResponses } from "../../problem-responses.ts";
import { ApplicationParams, ProjectParams, TermApplicationsExportQuery, TermApplicationsQuery, TermParams } from "./schema.ts";

/** The mentors' and admins' side of applications: soft caps, a mentor's projects, a project's applications, and a term's for its admins. */
export const applicationBoardRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.patch(
    "/api/projects/:project/application-settings",
    {
      schema: {
        tags: ["applications"],
        summary:
          "Set a project's soft cap: no new applications once this many are submitted; lowering it removes none (the project's confirmed mentors and the program's admins)",
        params: ProjectParams,
        body: ApplicationSettingsBody,
        response: { 200: MentoringProject, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const data = await setApplicationCap({
        database: context.database,
        actor: requireWriter(request),
        projectSlug: request.params.project,
        applicationCap: request.body.applicationCap,
        now: context.now(),
      });
      return presentMentoringProject(data, context.now());
    },
  );

  app.get(
    "/api/me/mentoring",
    {
      schema: {
        tags: ["applications"],
        summary: "The caller's accepted projects as a confirmed mentor, each with its submitted and draft applications, soft cap and deadline",
        response: { 200: MentoringResponse, ...problemResponses(401) },
      },
    },
    async (request) => presentMentoring(await listMyMentoring({ database: context.database, actor: requireSignedIn(request) }), context.now()),
  );

  app.get(
    "/api/projects/:project/applications",
    {
      schema: {
        tags: ["applications"],
        summary: "A project's submitted applications, read-only (the project's confirmed mentors and the program's admins; 404 to anyone else)",
        params: ProjectParams,
        response: { 200: ProjectApplicationsResponse, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) =>
      presentProjectApplications(
        await listProjectApplications({ database: context.database, actor: request.actor, projectSlug: request.params.project }),
        context.now(),
      ),
  );

  app.get(
    "/api/applications/:application/applicant",
    {
      schema: {
        tags: ["applications"],
        summary:
          "The profile of an application's applicant (name, pronouns, GitHub, country, zone, skills, portfolio and CV links) for whoever may read the application",
        params: ApplicationParams,
        response: { 200: ApplicantProfile, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) =>
      presentApplicantProfile(await getApplicantProfile({ database: context.database, actor: request.actor, applicationId: request.params.application })),
  );

  app.get(
    "/api/terms/:term/applications",
    {
      schema: {
        tags: ["applications"],
        summary:
          "A term's applications with filters (state, organization, project, eligibility, words of the applicant's name, handle or email), a page at a time (program admins only)",
        params: TermParams,
        querystring: TermApplicationsQuery,
        response: { 200: TermApplicationsResponse, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { page, limit, ...query } = request.query;
      return presentTermApplications(
        await listTermApplications({ database: context.database, actor: request.actor, termSlug: request.params.term, query, page: { page, limit } }),
      );
    },
  );

  app.get(
    "/api/terms/:term/applications.csv",
    {
      schema: {
        tags: ["applications"],
        summary: "Download a term's applications matching the filters as CSV (RFC 4180, UTF-8; formula cells neutralized) (program admins only)",
        params: TermParams,
        querystring: TermApplicationsExportQuery,
        produces: ["text/csv"],
        response: { 200: TermApplicationsCsv, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const found = await exportTermApplications({ database: context.database, actor: request.actor, termSlug: request.params.term, query: request.query });
      const { fileName, csv } = presentTermApplicationsCsv(found, context.baseUrl());
      return reply
        .type("text/csv; charset=utf-8; header=present")
        .header("content-disposition", `attachment; filename="${fileName}"`)
        .header("cache-control", "no-store")
        .send(csv);
    },
  );
};
