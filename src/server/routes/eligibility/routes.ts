import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { answerEligibilityQuestions } from "../../../commands/eligibility/answer-eligibility-questions.ts";
import { getOwnEligibility } from "../../../commands/eligibility/get-own-eligibility.ts";
import { getProgramEligibilityQuestions } from "../../../commands/eligibility/get-program-eligibility-questions.ts";
import { getTermEligibilityQuestions } from "../../../commands/eligibility/get-term-eligibility-questions.ts";
import { replaceProgramEligibilityQuestions } from "../../../commands/eligibility/replace-program-eligibility-questions.ts";
import { replaceTermEligibilityQuestions } from "../../../commands/eligibility/replace-term-eligibility-questions.ts";
import { presentEligibilityQuestions, presentOwnEligibility } from "../../../presenters/eligibility-presenter.ts";
import { Eligibility, EligibilityAnswersBody, EligibilityQuestionsBody, EligibilityQuestionsResponse } from "../../../schemas/eligibility.ts";
import { requireSignedIn, requireWriter } from "../../auth.ts";
import type { AppContext } from "../../context.ts";
import { problemResponses } from "../../problem-responses.ts";
import { ProgramParams, TermParams } from "./schema.ts";

const PROGRAM_MESSAGE = "Each new term starts with a copy of these questions; a term made before keeps its own copy until its admins replace it.";

/**
 * Eligibility: the questions a program asks (its admins), their copy in each term (its admins),
 * and the signed-in person's own answers and verdict. No route takes a person: nobody reads
 * another's answers here.
 */
export const eligibilityRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    "/api/programs/:program/eligibility-questions",
    {
      schema: {
        tags: ["eligibility"],
        summary: "The eligibility questions each new term of the program starts with (program admins only)",
        params: ProgramParams,
        response: { 200: EligibilityQuestionsResponse, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { questions } = await getProgramEligibilityQuestions({ database: context.database, actor: request.actor, programSlug: request.params.program });
      return presentEligibilityQuestions({ questions, editable: true, message: PROGRAM_MESSAGE });
    },
  );

  app.put(
    "/api/programs/:program/eligibility-questions",
    {
      schema: {
        tags: ["eligibility"],
        summary: "Replace the program's eligibility questions with this ordered list (program admins only)",
        params: ProgramParams,
        body: EligibilityQuestionsBody,
        response: { 200: EligibilityQuestionsResponse, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { questions } = await replaceProgramEligibilityQuestions({
        database: context.database,
        actor: requireWriter(request),
        programSlug: request.params.program,
        body: request.body,
        now: context.now(),
      });
      return presentEligibilityQuestions({ questions, editable: true, message: PROGRAM_MESSAGE });
    },
  );

  app.get(
    "/api/terms/:term/eligibility-questions",
    {
      schema: {
        tags: ["eligibility"],
        summary: "The term's own eligibility questions, and whether they can still change (program admins only)",
        params: TermParams,
        response: { 200: EligibilityQuestionsResponse, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const found = await getTermEligibilityQuestions({
        database: context.database,
        actor: requireSignedIn(request),
        termSlug: request.params.term,
        now: context.now(),
      });
      return presentEligibilityQuestions({ questions: found.questions, editable: !found.settled, message: found.message });
    },
  );

  app.put(
    "/api/terms/:term/eligibility-questions",
    {
      schema: {
        tags: ["eligibility"],
        summary: "Replace the term's eligibility questions; once applications open only their wording may change (program admins only)",
        params: TermParams,
        body: EligibilityQuestionsBody,
        response: { 200: EligibilityQuestionsResponse, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const found = await replaceTermEligibilityQuestions({
        database: context.database,
        actor: requireWriter(request),
        termSlug: request.params.term,
        body: request.body,
        now: context.now(),
      });
      return presentEligibilityQuestions({ questions: found.questions, editable: !found.settled, message: found.message });
    },
  );

  app.get(
    "/api/terms/:term/eligibility",
    {
      schema: {
        tags: ["eligibility"],
        summary: "Your eligibility for the term: its questions, your answers and the verdict",
        params: TermParams,
        response: { 200: Eligibility, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const actor = requireSignedIn(request);
      return presentOwnEligibility(await getOwnEligibility({ database: context.database, actor, termSlug: request.params.term, now: context.now() }));
    },
  );

  app.put(
    "/api/terms/:term/eligibility",
    {
      schema: {
        tags: ["eligibility"],
        summary: "Answer the term's eligibility questions (all of them); the answer says whether you may apply and why not",
        params: TermParams,
        body: EligibilityAnswersBody,
        response: { 200: Eligibility, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = requireWriter(request);
      const now = context.now();
      return presentOwnEligibility(
        await answerEligibilityQuestions({ database: context.database, actor, termSlug: request.params.term, body: request.body, now }),
      );
    },
  );
};
