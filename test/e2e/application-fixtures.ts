import { randomUUID } from "node:crypto";
import type { APIRequestContext, BrowserContext } from "playwright-core";
import { expect } from "vitest";
import { copyEligibilityQuestions } from "../../src/commands/eligibility/copy-eligibility-questions.ts";
import type { Application, ApplicationBody, MyApplicationsResponse } from "../../src/schemas/application.ts";
import type { EligibilityQuestionsBody } from "../../src/schemas/eligibility.ts";
import type { ProposalCreateBody } from "../../src/schemas/proposal.ts";
import { listOutbox } from "../../src/storage/repos/outbox-repo.ts";
import { findProgramBySlug } from "../../src/storage/repos/program-repo.ts";
import { findTermBySlug } from "../../src/storage/repos/term-repo.ts";
import { OPEN_TERM, type WebServer } from "../helpers/web-server.ts";
import type { SignedInState } from "./account-fixtures.ts";
import { PASSWORD, signInAsNewAdmin, signUpThroughApi } from "./accounts.ts";
import type { WebApp } from "./support.ts";

/** The program's eligibility questions in the tests: one that disqualifies by a "no", one by a choice. */
export const ELIGIBILITY_QUESTIONS: EligibilityQuestionsBody["questions"] = [
  {
    kind: "yes_no",
    prompt: "I am 18 or older",
    choices: [],
    disqualifyingAnswers: ["no"],
    disqualifyingReason: "Mentees must be adults where they live.",
  },
  {
    kind: "choice",
    prompt: "Have you been a mentee of this program before?",
    choices: ["No, never", "Yes, in an earlier term"],
    disqualifyingAnswers: ["Yes, in an earlier term"],
    disqualifyingReason: "The program takes each mentee once.",
  },
];

/** The title of the accepted project the fixtures make, whose form asks a task and a question. */
export const PROJECT_WITH_QUESTIONS = "Harbor replication dashboards";

/** The headers that carry a session's CSRF token. */
export async function csrfHeaders(request: APIRequestContext, server: WebServer): Promise<Record<string, string>> {
  const me = (await (await request.get(`${server.url}/api/me`)).json()) as { csrfToken: string };
  return { "x-csrf-token": me.csrfToken };
}

async function tokenIn(server: WebServer, email: string, path: string): Promise<string> {
  const { items } = await listOutbox(server.database.db, { limit: 500, offset: 0 });
  const token = items
    .filter((item) => item.recipientEmail === email)
    .map((item) => item.bodyText.match(new RegExp(`${path}#token=([\\w-]+)`))?.[1])
    .find(Boolean);
  if (!token) throw new Error(`no email to ${email} with a ${path} link in the outbox`);
  return token;
}

/** The slug of the open term's project with this title, from the public catalog. */
export async function projectSlug(server: WebServer, title: string): Promise<string> {
  const response = await fetch(`${server.url}/api/terms/${OPEN_TERM.term}/projects?q=${encodeURIComponent(title)}&limit=20`);
  const body = (await response.json()) as { items: Array<{ slug: string; title: string }> };
  const slug = body.items.find((item) => item.title === title)?.slug;
  if (!slug) throw new Error(`no project "${title}" in ${OPEN_TERM.term}`);
  return slug;
}

/**
 * Readies the open term for applications, as its program's admin would: eligibility questions
 * (set on the program through the API and copied into the term, as a new term gets them), the
 * program's limit of applications, and one more accepted project whose form asks a prerequisite
 * task and a question. The fixture term's projects, imported from a term page, ask nothing.
 */
export async function prepareApplicationTerm(app: WebApp, admin: BrowserContext, options: { applicationLimit?: number } = {}): Promise<void> {
  const server = app.server();
  await signInAsNewAdmin(server, admin, { name: "Pia Admin", email: "pia@example.org", password: PASSWORD }, OPEN_TERM.program);
  const headers = await csrfHeaders(admin.request, server);
  const questions = await admin.request.put(`${server.url}/api/programs/${OPEN_TERM.program}/eligibility-questions`, {
    headers,
    data: { questions: ELIGIBILITY_QUESTIONS } satisfies EligibilityQuestionsBody,
  });
  expect(questions.status(), await questions.text()).toBe(200);
  const program = await findProgramBySlug(server.database.db, OPEN_TERM.program);
  const term = await findTermBySlug(server.database.db, OPEN_TERM.term);
  if (!program || !term) throw new Error("the open term is not seeded");
  await copyEligibilityQuestions(server.database.db, { programId: program.id, termId: term.id });

  if (options.applicationLimit !== undefined) {
    const settings = await admin.request.patch(`${server.url}/api/programs/${OPEN_TERM.program}/settings`, {
      headers,
      data: { applicationLimit: options.applicationLimit },
    });
    expect(settings.status(), await settings.text()).toBe(200);
  }

  const proposal: ProposalCreateBody = {
    organization: "harbor",
    title: PROJECT_WITH_QUESTIONS,
    description: "Harbor replicates images between registries.\n\nThis project shows each **replication** job's progress on a dashboard.",
    expectedOutcome: "- A replication dashboard\n- Tests and docs, merged upstream",
    skills: ["Go", "TypeScript"],
    mentors: ["cara@example.org"],
    upstreamIssues: ["https://github.com/goharbor/harbor/issues/202"],
    slotsRequested: 1,
    timeCommitment: "part_time",
    hoursPerWeek: 20,
    questions: [
      { section: "task", kind: "url", prompt: "Fix a good first issue and link the pull request", choices: [], required: true },
      {
        section: "question",
        kind: "choice",
        prompt: "Which time zone are you in?",
        choices: ["Americas", "Europe and Africa", "Asia and Oceania"],
        required: true,
      },
    ],
  };
  const created = await admin.request.post(`${server.url}/api/terms/${OPEN_TERM.term}/proposals`, { headers, data: proposal });
  expect(created.status(), await created.text()).toBe(201);
  const { slug } = (await created.json()) as { slug: string };
  const post = async (path: string, data?: unknown) => {
    const response = await admin.request.post(`${server.url}${path}`, { headers, ...(data ? { data } : {}) });
    expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  };
  await post(`/api/proposals/${slug}/submit`);
  await post("/api/mentor-confirmations/answer", {
    token: await tokenIn(server, "cara@example.org", "/mentor-confirmations"),
    answer: "confirm",
    name: "Cara Mentor",
  });
  await post(`/api/proposals/${slug}/accept`, { slots: 1 });
}

/** An applicant's API calls with their session, for fixtures: answer the eligibility questions, save, submit and withdraw. */
export function applicantApi(server: WebServer, context: BrowserContext) {
  const send = async <T>(method: "put" | "post", path: string, data: unknown, extra: Record<string, string> = {}): Promise<T> => {
    const headers = { ...(await csrfHeaders(context.request, server)), ...extra };
    const response = await context.request[method](`${server.url}${path}`, { headers, data });
    expect(response.ok(), `${method.toUpperCase()} ${path}: ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  };
  return {
    /** Answers the term's questions: `eligible` false answers the first one "no". */
    async answerEligibility(eligible: boolean): Promise<void> {
      const term = (await (await context.request.get(`${server.url}/api/terms/${OPEN_TERM.term}/eligibility`)).json()) as {
        questions: Array<{ id: number; prompt: string }>;
      };
      const answers = term.questions.map((question) => ({
        questionId: question.id,
        answer: question.prompt.startsWith("I am 18") ? (eligible ? "yes" : "no") : "No, never",
      }));
      await send("put", `/api/terms/${OPEN_TERM.term}/eligibility`, { answers });
    },
    saveDraft: (project: string, body: ApplicationBody) => send<Application>("put", `/api/projects/${project}/application`, body),
    submit: (project: string, body: ApplicationBody) =>
      send<Application>("post", `/api/projects/${project}/application/submit`, body, { "idempotency-key": randomUUID() }),
    withdraw: (id: number) => send<Application>("post", `/api/applications/${id}/withdraw`, {}),
    async mine(): Promise<MyApplicationsResponse> {
      return (await (await context.request.get(`${server.url}/api/me/applications`)).json()) as MyApplicationsResponse;
    },
  };
}

/** What the application pages need to show something: applicants in each situation and their applications. */
export interface ApplicationFixtures {
  /** Eligible, with a draft to Harbor CLI, a submitted application with answers, and a withdrawn one. */
  applicant: SignedInState;
  /** Signed up, nothing answered: the eligibility questions come first. */
  newcomer: SignedInState;
  /** Answered that they are not 18: the verdict says why they cannot apply. */
  disqualified: SignedInState;
  harborCli: string;
  withQuestions: string;
  jaeger: string;
  submitted: number;
}

/** A cover letter as an applicant writes it, with Markdown. */
export const COVER_LETTER =
  "I have used **Harbor** at work for two years and fixed two bugs in its replication code.\n\n- Go and TypeScript\n- I can give 20 hours a week";

/** Makes the fixtures through the API: the term made ready, three applicants, and the applications of one. */
export async function prepareApplicationFixtures(app: WebApp): Promise<ApplicationFixtures> {
  const server = app.server();
  await prepareApplicationTerm(app, (await app.newPage()).context);
  const [harborCli, withQuestions, jaeger] = await Promise.all([
    projectSlug(server, "Harbor CLI"),
    projectSlug(server, PROJECT_WITH_QUESTIONS),
    projectSlug(server, "Jaeger-V2 Observability and Healthchecks"),
  ]);

  const applicant = (await app.newPage()).context;
  await signUpThroughApi(server, applicant, { name: "Ana Applicant", email: "ana@example.org", password: PASSWORD });
  const ana = applicantApi(server, applicant);
  await ana.answerEligibility(true);
  await ana.saveDraft(harborCli, { coverLetter: "A first paragraph, to finish later.", answers: [], links: [] });
  const form = (await (await applicant.request.get(`${server.url}/api/projects/${withQuestions}/application`)).json()) as {
    questions: Array<{ id: number; kind: string }>;
  };
  const submitted = await ana.submit(withQuestions, {
    coverLetter: COVER_LETTER,
    answers: form.questions.map((question) => ({
      questionId: question.id,
      answer: question.kind === "url" ? "https://github.com/goharbor/harbor/pull/9001" : "Europe and Africa",
    })),
    links: ["https://github.com/ana-applicant"],
  });
  const withdrawn = await ana.submit(jaeger, { coverLetter: COVER_LETTER, answers: [], links: [] });
  await ana.withdraw(withdrawn.id);

  const newcomer = (await app.newPage()).context;
  await signUpThroughApi(server, newcomer, { name: "Nia Newcomer", email: "nia@example.org", password: PASSWORD });
  const disqualified = (await app.newPage()).context;
  await signUpThroughApi(server, disqualified, { name: "Dov Young", email: "dov@example.org", password: PASSWORD });
  await applicantApi(server, disqualified).answerEligibility(false);

  return {
    applicant: await applicant.storageState(),
    newcomer: await newcomer.storageState(),
    disqualified: await disqualified.storageState(),
    harborCli,
    withQuestions,
    jaeger,
    submitted: submitted.id,
  };
}
