import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { addReviewNote } from "../../../commands/reviews/add-review-note.ts";
import { declareReviewConflict } from "../../../commands/reviews/declare-review-conflict.ts";
import { getApplicationReview } from "../../../commands/reviews/get-application-review.ts";
import { listReviewQueue } from "../../../commands/reviews/list-review-queue.ts";
import { markApplication } from "../../../commands/reviews/mark-application.ts";
import { markRestNotShortlisted } from "../../../commands/reviews/mark-rest-not-shortlisted.ts";
import { rankShortlist } from "../../../commands/reviews/rank-shortlist.ts";
import { scoreApplication } from "../../../commands/reviews/score-application.ts";
import { presentApplicationReview, presentReviewQueue } from "../../../presenters/review-presenter.ts";
import { NoContentResponse } from "../../../schemas/empty.ts";
import { ApplicationReview, MarkBody, NoteBody, RestNotShortlistedBody, ReviewQueueResponse, ScoreBody, ShortlistBody } from "../../../schemas/review.ts";
import { requireWriter } from "../../auth.ts";
import type { AppContext } from "../../context.ts";
import { problemResponses } from "../../problem-responses.ts";
import { ApplicationParams } from "../applications/schema.ts";
import { ProjectParams } from "../projects/schema.ts";

/**
 * The mentors' review of a project's applications: the queue, each application's scores, notes
 * and mark, the ranking of the shortlist, and conflicts of interest. Its applicants, other
 * mentors and maintainers get 404: they may not know what was decided.
 */
export const reviewRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    "/api/projects/:project/review",
    {
      schema: {
        tags: ["review"],
        summary:
          "A project's review queue: its submitted applications with marks, ranks, scores and notes counted (the project's mentors and the program's admins)",
        params: ProjectParams,
        response: { 200: ReviewQueueResponse, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) =>
      presentReviewQueue(await listReviewQueue({ database: context.database, actor: request.actor, projectSlug: request.params.project, now: context.now() })),
  );

  app.put(
    "/api/projects/:project/shortlist",
    {
      schema: {
        tags: ["review"],
        summary: "Rank a project's shortlist in a strict order, best first: every shortlisted application once (the project's mentors, while review is open)",
        params: ProjectParams,
        body: ShortlistBody,
        response: { 200: ReviewQueueResponse, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      presentReviewQueue(
        await rankShortlist({
          database: context.database,
          actor: requireWriter(request),
          projectSlug: request.params.project,
          applications: request.body.applications,
          now: context.now(),
        }),
      ),
  );

  app.post(
    "/api/projects/:project/review/not-shortlisted",
    {
      schema: {
        tags: ["review"],
        summary:
          "Mark the project's undecided applications not shortlisted at once: those the preview listed, each still undecided (the project's mentors, while review is open)",
        params: ProjectParams,
        body: RestNotShortlistedBody,
        response: { 200: ReviewQueueResponse, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      presentReviewQueue(
        await markRestNotShortlisted({
          database: context.database,
          actor: requireWriter(request),
          projectSlug: request.params.project,
          applications: request.body.applications,
          now: context.now(),
        }),
      ),
  );

  app.get(
    "/api/applications/:application/review",
    {
      schema: {
        tags: ["review"],
        summary:
          "What the mentors decided about an application: scores with who gave them, notes, mark and place in the shortlist (the project's mentors and the program's admins)",
        params: ApplicationParams,
        response: { 200: ApplicationReview, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) =>
      presentApplicationReview(await getApplicationReview({ database: context.database, actor: request.actor, applicationId: request.params.application })),
  );

  app.put(
    "/api/applications/:application/review/score",
    {
      schema: {
        tags: ["review"],
        summary: "Set the caller's score of an application, 1 to 5, or take it back with null (the project's mentors, while review is open)",
        params: ApplicationParams,
        body: ScoreBody,
        response: { 200: ApplicationReview, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      presentApplicationReview(
        await scoreApplication({
          database: context.database,
          actor: requireWriter(request),
          applicationId: request.params.application,
          score: request.body.score,
          now: context.now(),
        }),
      ),
  );

  app.put(
    "/api/applications/:application/review/mark",
    {
      schema: {
        tags: ["review"],
        summary:
          "Shortlist an application (last in the ranking), mark it not shortlisted, or undecided with null (the project's mentors, while review is open)",
        params: ApplicationParams,
        body: MarkBody,
        response: { 200: ApplicationReview, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      presentApplicationReview(
        await markApplication({
          database: context.database,
          actor: requireWriter(request),
          applicationId: request.params.application,
          mark: request.body.mark,
          now: context.now(),
        }),
      ),
  );

  app.post(
    "/api/applications/:application/review/notes",
    {
      schema: {
        tags: ["review"],
        summary: "Add a private note on an application for its project's mentors and the program's admins; its applicant never reads it",
        params: ApplicationParams,
        body: NoteBody,
        response: { 201: ApplicationReview, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const review = await addReviewNote({
        database: context.database,
        actor: requireWriter(request),
        applicationId: request.params.application,
        body: request.body.body,
        now: context.now(),
      });
      return reply.code(201).send(presentApplicationReview(review));
    },
  );

  app.post(
    "/api/applications/:application/review/conflict",
    {
      schema: {
        tags: ["review"],
        summary:
          "Declare a conflict of interest with an application: it is hidden from the caller from then on, and the program's admins see the declaration (the project's mentors)",
        params: ApplicationParams,
        response: { 204: NoContentResponse, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await declareReviewConflict({
        database: context.database,
        actor: requireWriter(request),
        applicationId: request.params.application,
        now: context.now(),
        baseUrl: context.baseUrl(),
      });
      return reply.code(204).send(null);
    },
  );
};
