import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { getEvaluationQuestions, listProgramMentorships, setEvaluationQuestions } from "../../../commands/mentorships/program-mentorships.ts";
import {
  approveInstallments,
  exportInstallments,
  importPaymentReferences,
  listProgramInstallments,
  markInstallmentsPaid,
} from "../../../commands/stipends/installments.ts";
import { presentFinanceCsv, presentProgramInstallments, presentProgramMentorships } from "../../../presenters/installment-presenter.ts";
import {
  ApproveInstallmentsBody,
  EvaluationQuestions,
  FinanceCsv,
  InstallmentsQuery,
  MovedCount,
  PaymentImportBody,
  PaymentsBody,
  ProgramInstallmentsResponse,
  ProgramMentorshipsResponse,
} from "../../../schemas/program-mentorships.ts";
import { requireWriter } from "../../auth.ts";
import type { AppContext } from "../../context.ts";
import { problemResponses } from "../../problem-responses.ts";
import { ProgramParams } from "./schema.ts";

/** The program admins' side of mentorships: the overview with what is overdue, the evaluation questions, and the stipend installments from approval to payment. */
export const programMentorshipRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    "/api/programs/:program/mentorships",
    {
      schema: {
        tags: ["mentorships"],
        summary: "Every mentorship of the program with each evaluation's due date on its own timeline and what is overdue (program admins only)",
        params: ProgramParams,
        response: { 200: ProgramMentorshipsResponse, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      presentProgramMentorships(
        await listProgramMentorships({ database: context.database, actor: request.actor, programSlug: request.params.program, now: context.now() }),
      ),
  );

  app.get(
    "/api/programs/:program/evaluation-questions",
    {
      schema: {
        tags: ["mentorships"],
        summary: "The questions every evaluation of the program answers (program admins only)",
        params: ProgramParams,
        response: { 200: EvaluationQuestions, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({ questions: await getEvaluationQuestions({ database: context.database, actor: request.actor, programSlug: request.params.program }) }),
  );

  app.put(
    "/api/programs/:program/evaluation-questions",
    {
      schema: {
        tags: ["mentorships"],
        summary: "Set the questions every evaluation answers from now on (program admins only)",
        params: ProgramParams,
        body: EvaluationQuestions,
        response: { 200: EvaluationQuestions, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      questions: await setEvaluationQuestions({
        database: context.database,
        actor: requireWriter(request),
        programSlug: request.params.program,
        questions: request.body.questions,
        now: context.now(),
      }),
    }),
  );

  app.get(
    "/api/programs/:program/installments",
    {
      schema: {
        tags: ["stipends"],
        summary: "The program's stipend installments with their mentees, optionally of one state (program admins only)",
        params: ProgramParams,
        querystring: InstallmentsQuery,
        response: { 200: ProgramInstallmentsResponse, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { rows, counts } = await listProgramInstallments({
        database: context.database,
        actor: request.actor,
        programSlug: request.params.program,
        state: request.query.state,
      });
      return presentProgramInstallments(rows, counts);
    },
  );

  app.post(
    "/api/programs/:program/installments/approve",
    {
      schema: {
        tags: ["stipends"],
        summary: "Approve due installments for payment, one or many: all of them, or none when one is not due (program admins only)",
        params: ProgramParams,
        body: ApproveInstallmentsBody,
        response: { 200: MovedCount, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { approved } = await approveInstallments({
        database: context.database,
        actor: requireWriter(request),
        programSlug: request.params.program,
        ids: request.body.ids,
        now: context.now(),
        baseUrl: context.baseUrl(),
      });
      return { moved: approved };
    },
  );

  app.post(
    "/api/programs/:program/installments/export",
    {
      schema: {
        tags: ["stipends"],
        summary:
          "Export every approved installment to finance as CSV (RFC 4180, UTF-8; formula cells neutralized), marking them exported in the same transaction: a second export holds only what was approved since (program admins only)",
        params: ProgramParams,
        produces: ["text/csv"],
        response: { 200: FinanceCsv, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { batch, rows } = await exportInstallments({
        database: context.database,
        actor: requireWriter(request),
        programSlug: request.params.program,
        now: context.now(),
        baseUrl: context.baseUrl(),
      });
      const { fileName, csv } = presentFinanceCsv(batch, rows);
      return reply
        .type("text/csv; charset=utf-8; header=present")
        .header("content-disposition", `attachment; filename="${fileName}"`)
        .header("cache-control", "no-store")
        .header("x-exported-count", String(rows.length))
        .send(csv);
    },
  );

  app.post(
    "/api/programs/:program/installments/payments",
    {
      schema: {
        tags: ["stipends"],
        summary: "Mark exported installments paid, each with its payment reference: all of them, or none when one is not exported (program admins only)",
        params: ProgramParams,
        body: PaymentsBody,
        response: { 200: MovedCount, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { paid } = await markInstallmentsPaid({
        database: context.database,
        actor: requireWriter(request),
        programSlug: request.params.program,
        payments: request.body.payments.map((payment) => ({ installmentId: payment.installment, reference: payment.reference })),
        now: context.now(),
        baseUrl: context.baseUrl(),
      });
      return { moved: paid };
    },
  );

  app.post(
    "/api/programs/:program/installments/payments/import",
    {
      schema: {
        tags: ["stipends"],
        summary:
          "Import finance's CSV of payment references (installment number, reference): a file with an error is refused whole, each error named by its line (program admins only)",
        params: ProgramParams,
        body: PaymentImportBody,
        response: { 200: MovedCount, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { paid } = await importPaymentReferences({
        database: context.database,
        actor: requireWriter(request),
        programSlug: request.params.program,
        csv: request.body.csv,
        now: context.now(),
        baseUrl: context.baseUrl(),
      });
      return { moved: paid };
    },
  );
};
