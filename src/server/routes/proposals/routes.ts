import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { answerAsMentor } from "../../../commands/proposals/answer-as-mentor.ts";
import { answerMentorLink } from "../../../commands/proposals/answer-mentor-link.ts";
import { askMentorAgain } from "../../../commands/proposals/ask-mentor-again.ts";
import { createProposal } from "../../../commands/proposals/create-proposal.ts";
import { getProposal } from "../../../commands/proposals/get-proposal.ts";
import { listMyProposals } from "../../../commands/proposals/list-my-proposals.ts";
import { lookUpMentorLink } from "../../../commands/proposals/look-up-mentor-link.ts";
import type { ProposalView } from "../../../commands/proposals/proposal-access.ts";
import { submitProposal } from "../../../commands/proposals/submit-proposal.ts";
import { suggestSkills } from "../../../commands/proposals/suggest-skills.ts";
import { updateProposal } from "../../../commands/proposals/update-proposal.ts";
import { withdrawProposal } from "../../../commands/proposals/withdraw-proposal.ts";
import { AppError } from "../../../errors/app-error.ts";
import { presentMentorConfirmation, presentMyProposals, presentProposal } from "../../../presenters/proposal-presenter.ts";
import {
  MentorAnswerBody,
  MentorConfirmationResponse,
  MentorTokenBody,
  MyProposalsResponse,
  Proposal,
  ProposalCreateBody,
  ProposalUpdateBody,
  SkillSuggestionsResponse,
} from "../../../schemas/proposal.ts";
import { requireSignedIn, requireWriter } from "../../auth.ts";
import type { AppContext } from "../../context.ts";
import { CREDENTIALS_BODY_LIMIT } from "../../json-body.ts";
import { problemResponses } from "../../problem-responses.ts";
import { ProposalMentorParams, ProposalParams, SkillSuggestionsQuery, TermParams } from "./schema.ts";

const shown = (view: ProposalView) => presentProposal(view.record, view.abilities);

/**
 * Maintainers' proposals (draft, autosave, submit, withdraw), their named mentors' answers (in
 * the UI or by the emailed link, whose token travels in the body and is rate-limited like an
 * invitation's), the caller's proposals, and skill suggestions for the form.
 */
export const proposalRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.post(
    "/api/terms/:term/proposals",
    {
      schema: {
        tags: ["proposals"],
        summary: "Start a draft proposal of an organization during the term's proposals window (its maintainers; the program's admins at any time)",
        params: TermParams,
        body: ProposalCreateBody,
        response: { 201: Proposal, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const view = await createProposal({
        database: context.database,
        actor: requireWriter(request),
        termSlug: request.params.term,
        body: request.body,
        now: context.now(),
      });
      return reply.code(201).send(shown(view));
    },
  );

  app.get(
    "/api/proposals/:proposal",
    {
      schema: {
        tags: ["proposals"],
        summary: "A proposal, for its maintainers, the mentors it names and the program's admins, with what the caller may do with it",
        params: ProposalParams,
        response: { 200: Proposal, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => shown(await getProposal({ database: context.database, actor: request.actor, slug: request.params.proposal, now: context.now() })),
  );

  app.patch(
    "/api/proposals/:proposal",
    {
      schema: {
        tags: ["proposals"],
        summary: "Save changes to a proposal (autosave); on an accepted project the description, outcome, skills and mentors become a pending change",
        params: ProposalParams,
        body: ProposalUpdateBody,
        response: { 200: Proposal, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      shown(
        await updateProposal({
          database: context.database,
          actor: requireWriter(request),
          slug: request.params.proposal,
          changes: request.body,
          baseUrl: context.baseUrl(),
          now: context.now(),
        }),
      ),
  );

  app.post(
    "/api/proposals/:proposal/submit",
    {
      schema: {
        tags: ["proposals"],
        summary: "Submit a complete proposal within the organization's quota; each named mentor is emailed once to confirm",
        params: ProposalParams,
        response: { 200: Proposal, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      shown(
        await submitProposal({
          database: context.database,
          actor: requireWriter(request),
          slug: request.params.proposal,
          baseUrl: context.baseUrl(),
          now: context.now(),
        }),
      ),
  );

  app.post(
    "/api/proposals/:proposal/withdraw",
    {
      schema: {
        tags: ["proposals"],
        summary: "Withdraw a proposal before applications close (the program's admins at any time)",
        params: ProposalParams,
        response: { 200: Proposal, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      shown(await withdrawProposal({ database: context.database, actor: requireWriter(request), slug: request.params.proposal, now: context.now() })),
  );

  app.post(
    "/api/proposals/:proposal/mentors/:person/ask-again",
    {
      schema: {
        tags: ["proposals"],
        summary: "Email a named mentor who has not answered a new confirmation link (at most once every 10 minutes per mentor)",
        params: ProposalMentorParams,
        response: { 200: Proposal, ...problemResponses(400, 401, 403, 404, 409, 429) },
      },
    },
    async (request) =>
      shown(
        await askMentorAgain({
          database: context.database,
          actor: requireWriter(request),
          slug: request.params.proposal,
          personId: request.params.person,
          baseUrl: context.baseUrl(),
          now: context.now(),
        }),
      ),
  );

  app.post(
    "/api/proposals/:proposal/mentor-answer",
    {
      schema: {
        tags: ["proposals"],
        summary: "Confirm or decline, as a mentor the proposal names",
        params: ProposalParams,
        body: MentorAnswerBody,
        response: { 200: Proposal, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      shown(
        await answerAsMentor({
          database: context.database,
          actor: requireWriter(request),
          slug: request.params.proposal,
          answer: request.body.answer,
          now: context.now(),
        }),
      ),
  );

  // The token travels in the body, never in the URL, so it never reaches an access log.
  app.post(
    "/api/mentor-confirmations/lookup",
    {
      bodyLimit: CREDENTIALS_BODY_LIMIT,
      config: { rateLimit: { max: 30, timeWindow: "1 minute" }, bodyAuthenticated: true },
      schema: {
        tags: ["proposals"],
        summary: "What an emailed mentor confirmation link is about, from its token",
        body: MentorTokenBody,
        response: { 200: MentorConfirmationResponse, ...problemResponses(400, 404, 429) },
      },
    },
    async (request) => presentMentorConfirmation(await lookUpMentorLink({ database: context.database, token: request.body.token })),
  );

  app.post(
    "/api/mentor-confirmations/answer",
    {
      bodyLimit: CREDENTIALS_BODY_LIMIT,
      config: { rateLimit: { max: 30, timeWindow: "1 minute" }, bodyAuthenticated: true },
      schema: {
        tags: ["proposals"],
        summary: "Confirm or decline through an emailed link, signed in or not",
        body: MentorTokenBody,
        response: { 200: MentorConfirmationResponse, ...problemResponses(400, 404, 409, 429) },
      },
    },
    async (request) => {
      const { token, answer, name, githubHandle } = request.body;
      if (answer === undefined) {
        throw new AppError("INVALID_INPUT", "body.answer: say confirm or decline.", undefined, {
          errors: [{ field: "answer", code: "required", detail: "Say confirm or decline." }],
        });
      }
      return presentMentorConfirmation(
        await answerMentorLink({ database: context.database, token, answer, identity: { name, githubHandle }, now: context.now() }),
      );
    },
  );

  app.get(
    "/api/me/proposals",
    {
      schema: {
        tags: ["proposals"],
        summary: "The proposals of the organizations you maintain, with each next step, and those awaiting your answer as a mentor",
        response: { 200: MyProposalsResponse, ...problemResponses(401) },
      },
    },
    async (request) => presentMyProposals(await listMyProposals({ database: context.database, actor: requireSignedIn(request), now: context.now() })),
  );

  app.get(
    "/api/skills",
    {
      schema: {
        tags: ["catalog"],
        summary: "Existing skill tags matching what was typed, for a tag input (at most 10)",
        querystring: SkillSuggestionsQuery,
        response: { 200: SkillSuggestionsResponse, ...problemResponses(400) },
      },
    },
    async (request) => ({ items: await suggestSkills({ database: context.database, query: request.query.q }) }),
  );
};
