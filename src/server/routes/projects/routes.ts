import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { type ApplicantStandings, getPublicProject, readApplicantStandings, type StandingsReader } from "../../../commands/catalog/get-public-project.ts";
import { presentProjectDetail } from "../../../presenters/project-presenter.ts";
import { ProjectDetail } from "../../../schemas/catalog.ts";
import type { AppContext } from "../../context.ts";
import { problemResponses } from "../../problem-responses.ts";
import { timedMemo } from "../../response-cache.ts";
import { ProjectParams } from "./schema.ts";

/**
 * How long a process trusts a term's applicant counts on project pages: counting them reads every
 * application of the term, and a page is read far more often than a second during a surge. A
 * change shows within this time, as in the catalog; the cap itself is enforced on submission.
 */
const STANDINGS_TTL_MS = 1000;

/** Each term's applicant standings, read at most once a TTL per process. */
const standings = timedMemo<ApplicantStandings>();

/** Public route for one accepted project. */
export const projectRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  const readStandings = readApplicantStandings(context.database);
  const rememberedStandings: StandingsReader = (termId) => standings(context, `standings:${termId}`, STANDINGS_TTL_MS, () => readStandings(termId));
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
    async (request) =>
      presentProjectDetail(await getPublicProject(context.database, request.params.project, request.actor, rememberedStandings), context.now()),
  );
};
