import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type { ApplicationState, EligibilityQuestionKind } from "../domain/application-states.ts";
import type { EvaluationOutcome } from "../domain/evaluations.ts";
import type { InstallmentState } from "../domain/installments.ts";
import type { MentorshipState, OfferSource } from "../domain/offers.ts";
import type { OutboxState } from "../domain/outbox-states.ts";
import type { PhaseKind } from "../domain/phases.ts";
import type { ProjectState } from "../domain/project-states.ts";
import type {
  MentorConfirmation,
  ProjectQuestionKind,
  ProjectQuestionSection,
  ProposalStage,
  ProposalState,
  TimeCommitment,
} from "../domain/proposal-states.ts";
import type { ReviewMark, SelectionOverrideKind, SelectionRunState } from "../domain/review-marks.ts";
import type { GrantedRole, Role } from "../domain/roles.ts";
import type { ScheduledJobState } from "../domain/scheduled-jobs.ts";
import type { SelectionResult } from "../domain/selection.ts";
import type { EvaluationKind, StipendPolicy } from "../domain/stipends.ts";
import type { Funnel } from "../domain/term-report.ts";
import type { TermTimeline } from "../domain/timeline.ts";
import type { MentorshipRecord } from "./repos/mentorship-repo.ts";

/** An instant stored in UTC; read back as an ISO 8601 string on every engine. */
export type Instant = string;
/** An integer 0 or 1: booleans are stored the same way on SQLite and PostgreSQL. */
export type Flag = 0 | 1;

/** The `programs` table. */
export interface ProgramTable {
  id: Generated<number>;
  slug: string;
  name: string;
  timeZone: string;
  applicationLimit: number;
  stipendPolicy: string;
  /** How many proposals an organization may submit per term; null when there is no limit. */
  projectQuota: ColumnType<number | null, number | null | undefined, number | null>;
  /** The number of funded mentorships a new term starts with; null when the program sets none. */
  slotBudget: ColumnType<number | null, number | null | undefined, number | null>;
  /** How long an applicant has to answer an offer. */
  offerResponseHours: ColumnType<number, number | undefined, number>;
  /** JSON array of the questions every evaluation answers, in order. */
  evaluationQuestions: ColumnType<string, string | undefined, string>;
  createdAt: Instant;
  updatedAt: Instant;
}

/** The `terms` table. */
export interface TermTable {
  id: Generated<number>;
  programId: number;
  slug: string;
  title: string;
  timeZone: string;
  lengthText: string | null;
  lengthWeeks: number | null;
  statusText: string | null;
  /** Markdown between the title block and the timeline, as the term page has it. */
  intro: string | null;
  /** JSON array of {heading, text}: the prose sections of the term page (instructions). */
  sections: ColumnType<string, string | undefined, string>;
  /** Goes up by one with every change to the term or its projects; read caches key on it. */
  revision: ColumnType<number, number | undefined, number>;
  /** When an admin published the term; null while it is a draft, which only its admins see. */
  publishedAt: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  /** The number of funded mentorships of the term; null when none is set. */
  slotBudget: ColumnType<number | null, number | null | undefined, number | null>;
  createdAt: Instant;
  updatedAt: Instant;
}

/** The `timeline_phases` table: one row per line of a term's timeline, with its original wording. */
export interface TimelinePhaseTable {
  id: Generated<number>;
  termId: number;
  position: number;
  kind: PhaseKind | null;
  activity: string;
  text: string;
  startsAt: Instant | null;
  endsAt: Instant | null;
}

/** The `organizations` table: a project of the foundation (Harbor, Jaeger, ...). */
export interface OrganizationTable {
  id: Generated<number>;
  programId: number;
  slug: string;
  name: string;
  intro: string | null;
  website: ColumnType<string | null, string | null | undefined, string | null>;
  repositoryUrl: ColumnType<string | null, string | null | undefined, string | null>;
  /** One or two sentences on what the organization makes. */
  description: ColumnType<string | null, string | null | undefined, string | null>;
  /** Overrides the program's project quota for this organization; null to follow the program. */
  projectQuota: ColumnType<number | null, number | null | undefined, number | null>;
  createdAt: Instant;
}

/** The `people` table. */
export interface PersonTable {
  id: Generated<number>;
  name: string;
  githubHandle: string | null;
  email: string | null;
  /**
   * Retired: the profile's "show my email" switch, which nothing reads since project pages show the
   * address each term page gives. Nothing writes it any more (new rows take its default, 0); the
   * column is kept because dropping it takes a migration on both engines.
   */
  emailPublic: ColumnType<Flag, Flag | undefined, never>;
  timeZone: string | null;
  country: string | null;
  /** scrypt hash of the password (see src/security/passwords.ts); null for people who never signed up. */
  passwordHash: ColumnType<string | null, string | null | undefined, string | null>;
  emailVerifiedAt: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  /** JSON array of skill tags the person lists on their profile. */
  skills: ColumnType<string, string | undefined, string>;
  pronouns: ColumnType<string | null, string | null | undefined, string | null>;
  /** An http(s) address of the applicant's portfolio: a personal site, a GitHub profile. */
  portfolioUrl: ColumnType<string | null, string | null | undefined, string | null>;
  /** An http(s) address of the applicant's CV. */
  cvUrl: ColumnType<string | null, string | null | undefined, string | null>;
  createdAt: Instant;
  updatedAt: Instant;
}

/** The `sessions` table: one signed-in browser; the cookie holds the secret, the table its hash. */
export interface SessionTable {
  idHash: string;
  personId: number;
  csrfToken: string;
  userAgent: string | null;
  createdAt: Instant;
  lastSeenAt: Instant;
  expiresAt: Instant;
}

/** Scopes of a personal API token. */
export const TOKEN_SCOPES = ["read", "write"] as const;
/** One API token scope. */
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** The `api_tokens` table: personal tokens for scripts and the CLI, stored hashed. */
export interface ApiTokenTable {
  id: Generated<number>;
  personId: number;
  name: string;
  tokenPrefix: string;
  tokenHash: string;
  scope: TokenScope;
  createdAt: Instant;
  lastUsedAt: Instant | null;
  revokedAt: Instant | null;
}

/** What a single-use account token is for. */
export type AccountTokenPurpose = "verify_email" | "reset_password";

/** The `account_tokens` table: single-use, expiring tokens sent by email. */
export interface AccountTokenTable {
  id: Generated<number>;
  personId: number;
  purpose: AccountTokenPurpose;
  tokenHash: string;
  createdAt: Instant;
  expiresAt: Instant;
  usedAt: Instant | null;
}

/** The `role_grants` table. */
export interface RoleGrantTable {
  id: Generated<number>;
  personId: number;
  role: GrantedRole;
  programId: number;
  organizationId: number | null;
  grantedByPersonId: number | null;
  createdAt: Instant;
}

/** The `invitations` table: an emailed offer of a role, accepted once. */
export interface InvitationTable {
  id: Generated<number>;
  email: string;
  role: Role;
  programId: number;
  organizationId: number | null;
  projectId: number | null;
  invitedByPersonId: number | null;
  tokenHash: string;
  createdAt: Instant;
  expiresAt: Instant;
  acceptedAt: Instant | null;
  acceptedByPersonId: number | null;
}

/** The `identities` table: a person's account at an external identity provider. */
export interface IdentityTable {
  provider: string;
  subject: string;
  personId: number;
  createdAt: Instant;
}

/** The `oidc_logins` table: a sign-in sent to the OpenID Connect provider, awaiting its answer. */
export interface OidcLoginTable {
  /** SHA-256 of the `state` parameter, which the browser's cookie holds too. */
  stateHash: string;
  /** The issuer the login was sent to. */
  provider: string;
  nonce: string;
  codeVerifier: string;
  /** The local path to land on after signing in. */
  returnTo: string;
  createdAt: Instant;
  expiresAt: Instant;
}

/** The `projects` table. */
export interface ProjectTable {
  id: Generated<number>;
  termId: number;
  organizationId: number;
  slug: string;
  title: string;
  /** Sub-group inside the organization (e.g. "SIG Storage"), when the page has one. */
  groupName: string | null;
  intro: string | null;
  description: string;
  expectedOutcome: string;
  /** The description as sanitized HTML, rendered when the project is written. */
  descriptionHtml: string;
  /** The expected outcome as sanitized HTML, rendered when the project is written. */
  expectedOutcomeHtml: string;
  /** The start of the description as plain text, for a catalog card. */
  summary: string;
  skillsText: string;
  externalUrl: string | null;
  /** JSON array of lines of the mentor field that name no mentor. */
  mentorNotes: ColumnType<string, string | undefined, string>;
  /** JSON array of {label, text}: fields the canonical format has no slot for. */
  extraFields: ColumnType<string, string | undefined, string>;
  /** The project's fate: "proposed" until an admin decides; `proposalStage` says where an undecided one stands. */
  state: ProjectState;
  proposalStage: ColumnType<ProposalStage, ProposalStage | undefined, ProposalStage>;
  /** Slots accepted by the admin (the mentees the project takes). */
  slots: ColumnType<number, number | undefined, number>;
  /** Slots the maintainer asked for. */
  slotsRequested: ColumnType<number, number | undefined, number>;
  timeCommitment: ColumnType<TimeCommitment | null, TimeCommitment | null | undefined, TimeCommitment | null>;
  hoursPerWeek: ColumnType<number | null, number | null | undefined, number | null>;
  /** The admin's comment when asking for changes. */
  reviewComment: ColumnType<string | null, string | null | undefined, string | null>;
  /** The admin's reason for rejecting, which the maintainer sees. */
  rejectionReason: ColumnType<string | null, string | null | undefined, string | null>;
  /** JSON of an accepted project's edit awaiting an admin's approval; null when there is none. */
  pendingChange: ColumnType<string | null, string | null | undefined, string | null>;
  pendingChangeAt: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  submittedAt: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  decidedAt: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  proposedByPersonId: ColumnType<number | null, number | null | undefined, number | null>;
  /** A mentor's soft cap: no new applications once this many are submitted; null for none. */
  applicationCap: ColumnType<number | null, number | null | undefined, number | null>;
  sourceLine: number | null;
  createdAt: Instant;
  updatedAt: Instant;
}

/** The `project_questions` table: the prerequisite tasks and questions a project asks its applicants. */
export interface ProjectQuestionTable {
  id: Generated<number>;
  projectId: number;
  position: number;
  section: ProjectQuestionSection;
  kind: ProjectQuestionKind;
  prompt: string;
  /** JSON array of the choices of a `choice` question. */
  choices: ColumnType<string, string | undefined, string>;
  required: ColumnType<Flag, Flag | undefined, Flag>;
}

/** The `project_mentors` table. */
export interface ProjectMentorTable {
  projectId: number;
  personId: number;
  position: number;
  /** The name the project's own term page gave this mentor; null when it gave none or is unknown. */
  contactName: ColumnType<string | null, string | null | undefined, string | null>;
  /** The address the project's own term page published for this mentor; the only one the project shows. */
  contactEmail: ColumnType<string | null, string | null | undefined, string | null>;
  /** The mentor's answer; only confirmed mentors are shown publicly. */
  confirmation: ColumnType<MentorConfirmation, MentorConfirmation | undefined, MentorConfirmation>;
  /** The email or GitHub handle the maintainer named the mentor by, as typed. */
  namedAs: ColumnType<string | null, string | null | undefined, string | null>;
  /** SHA-256 of the secret of the emailed confirmation link; a newer ask replaces it, and it keeps working after an answer so the mentor can change it. */
  confirmTokenHash: ColumnType<string | null, string | null | undefined, string | null>;
  askedAt: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  answeredAt: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
}

/** The `skills` table: one normalized tag each ("go" for Golang and Go). */
export interface SkillTable {
  id: Generated<number>;
  tag: string;
  label: string;
}

/** The `project_skills` table, keeping each skill's original wording. */
export interface ProjectSkillTable {
  projectId: number;
  skillId: number;
  position: number;
  originalText: string;
}

/** The `upstream_links` table: a project's upstream issues. */
export interface UpstreamLinkTable {
  id: Generated<number>;
  projectId: number;
  position: number;
  url: string;
}

/** The `audit_events` table: who did what to which object, when, with the change. */
export interface AuditEventTable {
  id: Generated<number>;
  programId: number | null;
  actorPersonId: number | null;
  actorLabel: string;
  action: string;
  objectType: string;
  objectId: string;
  changes: string;
  occurredAt: Instant;
}

/** The `outbox` table: notifications written with the change that caused them. */
export interface OutboxTable {
  id: Generated<number>;
  dedupeKey: string;
  channel: "email" | "in_app";
  recipientPersonId: number | null;
  recipientEmail: string | null;
  subject: string;
  bodyText: string;
  bodyHtml: string | null;
  state: ColumnType<OutboxState, OutboxState | undefined, OutboxState>;
  attempts: ColumnType<number, number | undefined, number>;
  nextAttemptAt: Instant;
  lastError: string | null;
  createdAt: Instant;
  sentAt: Instant | null;
  /** While `sending`: when the worker's claim runs out and another worker may take the message over. */
  lockedUntil: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  /** The program whose business the message is about; null for account emails, which no admin may read. */
  programId: ColumnType<number | null, number | null | undefined, number | null>;
  /** The Message-ID header, fixed before the first send so that every attempt carries the same one. */
  messageId: ColumnType<string | null, string | null | undefined, string | null>;
}

/** The `scheduled_jobs` table: work due at an instant, one row per key, claimed like the outbox. */
export interface ScheduledJobTable {
  id: Generated<number>;
  /** Names the handler that runs the job (`sessions.purge-expired`). */
  kind: string;
  /** Names the job once and for all: scheduling the same key again keeps one job. */
  key: string;
  dueAt: Instant;
  /** JSON text, checked by the kind's schema when the job runs. */
  payload: string;
  state: ColumnType<ScheduledJobState, ScheduledJobState | undefined, ScheduledJobState>;
  /** Claims so far, the one running now included. */
  attempts: ColumnType<number, number | undefined, number>;
  /** While `running`: when the worker's claim runs out and another worker may take the job over. */
  leaseUntil: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  lastError: ColumnType<string | null, string | null | undefined, string | null>;
  createdAt: Instant;
  updatedAt: Instant;
  /** When the job's effect last committed. */
  doneAt: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
}

/** An eligibility question of a program (`program_eligibility_questions`), copied into each term (`term_eligibility_questions`). */
interface EligibilityQuestionColumns {
  id: Generated<number>;
  position: number;
  kind: EligibilityQuestionKind;
  prompt: string;
  /** JSON array of the choices of a `choice` question; empty otherwise. */
  choices: ColumnType<string, string | undefined, string>;
  /** JSON array of the answers that disqualify ("no", some choices). */
  disqualifyingAnswers: ColumnType<string, string | undefined, string>;
  /** What a disqualified applicant is told. */
  disqualifyingReason: ColumnType<string | null, string | null | undefined, string | null>;
}

/** The `program_eligibility_questions` table: what a program asks every applicant, edited by admins. */
export interface ProgramEligibilityQuestionTable extends EligibilityQuestionColumns {
  programId: number;
}

/** The `term_eligibility_questions` table: the program's questions as a term asks them. */
export interface TermEligibilityQuestionTable extends EligibilityQuestionColumns {
  termId: number;
}

/** The `eligibility_answers` table: one applicant's answers for one term, and the verdict. */
export interface EligibilityAnswerTable {
  termId: number;
  personId: number;
  /** JSON object {questionId: answer}. */
  answers: string;
  eligible: Flag;
  /** JSON array of {questionId, prompt, answer, reason}, one per disqualifying answer. */
  disqualifications: ColumnType<string, string | undefined, string>;
  answeredAt: Instant;
  updatedAt: Instant;
}

/** The `applications` table: one applicant's application to one project. */
export interface ApplicationTable {
  id: Generated<number>;
  termId: number;
  projectId: number;
  personId: number;
  state: ColumnType<ApplicationState, ApplicationState | undefined, ApplicationState>;
  coverLetter: ColumnType<string, string | undefined, string>;
  /** The cover letter as sanitized HTML, rendered when it was written. */
  coverLetterHtml: ColumnType<string, string | undefined, string>;
  /** JSON array of {questionId, answer}. */
  answers: ColumnType<string, string | undefined, string>;
  /** JSON array of http(s) addresses. */
  links: ColumnType<string, string | undefined, string>;
  createdAt: Instant;
  updatedAt: Instant;
  /** When the server received the submission that counts. */
  submittedAt: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  withdrawnAt: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  /** The project's mentors' mark; null until they decide. */
  reviewMark: ColumnType<ReviewMark | null, ReviewMark | null | undefined, ReviewMark | null>;
  /** Its place in the project's ranked shortlist, from 1, while shortlisted. */
  shortlistRank: ColumnType<number | null, number | null | undefined, number | null>;
  markedAt: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  /** The applicant's own place for it among their applications, from 1; null keeps the order of submission. */
  applicantRank: ColumnType<number | null, number | null | undefined, number | null>;
  /** When it was offered, on the notifications instant or from the waitlist later. */
  offeredAt: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  offerSource: ColumnType<OfferSource | null, OfferSource | null | undefined, OfferSource | null>;
  /** The offer's response deadline: it lapses at this instant unless answered. */
  respondBy: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  /** When the applicant accepted or declined, or the offer lapsed. */
  answeredAt: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
}

/** The `application_scores` table: each mentor's score of an application, 1–5. */
export interface ApplicationScoreTable {
  applicationId: number;
  personId: number;
  score: number;
  updatedAt: Instant;
}

/** The `application_notes` table: the private notes mentors write on an application. */
export interface ApplicationNoteTable {
  id: Generated<number>;
  applicationId: number;
  personId: number;
  body: string;
  createdAt: Instant;
}

/** The `review_conflicts` table: a mentor's conflict of interest with an application, which hides it from them. */
export interface ReviewConflictTable {
  applicationId: number;
  personId: number;
  createdAt: Instant;
}

/** The `selection_overrides` table: an admin's pin or exclusion of an application before a run. */
export interface SelectionOverrideTable {
  applicationId: number;
  termId: number;
  kind: SelectionOverrideKind;
  personId: number | null;
  createdAt: Instant;
}

/** The `selection_runs` table: each run of the solver on a term. */
export interface SelectionRunTable {
  id: Generated<number>;
  termId: number;
  state: ColumnType<SelectionRunState, SelectionRunState | undefined, SelectionRunState>;
  personId: number | null;
  /** JSON of the run's conflicts, empty slots and applicants left without a mentorship. */
  findings: string;
  createdAt: Instant;
  publishedAt: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  /** When the outcome notices of a published run went out (and the applications changed state). */
  noticesSentAt: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
}

/** The `stipend_policies` table: a program's stipend policy, one per program. */
export interface StipendPolicyTable {
  programId: number;
  currency: string;
  /** In the currency's minor unit. */
  baseAmount: number;
  /** JSON array of {basisPoints, releasedBy}. */
  installments: string;
  updatedBy: number | null;
  updatedAt: Instant;
}

/** The `stipend_multipliers` table: a program's percentage of the base per country, in basis points. */
export interface StipendMultiplierTable {
  programId: number;
  country: string;
  basisPoints: number;
}

/** The `mentorships` table: an accepted offer, one per applicant and term. */
export interface MentorshipTable {
  id: Generated<number>;
  termId: number;
  projectId: number;
  personId: number;
  applicationId: number;
  state: ColumnType<MentorshipState, MentorshipState | undefined, MentorshipState>;
  createdAt: Instant;
  updatedAt: Instant;
  /** Weeks its dates move after `extendedAt`; 0 for none. */
  extensionWeeks: ColumnType<number, number | undefined, number>;
  extendedAt: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  extensionReason: ColumnType<string | null, string | null | undefined, string | null>;
  /** When its start came and its installments were created; null before. */
  begunAt: Nullable<Instant>;
  /** The mentors' initial work assignments, as Markdown and as rendered. */
  assignments: Nullable<string>;
  assignmentsHtml: Nullable<string>;
  assignmentsUpdatedAt: Nullable<Instant>;
  /** The mentee's final report: program feedback and a blog post link. */
  feedback: Nullable<string>;
  blogUrl: Nullable<string>;
  reportSubmittedAt: Nullable<Instant>;
  /** 1 when the mentee chose to be listed as an alumnus on the term's public page once completed. */
  listedAsAlumni: ColumnType<number, number | undefined, number>;
  endedAt: Nullable<Instant>;
  endReason: Nullable<string>;
  completedAt: Nullable<Instant>;
}

/** A nullable column that may be left out of an insert. */
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

/** The `rate_limit_counters` table: the hits of one rate-limit key in its current window. */
export interface RateLimitCounterTable {
  key: string;
  hits: number;
  windowEnds: Instant;
}

/** The `evaluations` table: the mentors' midterm or final evaluation of a mentorship, one of each. */
export interface EvaluationTable {
  id: Generated<number>;
  mentorshipId: number;
  kind: EvaluationKind;
  outcome: EvaluationOutcome;
  /** Comments the mentee reads. */
  toMentee: string;
  /** Comments for the program's admins alone. */
  toAdmins: string;
  /** JSON array of {question, answer}, the program's questions as they were asked. */
  answers: string;
  authorId: number | null;
  submittedAt: Instant;
}

/** The `installments` table: one stipend installment of a mentorship, with the instant of each move. */
export interface InstallmentTable {
  id: Generated<number>;
  mentorshipId: number;
  /** Its place among the mentorship's installments, from 1. */
  position: number;
  releasedBy: EvaluationKind;
  currency: string;
  /** What is paid, in minor units (less than `fullAmount` when paid pro rata). */
  amount: number;
  fullAmount: number;
  state: InstallmentState;
  createdAt: Instant;
  dueAt: Nullable<Instant>;
  approvedAt: Nullable<Instant>;
  approvedBy: Nullable<number>;
  exportedAt: Nullable<Instant>;
  exportBatch: Nullable<string>;
  paidAt: Nullable<Instant>;
  paymentReference: Nullable<string>;
  withheldAt: Nullable<Instant>;
  withheldReason: Nullable<string>;
  updatedAt: Instant;
}

/** The `selection_assignments` table: the mentorships a run proposes. */
export interface SelectionAssignmentTable {
  runId: number;
  applicationId: number;
  projectId: number;
  personId: number;
  projectRank: number | null;
  applicantChoice: number;
  pinned: ColumnType<number, number | undefined, number>;
}

/** The `idempotency_keys` table: the first answer to a request sent with an Idempotency-Key. */
export interface IdempotencyKeyTable {
  personId: number;
  key: string;
  /** SHA-256 of the operation and its body. */
  requestHash: string;
  statusCode: number;
  /** The first answer's JSON body. */
  response: string;
  createdAt: Instant;
}

/** The SQLite FTS5 index of projects (SQLite only; PostgreSQL keeps a tsvector column instead). */
export interface ProjectsFtsTable {
  rowid: number;
  title: string;
  skillsText: string;
  expectedOutcome: string;
  description: string;
}

/** Every table, as Kysely sees them (camelCase; snake_case in the database). */
export interface Database {
  programs: ProgramTable;
  terms: TermTable;
  timelinePhases: TimelinePhaseTable;
  organizations: OrganizationTable;
  people: PersonTable;
  projects: ProjectTable;
  projectMentors: ProjectMentorTable;
  projectQuestions: ProjectQuestionTable;
  skills: SkillTable;
  projectSkills: ProjectSkillTable;
  upstreamLinks: UpstreamLinkTable;
  auditEvents: AuditEventTable;
  outbox: OutboxTable;
  projectsFts: ProjectsFtsTable;
  sessions: SessionTable;
  apiTokens: ApiTokenTable;
  accountTokens: AccountTokenTable;
  roleGrants: RoleGrantTable;
  invitations: InvitationTable;
  identities: IdentityTable;
  oidcLogins: OidcLoginTable;
  scheduledJobs: ScheduledJobTable;
  programEligibilityQuestions: ProgramEligibilityQuestionTable;
  termEligibilityQuestions: TermEligibilityQuestionTable;
  eligibilityAnswers: EligibilityAnswerTable;
  applications: ApplicationTable;
  idempotencyKeys: IdempotencyKeyTable;
  applicationScores: ApplicationScoreTable;
  applicationNotes: ApplicationNoteTable;
  reviewConflicts: ReviewConflictTable;
  selectionOverrides: SelectionOverrideTable;
  selectionRuns: SelectionRunTable;
  selectionAssignments: SelectionAssignmentTable;
  mentorships: MentorshipTable;
  stipendPolicies: StipendPolicyTable;
  stipendMultipliers: StipendMultiplierTable;
  evaluations: EvaluationTable;
  installments: InstallmentTable;
  rateLimitCounters: RateLimitCounterTable;
}

/** An evaluation as read. */
export type EvaluationRow = Selectable<EvaluationTable>;
/** An installment as read. */
export type InstallmentRow = Selectable<InstallmentTable>;
/** A program row as read. */
export type ProgramRow = Selectable<ProgramTable>;
/** A term row as read. */
export type TermRow = Selectable<TermTable>;
/** A selection run row as read. */
export type SelectionRunRow = Selectable<SelectionRunTable>;
/** A timeline phase row as read. */
export type TimelinePhaseRow = Selectable<TimelinePhaseTable>;
/** A project row as read. */
export type ProjectRow = Selectable<ProjectTable>;
/** A person row as read. */
export type PersonRow = Selectable<PersonTable>;
/** An organization row as read. */
export type OrganizationRow = Selectable<OrganizationTable>;
/** An invitation row as read. */
export type InvitationRow = Selectable<InvitationTable>;
/** A personal API token row as read. */
export type ApiTokenRow = Selectable<ApiTokenTable>;
/** An audit event as read. */
export type AuditEventRow = Selectable<AuditEventTable>;
/** An outbox message as read. */
export type OutboxRow = Selectable<OutboxTable>;
/** A scheduled job as read. */
export type ScheduledJobRow = Selectable<ScheduledJobTable>;
/** An application as read. */
export type ApplicationRow = Selectable<ApplicationTable>;
/** A term's eligibility question as read. */
export type TermEligibilityQuestionRow = Selectable<TermEligibilityQuestionTable>;
/** A program's eligibility question as read. */
export type ProgramEligibilityQuestionRow = Selectable<ProgramEligibilityQuestionTable>;
/** One applicant's eligibility answers for a term, as read. */
export type EligibilityAnswerRow = Selectable<EligibilityAnswerTable>;
/** A new program. */
export type NewProgram = Insertable<ProgramTable>;
/** Changes to a program. */
export type ProgramUpdate = Updateable<ProgramTable>;

// Rows of reads that join several tables: the repos return them, commands pass them on and
// presenters shape them, so they live here, where presenters may import them.

/** A project card's row, before its skills and mentors are attached. */
export interface CatalogRow {
  id: number;
  slug: string;
  title: string;
  /** The start of the description as plain text, stored when the project was written. */
  summary: string;
  slots: number;
  organizationSlug: string;
  organizationName: string;
}

/** One facet value of the catalog with its count. */
export interface FacetCount {
  name: string;
  label: string;
  count: number;
}

/**
 * A mentor of a project as the project shows them: the person's own address is not read, so no
 * presenter can show one that this project's page did not publish.
 */
export interface ProjectMentor {
  personId: number;
  name: string;
  githubHandle: string | null;
  /** The name the project's own term page gave, if it gave one. */
  contactName: string | null;
  /** The address the project's own term page published, if it published one. */
  contactEmail: string | null;
}

/** What hangs off a project: its mentors, skills and upstream links, in order. */
export interface ProjectDetails {
  mentors: ProjectMentor[];
  skills: Array<{ tag: string; label: string; originalText: string }>;
  upstreamIssues: string[];
}

/** A project with its organization and everything a term page or a project page shows about it. */
export interface ProjectWithDetails extends ProjectRow, ProjectDetails {
  organizationSlug: string;
  organizationName: string;
  organizationIntro: string | null;
}

/** A role someone was granted, with the names of its program and organization. */
export interface GrantOfPerson {
  role: GrantedRole;
  programSlug: string;
  programName: string;
  organizationSlug: string | null;
  organizationName: string | null;
}

/** A project someone mentors, with its program and organization. */
export interface MentoredProject {
  projectSlug: string;
  projectTitle: string;
  programSlug: string;
  programName: string;
  organizationSlug: string;
  organizationName: string;
}

/** Someone's roles as their profile lists them: the grants and the projects they mentor. */
export interface RolesOfPerson {
  grants: GrantOfPerson[];
  mentored: MentoredProject[];
}

/** An invitation with what it is for, who sent it, and the delivery of its email from the outbox. */
export interface InvitationWithScope extends InvitationRow {
  programSlug: string;
  programName: string;
  organizationSlug: string | null;
  organizationName: string | null;
  projectSlug: string | null;
  projectTitle: string | null;
  termSlug: string | null;
  termTitle: string | null;
  /** Null when the inviter's person is gone (or the invitation came from the command line). */
  inviterName: string | null;
  /** Null when the outbox has no message for it. */
  emailState: OutboxState | null;
  emailLastError: string | null;
  emailSentAt: Instant | null;
}

/** A project of a program as admin forms offer it: with its term and organization. */
export interface ProjectOfProgram {
  slug: string;
  title: string;
  organizationId: number;
  termSlug: string;
  termTitle: string;
}

/** What an audit entry's ids stand for today, by object type and id ("person" → "12" → "Ada Lovelace"). */
export interface AuditNames {
  /** The current names of acting people, by person id. */
  people: Map<number, string>;
  /** Labels of the entries' objects, keyed `${objectType}:${objectId}`. */
  objects: Map<string, AuditObjectLabel>;
}

/** An audit entry's object by name, with the slug of its public page when it has one. */
export interface AuditObjectLabel {
  label: string;
  slug: string | null;
}

/** A mentor a proposal names, with their answer; the address is read for the confirmation email, never shown publicly. */
export interface ProposalMentorRow {
  personId: number;
  name: string;
  githubHandle: string | null;
  email: string | null;
  namedAs: string | null;
  confirmation: MentorConfirmation;
  askedAt: Instant | null;
  answeredAt: Instant | null;
}

/** A question a project asks its applicants, its choices parsed. */
export interface ProposalQuestionRow {
  section: ProjectQuestionSection;
  kind: ProjectQuestionKind;
  prompt: string;
  choices: string[];
  required: boolean;
}

/** A proposal with everything its page shows: the project row, its term, program, organization, skills, mentors, links and questions. */
export interface ProposalRecord extends ProjectRow {
  term: Pick<TermRow, "id" | "slug" | "title" | "timeZone" | "publishedAt" | "programId">;
  programSlug: string;
  organization: Pick<OrganizationRow, "id" | "slug" | "name" | "projectQuota">;
  skills: Array<{ tag: string; label: string; originalText: string }>;
  mentors: ProposalMentorRow[];
  upstreamIssues: string[];
  questions: ProposalQuestionRow[];
  /** The name of the person who created the proposal; null for an imported one or when they are gone. */
  proposerName: string | null;
}

/** A proposal in a list: the project row with its term and organization by name and its mentors' answers counted. */
export interface ProposalSummaryRow {
  id: number;
  slug: string;
  title: string;
  state: ProjectState;
  proposalStage: ProposalStage;
  slots: number;
  slotsRequested: number;
  pendingChange: string | null;
  submittedAt: Instant | null;
  updatedAt: Instant;
  termId: number;
  termSlug: string;
  termTitle: string;
  organizationId: number;
  organizationSlug: string;
  organizationName: string;
  mentors: { confirmed: number; pending: number; declined: number };
}

/** An organization on the admin's proposal board: its proposals that count towards its quota, and that quota (its own, else the program's). */
export interface BoardOrganizationRow {
  slug: string;
  name: string;
  counted: number;
  quota: number | null;
}

/** The admin's board of a term: the proposals its filters let through and what the whole term counts. */
export interface ProposalBoardData {
  term: TermRow;
  items: ProposalSummaryRow[];
  organizations: BoardOrganizationRow[];
  slots: { accepted: number; budget: number | null };
  /** How many proposals stand in each state, whatever the filters. */
  states: Record<ProposalState, number>;
}

/** What a term's admins have waiting in it: proposals by stage, unanswered mentors, pending changes, accepted slots, and its timeline for the next deadline. */
export interface TermHealthData {
  term: TermRow;
  timeline: TermTimeline;
  submitted: number;
  changesRequested: number;
  unconfirmedMentors: number;
  pendingChanges: number;
  acceptedSlots: number;
}

/** What happened to one proposal of a bulk accept: accepted, or the code and words of the refusal that left it as it was. */
export interface BulkAcceptOutcome {
  slug: string;
  ok: boolean;
  code: string | null;
  message: string | null;
}

/** A project as the mentors' and admins' application pages name it, with its term, organization and soft cap. */
export interface BoardProjectRow {
  id: number;
  slug: string;
  title: string;
  state: ProjectState;
  applicationCap: number | null;
  /** How many mentees it takes. */
  slots: number;
  termId: number;
  termSlug: string;
  termTitle: string;
  termTimeZone: string;
  programId: number;
  organizationSlug: string;
  organizationName: string;
}

/** A project's applications counted: submitted ones (and those decided since), and drafts. */
export interface ApplicationCounts {
  submitted: number;
  drafts: number;
}

/** A project of the mentors' and admins' pages with its counts and its term's timeline. */
export interface BoardProjectData {
  project: BoardProjectRow;
  counts: ApplicationCounts;
  timeline: TermTimeline;
}

/** One application of a project's list for its mentors and admins. */
export interface ProjectApplicationRow {
  id: number;
  state: ApplicationState;
  submittedAt: Instant | null;
  applicantName: string;
  githubHandle: string | null;
  pronouns: string | null;
}

/** An applicant's eligibility for a term: answered and eligible (or nothing asked), disqualified, or not answered. */
export type ApplicantEligibility = "eligible" | "not_eligible" | "unanswered";

/** One application of a term as its admins list and export it. */
export interface TermApplicationRow {
  id: number;
  state: ApplicationState;
  submittedAt: Instant | null;
  updatedAt: Instant;
  applicantName: string;
  applicantEmail: string | null;
  githubHandle: string | null;
  pronouns: string | null;
  country: string | null;
  timeZone: string | null;
  projectSlug: string;
  projectTitle: string;
  organizationSlug: string;
  organizationName: string;
  eligibility: ApplicantEligibility;
  coverLetter: string;
  /** JSON array of http(s) addresses. */
  links: string;
}

/** A page of a term's applications for its admins, with the counts the filters show. */
export interface TermApplicationsData {
  term: TermRow;
  timeline: TermTimeline;
  items: TermApplicationRow[];
  total: number;
  page: number;
  limit: number;
  states: Record<ApplicationState, number>;
  organizations: Array<{ slug: string; name: string }>;
}

/** A project of the same term that shares skills with another and has fewer applicants. */
export interface SimilarProjectRow {
  id: number;
  slug: string;
  title: string;
  organizationSlug: string;
  organizationName: string;
  /** The skills it shares with the project shown, most used first. */
  sharedSkills: Array<{ tag: string; label: string }>;
  submitted: number;
}

/** One answer of an application, as stored in its JSON column. */
export interface ApplicationAnswerRow {
  questionId: number;
  answer: string;
}

/** An application with its answers and links read from JSON, and the project, organization and term it belongs to. */
export interface ApplicationRecord extends Omit<ApplicationRow, "answers" | "links"> {
  answers: ApplicationAnswerRow[];
  links: string[];
  project: { slug: string; title: string; organizationId: number; applicationCap: number | null };
  organization: { slug: string; name: string };
  term: { slug: string; title: string; timeZone: string; programId: number };
}

/** A project as the application commands need it: whether and how it takes applications, with its term and program limit. */
export interface ApplicationTargetRow {
  project: { id: number; slug: string; title: string; state: ProjectState; organizationId: number; applicationCap: number | null };
  organization: { slug: string; name: string };
  term: { id: number; slug: string; title: string; timeZone: string; programId: number; publishedAt: Instant | null };
  /** The program's application limit per applicant and term. */
  applicationLimit: number;
}

/** A question of a project's application form, with the id answers refer to. */
export interface ApplicationQuestionRow {
  id: number;
  section: ProjectQuestionSection;
  kind: ProjectQuestionKind;
  prompt: string;
  choices: string[];
  required: boolean;
}

/** One of an applicant's applications in their list, with its project, organization and term. */
export interface MyApplicationRow {
  id: number;
  state: ApplicationState;
  termId: number;
  projectSlug: string;
  projectTitle: string;
  organizationSlug: string;
  organizationName: string;
  termSlug: string;
  termTitle: string;
  termTimeZone: string;
  createdAt: Instant;
  updatedAt: Instant;
  submittedAt: Instant | null;
  withdrawnAt: Instant | null;
  /** The applicant's own place for it among their applications of the term, from 1; null keeps the order of submission. */
  applicantRank: number | null;
  offerSource: OfferSource | null;
  /** An offer's response deadline, once offered. */
  respondBy: Instant | null;
}

/** An applicant's eligibility for a term as the application form shows it; no questions means eligible. */
export interface ApplicationEligibility {
  questions: number;
  answered: boolean;
  eligible: boolean;
  disqualifications: Array<{ questionId: number; prompt: string; answer: string; reason: string }>;
}

/** What a project's application form shows its caller, read together. */
export interface ApplicationFormData {
  target: ApplicationTargetRow;
  questions: ApplicationQuestionRow[];
  timeline: TermTimeline;
  /** The instant the form was read, for the window's state. */
  now: Date;
  /** Whether the project takes the caller's application now, and why not (withdrawn, soft cap reached for a new applicant). */
  accepting: { accepting: boolean; reason: string | null };
  eligibility: ApplicationEligibility;
  /** The caller's applications of the term that count towards the limit, this project's included. */
  capped: Array<{ projectSlug: string; projectTitle: string }>;
  application: ApplicationRecord | null;
}

/** An application as the review commands need it: its state and marks, its project, term and program. */
export interface ReviewTargetRow {
  id: number;
  state: ApplicationState;
  personId: number;
  projectId: number;
  termId: number;
  reviewMark: ReviewMark | null;
  shortlistRank: number | null;
  markedAt: string | null;
  projectSlug: string;
  projectTitle: string;
  programId: number;
  termTitle: string;
  termTimeZone: string;
}

/** What mentors and admins decided about one application, as the review commands read it. */
export interface ApplicationReviewData {
  row: ReviewTargetRow;
  scores: Array<{ personId: number; mentorName: string; score: number; updatedAt: Instant }>;
  notes: Array<{ id: number; authorName: string; body: string; createdAt: Instant }>;
  /** The mentors who declared a conflict of interest; empty unless the reader is an admin. */
  conflicts: Array<{ personId: number; mentorName: string; createdAt: Instant }>;
  otherApplications: number;
  viewerId: number;
  canReview: boolean;
}

/** One application of a project's review queue, with what was decided about it. */
export interface ReviewQueueRow {
  id: number;
  state: ApplicationState;
  submittedAt: Instant | null;
  name: string;
  githubHandle: string | null;
  pronouns: string | null;
  country: string | null;
  reviewMark: ReviewMark | null;
  shortlistRank: number | null;
  myScore: number | null;
  scoreCount: number;
  scoreAverage: number | null;
  notes: number;
  otherApplications: number;
  conflicts: number;
}

/** A project's review queue for one reader. */
export interface ReviewQueueData {
  project: { slug: string; title: string; slots: number };
  term: { slug: string; title: string; timeZone: string };
  review: { open: boolean; message: string };
  canReview: boolean;
  items: ReviewQueueRow[];
}

/** A term's selection as its admins see it: the latest run, its mentorships and findings, the projects and the overrides, with names. */
export interface SelectionViewData {
  term: TermRow;
  run: SelectionRunRow | null;
  runBy: string | null;
  findings: Pick<SelectionResult, "conflicts" | "emptySlots" | "leftWithout">;
  assignments: Array<{
    applicationId: number;
    projectId: number;
    personId: number;
    projectRank: number | null;
    applicantChoice: number;
    pinned: number;
    name: string;
    githubHandle: string | null;
  }>;
  projects: Array<{ id: number; slug: string; title: string; slots: number; organizationName: string }>;
  people: Map<number, { name: string; githubHandle: string | null }>;
  overrides: Array<{ applicationId: number; kind: SelectionOverrideKind; projectId: number; name: string }>;
  /** When the outcome notices go out (the notifications instant); null when the timeline has none. */
  noticesAt: Date | null;
  /** Every application offered in the term so far, with its answer: from the notices on. */
  offers: Array<{
    id: number;
    projectId: number;
    state: ApplicationState;
    offeredAt: Instant | null;
    offerSource: OfferSource | null;
    respondBy: Instant | null;
    answeredAt: Instant | null;
    withdrawnAt: Instant | null;
    name: string;
    githubHandle: string | null;
  }>;
}

/** One applicant's outcome email as planned for the notifications instant. */
export interface PlannedNotice {
  personId: number;
  name: string;
  email: string | null;
  kind: "offer" | "not_selected";
  /** The projects offered (for an offer), or applied to. */
  projects: string[];
  /** Writes the email (subject, plain text, HTML) as it goes out. */
  write(): { subject: string; text: string; html: string };
}

/** The outcome notices of a term: one per applicant with a submitted application, and the applications to offer. */
export interface NoticePlan {
  notices: PlannedNotice[];
  offerIds: number[];
  respondBy: Date;
}

/** The dry run of a term's outcome notices: the run they come from, the instant they are written for, and every message planned. */
export interface NoticePreviewData {
  run: SelectionRunRow;
  /** The notifications instant, or now once it has passed. */
  at: Date;
  plan: NoticePlan;
}

/** A program's stipend policy as stored, with its country table; null fields until an admin sets it. */
export interface StipendPolicyData {
  program: ProgramRow;
  policy: StipendPolicy | null;
  updatedAt: Instant | null;
  updatedBy: string | null;
}

/** A mentorship as its page shows it: the row with its project and term, the project's mentors, its own timeline. */
export interface MentorshipData {
  mentorship: MentorshipRecord;
  mentors: Array<{ id: number; name: string; email: string | null; githubHandle: string | null; timeZone: string | null }>;
  /** The term's timeline moved by the mentorship's extension. */
  timeline: TermTimeline;
  evaluations: EvaluationRow[];
  installments: InstallmentRow[];
  /** The program's evaluation questions, in order. */
  questions: string[];
  /** The reader's parts in it. */
  viewer: { isMentee: boolean; isMentor: boolean; isAdmin: boolean };
  /** Whether the reader may extend or end it (the program's admins). */
  canManage: boolean;
  /** When it was read, for the windows that are open. */
  now: Date;
}

/** An accepted project of a term with its applications but drafts, for the term's report. */
export interface ProjectCrowdingRow {
  slug: string;
  title: string;
  organizationName: string;
  applications: number;
}

/** A skill the accepted projects of a term ask for: how many ask, and how many of the term's applicants list it. */
export interface SkillDemandRow {
  tag: string;
  label: string;
  projects: number;
  applicants: number;
}

/** A term's report for its program's admins: the funnel, every accepted project by applications, every skill asked for. */
export interface TermReportData {
  term: TermRow;
  program: ProgramRow;
  timeline: TermTimeline;
  funnel: Funnel;
  projects: ProjectCrowdingRow[];
  skills: SkillDemandRow[];
}

/** The public summary of a published term: its funnel's counts and nothing about anyone. */
export interface TermSummaryData {
  term: TermRow;
  program: ProgramRow;
  timeline: TermTimeline;
  funnel: Funnel;
}
