import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { acceptProposal } from "../../../commands/proposals/accept-proposal.ts";
import { approveChange } from "../../../commands/proposals/approve-change.ts";
import { bulkAccept } from "../../../commands/proposals/bulk-accept.ts";
import { exportAcceptedTermPage } from "../../../commands/proposals/export-accepted-term-page.ts";
import { getTermHealth } from "../../../commands/proposals/get-term-health.ts";
import { listTermProposals } from "../../../commands/proposals/list-term-proposals.ts";
import { rejectProposal } from "../../../commands/proposals/reject-proposal.ts";
import { requestChanges } from "../../../commands/proposals/request-changes.ts";
import { presentBulkAccept, presentProposalBoard, presentTermHealth } from "../../../presenters/proposal-board-presenter.ts";
import { presentProposal } from "../../../presenters/proposal-presenter.ts";
import {
  AcceptProposalBody,
  BulkAcceptBody,
  BulkAcceptResponse,
  Proposal,
  ProposalBoardResponse,
  RejectProposalBody,
  RequestChangesBody,
} from "../../../schemas/proposal.ts";
import { TermHealth, TermPageResponse } from "../../../schemas/term-health.ts";
import { requireWriter } from "../../auth.ts";
import type { AppContext } from "../../context.ts";
import { problemResponses } from "../../problem-responses.ts";
import { ProposalBoardQuery, ProposalParams, TermParams } from "./schema.ts";

/** The admin's proposal board: a term's proposals and health, the decisions on each proposal, and the term page export. */
export const proposalBoardRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    "/api/terms/:term/proposals",
    {
      schema: {
        tags: ["proposals"],
        summary: "A term's proposals with filters, each organization against its quota and the accepted slots against the budget (program admins only)",
        params: TermParams,
        querystring: ProposalBoardQuery,
        response: { 200: ProposalBoardResponse, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      presentProposalBoard(await listTermProposals({ database: context.database, actor: request.actor, termSlug: request.params.term, filter: request.query })),
  );

  app.get(
    "/api/terms/:term/health",
    {
      schema: {
        tags: ["proposals"],
        summary:
          "What a term needs from its admins now: proposals waiting, unconfirmed mentors, pending changes, slots, the next deadline (program admins only)",
        params: TermParams,
        response: { 200: TermHealth, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      presentTermHealth(await getTermHealth({ database: context.database, actor: request.actor, termSlug: request.params.term }), context.now()),
  );

  app.get(
    "/api/terms/:term/page.md",
    {
      schema: {
        tags: ["proposals"],
        summary: "Download the term's canonical Markdown page: its timeline and accepted projects with their confirmed mentors (program admins only)",
        params: TermParams,
        produces: ["text/markdown"],
        response: { 200: TermPageResponse, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { fileName, markdown } = await exportAcceptedTermPage({ database: context.database, actor: request.actor, termSlug: request.params.term });
      return reply
        .type("text/markdown; charset=utf-8")
        .header("content-disposition", `attachment; filename="${fileName}"`)
        .header("cache-control", "no-store")
        .send(markdown);
    },
  );

  app.post(
    "/api/proposals/:proposal/accept",
    {
      schema: {
        tags: ["proposals"],
        summary: "Accept a submitted proposal with slots; it needs a confirmed mentor and room in the term's slot budget (program admins only)",
        params: ProposalParams,
        body: AcceptProposalBody,
        response: { 200: Proposal, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const view = await acceptProposal({
        database: context.database,
        actor: requireWriter(request),
        slug: request.params.proposal,
        slots: request.body.slots,
        baseUrl: context.baseUrl(),
        now: context.now(),
      });
      return presentProposal(view.record, view.abilities);
    },
  );

  app.post(
    "/api/proposals/:proposal/reject",
    {
      schema: {
        tags: ["proposals"],
        summary: "Reject a submitted proposal with a reason its maintainers read (program admins only)",
        params: ProposalParams,
        body: RejectProposalBody,
        response: { 200: Proposal, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const view = await rejectProposal({
        database: context.database,
        actor: requireWriter(request),
        slug: request.params.proposal,
        reason: request.body.reason,
        baseUrl: context.baseUrl(),
        now: context.now(),
      });
      return presentProposal(view.record, view.abilities);
    },
  );

  app.post(
    "/api/proposals/:proposal/request-changes",
    {
      schema: {
        tags: ["proposals"],
        summary: "Send a submitted proposal back to its maintainers with a comment; they edit and submit it again (program admins only)",
        params: ProposalParams,
        body: RequestChangesBody,
        response: { 200: Proposal, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const view = await requestChanges({
        database: context.database,
        actor: requireWriter(request),
        slug: request.params.proposal,
        comment: request.body.comment,
        baseUrl: context.baseUrl(),
        now: context.now(),
      });
      return presentProposal(view.record, view.abilities);
    },
  );

  app.post(
    "/api/proposals/:proposal/approve-change",
    {
      schema: {
        tags: ["proposals"],
        summary: "Make an accepted project's pending change public; newly named mentors are asked to confirm (program admins only)",
        params: ProposalParams,
        response: { 200: Proposal, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const view = await approveChange({
        database: context.database,
        actor: requireWriter(request),
        slug: request.params.proposal,
        baseUrl: context.baseUrl(),
        now: context.now(),
      });
      return presentProposal(view.record, view.abilities);
    },
  );

  app.post(
    "/api/terms/:term/proposals/accept",
    {
      schema: {
        tags: ["proposals"],
        summary: "Accept several proposals of a term, each with its slots and on its own; the answer has a result per proposal (program admins only)",
        params: TermParams,
        body: BulkAcceptBody,
        response: { 200: BulkAcceptResponse, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const results = await bulkAccept({
        database: context.database,
        actor: requireWriter(request),
        termSlug: request.params.term,
        proposals: request.body.proposals,
        baseUrl: context.baseUrl(),
        now: context.now(),
      });
      return presentBulkAccept(results);
    },
  );
};
