import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { getApplication } from "../../../commands/applications/get-application.ts";
import { getApplicationForm } from "../../../commands/applications/get-application-form.ts";
import { listMyApplications } from "../../../commands/applications/list-my-applications.ts";
import { rankMyApplications } from "../../../commands/applications/rank-my-applications.ts";
import { saveApplicationDraft } from "../../../commands/applications/save-application-draft.ts";
import { submitApplication } from "../../../commands/applications/submit-application.ts";
import { withdrawApplication } from "../../../commands/applications/withdraw-application.ts";
import { answerOffer } from "../../../commands/offers/answer-offer.ts";
import { presentApplication, presentApplicationForm, presentMyApplications } from "../../../presenters/application-presenter.ts";
import {
  Application,
  ApplicationBody,
  ApplicationForm,
  MyApplicationsResponse,
  MyRankingBody,
  SubmitApplicationHeaders,
} from "../../../schemas/application.ts";
import { requireSignedIn, requireWriter } from "../../auth.ts";
import type { AppContext } from "../../context.ts";
import { problemResponses } from "../../problem-responses.ts";
import { TermParams } from "../terms/schema.ts";
import { ApplicationParams, ProjectParams } from "./schema.ts";

/**
 * An applicant's applications: the form of a project, the draft that autosaves, the submission
 * (idempotent by its key, judged at the instant it was received), withdrawal, one application
 * and the caller's list.
 */
export const applicationRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    "/api/projects/:project/application",
    {
      schema: {
        tags: ["applications"],
        summary: "A project's application form: its questions, the window, whether it takes applications, your eligibility, your cap and your application",
        params: ProjectParams,
        response: { 200: ApplicationForm, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) =>
      presentApplicationForm(
        await getApplicationForm({ database: context.database, actor: requireSignedIn(request), projectSlug: request.params.project, now: context.now() }),
      ),
  );

  app.put(
    "/api/projects/:project/application",
    {
      schema: {
        tags: ["applications"],
        summary: "Save your application to a project as you type (a draft; a submitted one stays submitted), while applications are open",
        params: ProjectParams,
        body: ApplicationBody,
        response: { 200: Application, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      // The instant the request arrived, taken before anything waits: the window is judged by it.
      const receivedAt = context.now();
      return presentApplication(
        await saveApplicationDraft({
          database: context.database,
          actor: requireWriter(request),
          projectSlug: request.params.project,
          body: request.body,
          receivedAt,
        }),
      );
    },
  );

  app.post(
    "/api/projects/:project/application/submit",
    {
      schema: {
        tags: ["applications"],
        summary:
          "Submit your application to a project before applications close (to the millisecond, as received); a retry with the same Idempotency-Key and body gets the first answer",
        params: ProjectParams,
        headers: SubmitApplicationHeaders,
        body: ApplicationBody,
        response: { 200: Application, 201: Application, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      // The instant the request arrived, taken before anything waits: the window is judged by it.
      const receivedAt = context.now();
      const submitted = await submitApplication({
        database: context.database,
        actor: requireWriter(request),
        projectSlug: request.params.project,
        body: request.body,
        idempotencyKey: request.headers["idempotency-key"],
        receivedAt,
        baseUrl: context.baseUrl(),
      });
      return reply.code(submitted.status).send(presentApplication(submitted.record));
    },
  );

  app.post(
    "/api/applications/:application/withdraw",
    {
      schema: {
        tags: ["applications"],
        summary: "Withdraw your submitted application; you may apply again while applications are open",
        params: ApplicationParams,
        response: { 200: Application, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      presentApplication(
        await withdrawApplication({ database: context.database, actor: requireWriter(request), applicationId: request.params.application, now: context.now() }),
      ),
  );

  app.get(
    "/api/applications/:application",
    {
      schema: {
        tags: ["applications"],
        summary: "An application, for its applicant and, once submitted, its project's mentors and the program's admins",
        params: ApplicationParams,
        response: { 200: Application, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) =>
      presentApplication(await getApplication({ database: context.database, actor: request.actor, applicationId: request.params.application })),
  );

  app.get(
    "/api/me/applications",
    {
      schema: {
        tags: ["applications"],
        summary: "Your applications, each with its state in words, its next step and the deadline of its term",
        response: { 200: MyApplicationsResponse, ...problemResponses(401) },
      },
    },
    async (request) => presentMyApplications(await listMyApplications({ database: context.database, actor: requireSignedIn(request), now: context.now() })),
  );

  app.put(
    "/api/terms/:term/my-ranking",
    {
      schema: {
        tags: ["applications"],
        summary:
          "Rank your submitted applications of a term, the one you want most first, while review is open: selection offers you the highest it can (mentors never see it); answers with all your applications",
        params: TermParams,
        body: MyRankingBody,
        response: { 200: MyApplicationsResponse, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = requireWriter(request);
      await rankMyApplications({
        database: context.database,
        actor,
        termSlug: request.params.term,
        applications: request.body.applications,
        now: context.now(),
      });
      return presentMyApplications(await listMyApplications({ database: context.database, actor, now: context.now() }));
    },
  );

  for (const answer of ["accept", "decline"] as const) {
    app.post(
      `/api/applications/:application/offer/${answer}`,
      {
        schema: {
          tags: ["applications"],
          summary:
            answer === "accept"
              ? "Accept the offer of your application before its deadline: the mentorship begins and your other applications of the term are withdrawn; answers with all your applications"
              : "Decline the offer of your application before its deadline: the place goes to the next applicant; answers with all your applications",
          params: ApplicationParams,
          response: { 200: MyApplicationsResponse, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const actor = requireWriter(request);
        await answerOffer({
          database: context.database,
          actor,
          applicationId: request.params.application,
          answer,
          now: context.now(),
          baseUrl: context.baseUrl(),
        });
        return presentMyApplications(await listMyApplications({ database: context.database, actor, now: context.now() }));
      },
    );
  }
};
