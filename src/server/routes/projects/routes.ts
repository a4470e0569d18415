import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { getPublicProject } from "../../../commands/catalog/get-public-project.ts";
import { presentProjectDetail } from "../../../presenters/project-presenter.ts";
import { ProjectDetail } from "../../../schemas/catalog.ts";
import type { AppContext } from "../../context.ts";
import { problemResponses } from "../../problem-responses.ts";
import { ProjectParams } from "./schema.ts";

/** Public route for one accepted project. */
export const projectRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    "/api/projects/:project",
    {
      schema: {
        tags: ["catalog"],
        summary: "An accepted project: description (sanitized HTML), outcome, skills, mentors, links, apply state",
        params: ProjectParams,
        response: { 200: ProjectDetail, ...problemResponses(400, 404) },
      },
    },
    async (request) => presentProjectDetail(await getPublicProject(context.database, request.params.project, request.actor), context.now()),
  );
};
