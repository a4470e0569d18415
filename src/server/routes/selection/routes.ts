import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { getSelection } from "../../../commands/selection/get-selection.ts";
import { previewNotice, previewNotices } from "../../../commands/selection/preview-notices.ts";
import { publishSelection } from "../../../commands/selection/publish-selection.ts";
import { runSelection } from "../../../commands/selection/run-selection.ts";
import { setSelectionOverride } from "../../../commands/selection/set-selection-override.ts";
import { presentNoticeMessage, presentNoticePreview, presentSelection, presentSelectionCsv } from "../../../presenters/selection-presenter.ts";
import { NoticeMessageView, NoticePreviewView, PublishSelectionBody, SelectionCsv, SelectionOverrideBody, SelectionView } from "../../../schemas/selection.ts";
import { requireWriter } from "../../auth.ts";
import type { AppContext } from "../../context.ts";
import { problemResponses } from "../../problem-responses.ts";
import { TermParams } from "../terms/schema.ts";
import { NoticeParams, OverrideParams } from "./schema.ts";

/** The program admins' selection of a term: run the solver, read its proposal, pin or exclude pairs, download it. */
export const selectionRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    "/api/terms/:term/selection",
    {
      schema: {
        tags: ["selection"],
        summary:
          "A term's selection: the latest proposal per project, the conflicts it resolved, slots left empty and why, applicants left without, the overrides (program admins only)",
        params: TermParams,
        response: { 200: SelectionView, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => presentSelection(await getSelection({ database: context.database, actor: request.actor, termSlug: request.params.term })),
  );

  app.post(
    "/api/terms/:term/selection/runs",
    {
      schema: {
        tags: ["selection"],
        summary:
          "Run the solver on the term's ranked shortlists, applicants' orders and overrides; the new proposal replaces the last (program admins only, until published)",
        params: TermParams,
        response: { 201: SelectionView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = requireWriter(request);
      await runSelection({ database: context.database, actor, termSlug: request.params.term, now: context.now() });
      return reply.code(201).send(presentSelection(await getSelection({ database: context.database, actor, termSlug: request.params.term })));
    },
  );

  app.put(
    "/api/terms/:term/selection/overrides/:application",
    {
      schema: {
        tags: ["selection"],
        summary: "Pin a submitted application into the next run, exclude it, or clear either with null (program admins only, until published)",
        params: OverrideParams,
        body: SelectionOverrideBody,
        response: { 200: SelectionView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      presentSelection(
        await setSelectionOverride({
          database: context.database,
          actor: requireWriter(request),
          termSlug: request.params.term,
          applicationId: request.params.application,
          kind: request.body.kind,
          now: context.now(),
        }),
      ),
  );

  app.get(
    "/api/terms/:term/selection.csv",
    {
      schema: {
        tags: ["selection"],
        summary:
          "Download the latest proposal as CSV: one row per mentorship, then one per empty slot with why (RFC 4180, UTF-8; formula cells neutralized) (program admins only)",
        params: TermParams,
        produces: ["text/csv"],
        response: { 200: SelectionCsv, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { fileName, csv } = presentSelectionCsv(await getSelection({ database: context.database, actor: request.actor, termSlug: request.params.term }));
      return reply
        .type("text/csv; charset=utf-8; header=present")
        .header("content-disposition", `attachment; filename="${fileName}"`)
        .header("cache-control", "no-store")
        .send(csv);
    },
  );

  app.post(
    "/api/terms/:term/selection/publish",
    {
      schema: {
        tags: ["selection"],
        summary:
          "Publish the latest proposal, the run you reviewed: the outcome notices are scheduled for the notifications instant, and nothing changes for applicants before it (program admins only, once per term)",
        params: TermParams,
        body: PublishSelectionBody,
        response: { 200: SelectionView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      presentSelection(
        await publishSelection({
          database: context.database,
          actor: requireWriter(request),
          termSlug: request.params.term,
          runId: request.body.run,
          now: context.now(),
        }),
      ),
  );

  app.get(
    "/api/terms/:term/selection/notices",
    {
      schema: {
        tags: ["selection"],
        summary:
          "The dry run of the outcome notices: how many offers and how many “not selected”, who gets which, as the notices job will write them; nothing is sent (program admins only)",
        params: TermParams,
        response: { 200: NoticePreviewView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      presentNoticePreview(
        await previewNotices({
          database: context.database,
          actor: request.actor,
          termSlug: request.params.term,
          now: context.now(),
          baseUrl: context.baseUrl(),
        }),
      ),
  );

  app.get(
    "/api/terms/:term/selection/notices/:person",
    {
      schema: {
        tags: ["selection"],
        summary: "One applicant's outcome email of the dry run, in full: subject, plain text and HTML, as it will be sent (program admins only)",
        params: NoticeParams,
        response: { 200: NoticeMessageView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { notice } = await previewNotice({
        database: context.database,
        actor: request.actor,
        termSlug: request.params.term,
        personId: request.params.person,
        now: context.now(),
        baseUrl: context.baseUrl(),
      });
      return presentNoticeMessage(notice);
    },
  );
};
