import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { extendMentorship } from "../../../commands/mentorships/extend-mentorship.ts";
import { getMentorship, listMyMentorships } from "../../../commands/mentorships/get-mentorship.ts";
import { presentMentorship, presentMyMentorships } from "../../../presenters/mentorship-presenter.ts";
import { ExtensionBody, MentorshipView, MyMentorshipsResponse } from "../../../schemas/mentorship.ts";
import { requireSignedIn, requireWriter } from "../../auth.ts";
import type { AppContext } from "../../context.ts";
import { problemResponses } from "../../problem-responses.ts";
import { MentorshipParams } from "./schema.ts";

/** Mentorships: each one's page for its mentee, its mentors and the program's admins, and the admins' extension. */
export const mentorshipRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    "/api/me/mentorships",
    {
      schema: {
        tags: ["mentorships"],
        summary: "The mentorships you are part of, as mentee or as a confirmed mentor of the project",
        response: { 200: MyMentorshipsResponse, ...problemResponses(401) },
      },
    },
    async (request) => {
      const actor = requireSignedIn(request);
      return presentMyMentorships(actor.personId, await listMyMentorships({ database: context.database, actor }));
    },
  );

  app.get(
    "/api/mentorships/:mentorship",
    {
      schema: {
        tags: ["mentorships"],
        summary:
          "A mentorship: project, people, and the term's dates as they apply to it, moved by its extension (its mentee, its mentors and the program's admins)",
        params: MentorshipParams,
        response: { 200: MentorshipView, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) =>
      presentMentorship(await getMentorship({ database: context.database, actor: requireSignedIn(request), mentorshipId: request.params.mentorship })),
  );

  app.put(
    "/api/mentorships/:mentorship/extension",
    {
      schema: {
        tags: ["mentorships"],
        summary: "Extend an active mentorship by 1–5 weeks with a reason: every later date of its timeline moves (program admins only)",
        params: MentorshipParams,
        body: ExtensionBody,
        response: { 200: MentorshipView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      presentMentorship(
        await extendMentorship({
          database: context.database,
          actor: requireWriter(request),
          mentorshipId: request.params.mentorship,
          weeks: request.body.weeks,
          reason: request.body.reason,
          now: context.now(),
        }),
      ),
  );
};
