import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { endMentorship } from "../../../commands/mentorships/end-mentorship.ts";
import { extendMentorship } from "../../../commands/mentorships/extend-mentorship.ts";
import { getMentorship, listMyMentorships } from "../../../commands/mentorships/get-mentorship.ts";
import { setAlumniListing, submitMenteeReport } from "../../../commands/mentorships/mentee-report.ts";
import { saveAssignments } from "../../../commands/mentorships/save-assignments.ts";
import { submitEvaluation } from "../../../commands/mentorships/submit-evaluation.ts";
import { listTermAlumni } from "../../../commands/mentorships/term-alumni.ts";
import { presentMentorship, presentMyMentorships } from "../../../presenters/mentorship-presenter.ts";
import {
  AlumniBody,
  AssignmentsBody,
  EndMentorshipBody,
  EvaluationBody,
  ExtensionBody,
  MenteeReportBody,
  MentorshipView,
  MyMentorshipsResponse,
  TermAlumniResponse,
} from "../../../schemas/mentorship.ts";
import { requireSignedIn, requireWriter } from "../../auth.ts";
import type { AppContext } from "../../context.ts";
import { problemResponses } from "../../problem-responses.ts";
import { MentorshipParams, TermParams } from "./schema.ts";

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
      presentMentorship(
        await getMentorship({ database: context.database, actor: requireSignedIn(request), mentorshipId: request.params.mentorship, now: context.now() }),
      ),
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

  app.put(
    "/api/mentorships/:mentorship/assignments",
    {
      schema: {
        tags: ["mentorships"],
        summary: "Write the mentee's initial work assignments in Markdown (the project's mentors, while the mentorship is active)",
        params: MentorshipParams,
        body: AssignmentsBody,
        response: { 200: MentorshipView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      presentMentorship(
        await saveAssignments({
          database: context.database,
          actor: requireWriter(request),
          mentorshipId: request.params.mentorship,
          markdown: request.body.markdown,
          now: context.now(),
        }),
      ),
  );

  app.post(
    "/api/mentorships/:mentorship/evaluations",
    {
      schema: {
        tags: ["mentorships"],
        summary:
          "Submit the midterm or final evaluation, in its window on the mentorship's own timeline: pass or fail, comments to the mentee, private comments to the admins, the program's questions answered (the project's mentors; once each)",
        params: MentorshipParams,
        body: EvaluationBody,
        response: { 200: MentorshipView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      presentMentorship(
        await submitEvaluation({
          database: context.database,
          actor: requireWriter(request),
          mentorshipId: request.params.mentorship,
          evaluation: request.body,
          now: context.now(),
          baseUrl: context.baseUrl(),
        }),
      ),
  );

  app.put(
    "/api/mentorships/:mentorship/report",
    {
      schema: {
        tags: ["mentorships"],
        summary: "Submit or correct the final report: program feedback and the blog post's link, in the final evaluations' window (the mentee)",
        params: MentorshipParams,
        body: MenteeReportBody,
        response: { 200: MentorshipView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      presentMentorship(
        await submitMenteeReport({
          database: context.database,
          actor: requireWriter(request),
          mentorshipId: request.params.mentorship,
          report: request.body,
          now: context.now(),
          baseUrl: context.baseUrl(),
        }),
      ),
  );

  app.put(
    "/api/mentorships/:mentorship/alumni",
    {
      schema: {
        tags: ["mentorships"],
        summary: "Choose whether the term's public page lists you (name and project) as an alumnus once completed (the mentee)",
        params: MentorshipParams,
        body: AlumniBody,
        response: { 200: MentorshipView, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      presentMentorship(
        await setAlumniListing({
          database: context.database,
          actor: requireWriter(request),
          mentorshipId: request.params.mentorship,
          listed: request.body.listed,
          now: context.now(),
        }),
      ),
  );

  app.post(
    "/api/mentorships/:mentorship/end",
    {
      schema: {
        tags: ["mentorships"],
        summary: "End an active mentorship with a reason; its pending installments are withheld or paid pro rata (program admins only)",
        params: MentorshipParams,
        body: EndMentorshipBody,
        response: { 200: MentorshipView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      presentMentorship(
        await endMentorship({
          database: context.database,
          actor: requireWriter(request),
          mentorshipId: request.params.mentorship,
          reason: request.body.reason,
          remaining: request.body.remaining,
          now: context.now(),
          baseUrl: context.baseUrl(),
        }),
      ),
  );

  app.get(
    "/api/terms/:term/alumni",
    {
      schema: {
        tags: ["catalog"],
        summary: "The term's alumni: mentees whose mentorship was completed and who chose to be listed, by name and project",
        params: TermParams,
        response: { 200: TermAlumniResponse, ...problemResponses(400, 404) },
      },
    },
    async (request) => ({ items: await listTermAlumni(context.database, request.params.term, request.actor) }),
  );
};
