import { z } from "zod";
import { MENTOR_CONFIRMATIONS, PROJECT_QUESTION_KINDS, PROJECT_QUESTION_SECTIONS, PROPOSAL_STATES, TIME_COMMITMENTS } from "../domain/proposal-states.ts";
import { GithubHandle } from "./account.ts";
import { Skill } from "./catalog.ts";
import { Instant } from "./instant.ts";
import { WebAddress } from "./organization.ts";
import { Slug } from "./slug.ts";
import { DisplayName, LineOf, MarkdownOf } from "./text.ts";

/** A prerequisite task or a question a project asks its applicants; the application form asks exactly these. */
export const ProposalQuestion = z
  .object({
    section: z.enum(PROJECT_QUESTION_SECTIONS).describe("`task`: a prerequisite task to do and link; `question`: a question to answer."),
    kind: z.enum(PROJECT_QUESTION_KINDS).describe("The answer it takes: free text, a URL, or one of `choices`."),
    prompt: LineOf(500).pipe(z.string().min(1, "must say what to do or answer")),
    choices: z
      .array(LineOf(200).pipe(z.string().min(1)))
      .max(20)
      .default([])
      .describe("The choices of a `choice` question (2 to 20); empty otherwise."),
    required: z.boolean(),
  })
  .meta({ id: "ProposalQuestion" });
/** A task or question for applicants. */
export type ProposalQuestion = z.infer<typeof ProposalQuestion>;

/**
 * What a maintainer writes in a proposal. A draft may be incomplete (it autosaves as they type);
 * submitting checks that the title, description, expected outcome, a skill and a mentor are there.
 */
export const ProposalFields = z.object({
  title: LineOf(120),
  description: MarkdownOf(20_000),
  expectedOutcome: MarkdownOf(5_000),
  skills: z
    .array(LineOf(80).pipe(z.string().min(1)))
    .max(20)
    .describe("Recommended skills in the maintainer's own words; each is matched to a skill tag."),
  mentors: z
    .array(LineOf(254).pipe(z.string().min(1)))
    .max(6)
    .describe("Each mentor by email address or GitHub handle (@name): existing people are matched, others invited by email."),
  upstreamIssues: z.array(WebAddress).max(20),
  slotsRequested: z.number().int().min(1).max(10),
  timeCommitment: z.enum(TIME_COMMITMENTS).nullable(),
  hoursPerWeek: z.number().int().min(1).max(60).nullable(),
  questions: z.array(ProposalQuestion).max(20),
});

/** A new proposal: the organization it is for and its first fields (the rest may follow as the draft autosaves). */
export const ProposalCreateBody = ProposalFields.partial()
  .extend({ organization: Slug, title: LineOf(120).pipe(z.string().min(1, "must not be empty")) })
  .meta({ id: "ProposalCreateBody" });
/** A new proposal. */
export type ProposalCreateBody = z.infer<typeof ProposalCreateBody>;

/**
 * Changes to a proposal: any of its fields. Before a decision they change the proposal; on an
 * accepted project the description, outcome, skills and mentors become a pending change that an
 * admin approves.
 */
export const ProposalUpdateBody = ProposalFields.partial().meta({ id: "ProposalUpdateBody" });
/** Changes to a proposal. */
export type ProposalUpdateBody = z.infer<typeof ProposalUpdateBody>;

/** A named mentor and their answer. */
export const ProposalMentor = z
  .object({
    personId: z.number().int(),
    name: z.string(),
    githubHandle: z.string().nullable(),
    namedAs: z.string().nullable().describe("The email or handle the maintainer named them by."),
    confirmation: z.enum(MENTOR_CONFIRMATIONS),
    askedAt: Instant.nullable().describe("When the last confirmation email was sent; null before the proposal was submitted."),
    answeredAt: Instant.nullable(),
  })
  .meta({ id: "ProposalMentor" });
/** A named mentor. */
export type ProposalMentor = z.infer<typeof ProposalMentor>;

/** An accepted project's edit that waits for an admin: the fields it changes, each before and after. */
export const ProposalChange = z
  .object({
    proposedAt: Instant,
    description: z.object({ before: z.string(), after: z.string() }).nullable(),
    expectedOutcome: z.object({ before: z.string(), after: z.string() }).nullable(),
    skills: z.object({ before: z.array(z.string()), after: z.array(z.string()) }).nullable(),
    mentors: z.object({ before: z.array(z.string()), after: z.array(z.string()) }).nullable(),
  })
  .meta({ id: "ProposalChange" });
/** A pending change. */
export type ProposalChange = z.infer<typeof ProposalChange>;

/** What the caller may do with a proposal now, so the UI offers only those buttons (the server checks again). */
export const ProposalAbilities = z
  .object({
    edit: z.boolean(),
    submit: z.boolean(),
    withdraw: z.boolean(),
    decide: z.boolean().describe("Accept, reject, request changes, approve a pending change: the program's admins."),
    answerAsMentor: z.boolean().describe("The caller is a named mentor who has not answered yet."),
  })
  .meta({ id: "ProposalAbilities" });
/** What the caller may do. */
export type ProposalAbilities = z.infer<typeof ProposalAbilities>;

/** A proposal as its maintainers, its named mentors and the program's admins see it. */
export const Proposal = z
  .object({
    slug: z.string().describe("The project's slug; it stays the same from the first draft on."),
    term: z.object({ slug: z.string(), title: z.string(), timeZone: z.string() }),
    programSlug: z.string(),
    organization: z.object({ slug: z.string(), name: z.string() }),
    state: z.enum(PROPOSAL_STATES),
    title: z.string(),
    description: z.string(),
    descriptionHtml: z.string(),
    expectedOutcome: z.string(),
    expectedOutcomeHtml: z.string(),
    summary: z.string(),
    skills: z.array(Skill.extend({ originalText: z.string() })),
    mentors: z.array(ProposalMentor),
    upstreamIssues: z.array(z.string()),
    slotsRequested: z.number().int(),
    slots: z.number().int().describe("Slots accepted; meaningful once accepted."),
    timeCommitment: z.enum(TIME_COMMITMENTS).nullable(),
    hoursPerWeek: z.number().int().nullable(),
    questions: z.array(ProposalQuestion),
    reviewComment: z.string().nullable().describe("The admin's comment when asking for changes."),
    rejectionReason: z.string().nullable(),
    pendingChange: ProposalChange.nullable(),
    proposedBy: z.string().nullable().describe("The name of the maintainer who created it."),
    submittedAt: Instant.nullable(),
    decidedAt: Instant.nullable(),
    updatedAt: Instant,
    abilities: ProposalAbilities,
  })
  .meta({ id: "Proposal" });
/** A proposal. */
export type Proposal = z.infer<typeof Proposal>;

/** A proposal in a list (a home page, the admin's board). */
export const ProposalSummary = z
  .object({
    slug: z.string(),
    termSlug: z.string(),
    termTitle: z.string(),
    organization: z.object({ slug: z.string(), name: z.string() }),
    title: z.string(),
    state: z.enum(PROPOSAL_STATES),
    slotsRequested: z.number().int(),
    slots: z.number().int(),
    mentors: z.object({ confirmed: z.number().int(), pending: z.number().int(), declined: z.number().int() }),
    hasPendingChange: z.boolean(),
    submittedAt: Instant.nullable(),
    updatedAt: Instant,
  })
  .meta({ id: "ProposalSummary" });
/** A proposal in a list. */
export type ProposalSummary = z.infer<typeof ProposalSummary>;

/** A named mentor's answer, in the UI or through the emailed link. */
export const MentorAnswerBody = z.object({ answer: z.enum(["confirm", "decline"]) }).meta({ id: "MentorAnswerBody" });
/** A mentor's answer. */
export type MentorAnswerBody = z.infer<typeof MentorAnswerBody>;

/** The emailed link's token, with the answer when there is one. */
export const MentorTokenBody = z
  .object({
    token: z.string().min(1).max(200),
    answer: z.enum(["confirm", "decline"]).optional(),
    name: DisplayName.trim()
      .min(1)
      .max(100)
      .optional()
      .describe("The mentor's name as the project's page will show it; needed to confirm when Cohort knows none (`needsName`)."),
    githubHandle: GithubHandle.optional().describe("The mentor's GitHub user name, shown beside their name; kept only when Cohort knows none yet."),
  })
  .meta({ id: "MentorTokenBody" });
/** A confirmation link's token. */
export type MentorTokenBody = z.infer<typeof MentorTokenBody>;

/** What a confirmation link is about, for the page it opens. */
export const MentorConfirmationResponse = z
  .object({
    proposal: z.object({ slug: z.string(), title: z.string(), summary: z.string(), organizationName: z.string(), termTitle: z.string() }),
    mentorName: z.string().describe("Empty while Cohort knows no name for the mentor."),
    needsName: z.boolean().describe("Cohort knows no name for the mentor yet: confirming asks for one, since a confirmed mentor is shown by name."),
    githubHandle: z.string().nullable(),
    namedBy: z.string().nullable(),
    confirmation: z.enum(MENTOR_CONFIRMATIONS),
  })
  .meta({ id: "MentorConfirmationResponse" });
/** What a confirmation link is about. */
export type MentorConfirmationResponse = z.infer<typeof MentorConfirmationResponse>;

/** `POST …/accept`: the slots the project gets. */
export const AcceptProposalBody = z.object({ slots: z.number().int().min(1).max(10) }).meta({ id: "AcceptProposalBody" });
/** Accepting with slots. */
export type AcceptProposalBody = z.infer<typeof AcceptProposalBody>;

/** `POST …/reject`: the reason the maintainer reads. */
export const RejectProposalBody = z
  .object({ reason: MarkdownOf(2_000).pipe(z.string().trim().min(1, "must give the reason")) })
  .meta({ id: "RejectProposalBody" });
/** Rejecting with a reason. */
export type RejectProposalBody = z.infer<typeof RejectProposalBody>;

/** `POST …/request-changes`: what the maintainer should change. */
export const RequestChangesBody = z
  .object({ comment: MarkdownOf(2_000).pipe(z.string().trim().min(1, "must say what to change")) })
  .meta({ id: "RequestChangesBody" });
/** Asking for changes. */
export type RequestChangesBody = z.infer<typeof RequestChangesBody>;

/** Bulk accept: proposals by slug, each with its slots. */
export const BulkAcceptBody = z
  .object({
    proposals: z
      .array(z.object({ slug: Slug, slots: z.number().int().min(1).max(10) }))
      .min(1)
      .max(500),
  })
  .meta({ id: "BulkAcceptBody" });
/** Bulk accept. */
export type BulkAcceptBody = z.infer<typeof BulkAcceptBody>;

/** One proposal's result in a bulk decision: accepted, or why not. */
export const BulkResult = z
  .object({ slug: z.string(), ok: z.boolean(), code: z.string().nullable(), message: z.string().nullable() })
  .meta({ id: "BulkResult" });

/** The answer of a bulk accept: a result per proposal. */
export const BulkAcceptResponse = z.object({ results: z.array(BulkResult) }).meta({ id: "BulkAcceptResponse" });
/** Results of a bulk accept. */
export type BulkAcceptResponse = z.infer<typeof BulkAcceptResponse>;

/** The admin's board of a term's proposals. */
export const ProposalBoardResponse = z
  .object({
    term: z.object({ slug: z.string(), title: z.string(), timeZone: z.string(), published: z.boolean() }),
    items: z.array(ProposalSummary),
    organizations: z.array(
      z.object({
        slug: z.string(),
        name: z.string(),
        counted: z.number().int().describe("Proposals that count towards the quota (submitted, changes requested, accepted)."),
        quota: z.number().int().nullable(),
      }),
    ),
    slots: z.object({ accepted: z.number().int(), budget: z.number().int().nullable() }),
    states: z.record(z.enum(PROPOSAL_STATES), z.number().int()),
  })
  .meta({ id: "ProposalBoard" });
/** A term's proposal board. */
export type ProposalBoardResponse = z.infer<typeof ProposalBoardResponse>;

/** A maintainer's and a mentor's proposals, for their home pages. */
export const MyProposalsResponse = z
  .object({
    maintained: z.array(ProposalSummary.extend({ nextStep: z.string(), deadline: Instant.nullable() })),
    awaitingMyAnswer: z.array(ProposalSummary),
  })
  .meta({ id: "MyProposals" });
/** My proposals. */
export type MyProposalsResponse = z.infer<typeof MyProposalsResponse>;

/** `GET /api/skills?q=`: existing skill tags matching what was typed, for the proposal form's tag input. */
export const SkillSuggestionsResponse = z
  .object({ items: z.array(Skill).max(10).describe("At most 10 tags: those starting with the words first, then those containing them.") })
  .meta({ id: "SkillSuggestions" });
/** Skill suggestions. */
export type SkillSuggestionsResponse = z.infer<typeof SkillSuggestionsResponse>;
