import { parsePendingChange } from "../domain/pending-change.ts";
import { proposalState } from "../domain/proposal-states.ts";
import type {
  MentorConfirmationResponse,
  MyProposalsResponse,
  Proposal,
  ProposalAbilities,
  ProposalChange,
  ProposalMentor,
  ProposalSummary,
} from "../schemas/proposal.ts";
import type { ProposalMentorRow, ProposalRecord, ProposalSummaryRow } from "../storage/schema.ts";

/**
 * A proposal as its maintainers, named mentors and the program's admins see it, with what the
 * caller may do with it. Mentors' addresses are not part of it: a mentor is named by the words
 * the maintainer used, their name and their handle.
 */
export function presentProposal(record: ProposalRecord, abilities: ProposalAbilities): Proposal {
  return {
    slug: record.slug,
    term: { slug: record.term.slug, title: record.term.title, timeZone: record.term.timeZone },
    programSlug: record.programSlug,
    organization: { slug: record.organization.slug, name: record.organization.name },
    state: proposalState(record),
    title: record.title,
    description: record.description,
    descriptionHtml: record.descriptionHtml,
    expectedOutcome: record.expectedOutcome,
    expectedOutcomeHtml: record.expectedOutcomeHtml,
    summary: record.summary,
    skills: record.skills.map((skill) => ({ tag: skill.tag, label: skill.label, originalText: skill.originalText })),
    mentors: record.mentors.map(presentProposalMentor),
    upstreamIssues: record.upstreamIssues,
    slotsRequested: record.slotsRequested,
    slots: record.slots,
    timeCommitment: record.timeCommitment,
    hoursPerWeek: record.hoursPerWeek,
    questions: record.questions.map((question) => ({ ...question, choices: [...question.choices] })),
    reviewComment: record.reviewComment,
    rejectionReason: record.rejectionReason,
    pendingChange: presentPendingChange(record),
    proposedBy: record.proposerName,
    submittedAt: record.submittedAt,
    decidedAt: record.decidedAt,
    updatedAt: record.updatedAt,
    abilities,
  };
}

function presentProposalMentor(mentor: ProposalMentorRow): ProposalMentor {
  return {
    personId: mentor.personId,
    name: mentor.name,
    githubHandle: mentor.githubHandle,
    namedAs: mentor.namedAs,
    confirmation: mentor.confirmation,
    askedAt: mentor.askedAt,
    answeredAt: mentor.answeredAt,
  };
}

/** How a proposal names one of its mentors in a list of words: as the maintainer typed it, else by handle or name. */
export function mentorWords(mentor: Pick<ProposalMentorRow, "namedAs" | "githubHandle" | "name">): string {
  return mentor.namedAs ?? (mentor.githubHandle ? `@${mentor.githubHandle}` : mentor.name);
}

/** An accepted project's pending change, each changed field before (as published) and after. */
function presentPendingChange(record: ProposalRecord): ProposalChange | null {
  const change = parsePendingChange(record.pendingChange);
  if (!change || record.pendingChangeAt === null) return null;
  return {
    proposedAt: record.pendingChangeAt,
    description: change.description === undefined ? null : { before: record.description, after: change.description },
    expectedOutcome: change.expectedOutcome === undefined ? null : { before: record.expectedOutcome, after: change.expectedOutcome },
    skills: change.skills === undefined ? null : { before: record.skills.map((skill) => skill.originalText), after: change.skills },
    mentors: change.mentors === undefined ? null : { before: record.mentors.map(mentorWords), after: change.mentors },
  };
}

/** A proposal in a list: its state, its mentors' answers counted, whether a change waits. */
export function presentProposalSummary(row: ProposalSummaryRow): ProposalSummary {
  return {
    slug: row.slug,
    termSlug: row.termSlug,
    termTitle: row.termTitle,
    organization: { slug: row.organizationSlug, name: row.organizationName },
    title: row.title,
    state: proposalState(row),
    slotsRequested: row.slotsRequested,
    slots: row.slots,
    mentors: { ...row.mentors },
    hasPendingChange: row.pendingChange !== null,
    submittedAt: row.submittedAt,
    updatedAt: row.updatedAt,
  };
}

/** What an emailed confirmation link is about, for the page it opens: the project, who named the mentor, their answer so far. */
export function presentMentorConfirmation(found: { record: ProposalRecord; mentor: ProposalMentorRow }): MentorConfirmationResponse {
  const { record, mentor } = found;
  return {
    proposal: {
      slug: record.slug,
      title: record.title,
      summary: record.summary,
      organizationName: record.organization.name,
      termTitle: record.term.title,
    },
    mentorName: mentor.name,
    needsName: mentor.name.trim() === "",
    githubHandle: mentor.githubHandle,
    namedBy: record.proposerName,
    confirmation: mentor.confirmation,
  };
}

/** A maintainer's and a mentor's proposals for their home pages, each maintained one with its next step. */
export function presentMyProposals(mine: {
  maintained: Array<{ row: ProposalSummaryRow; next: { words: string; deadline: Date | null } }>;
  awaitingMyAnswer: ProposalSummaryRow[];
}): MyProposalsResponse {
  return {
    maintained: mine.maintained.map(({ row, next }) => ({
      ...presentProposalSummary(row),
      nextStep: next.words,
      deadline: next.deadline ? next.deadline.toISOString() : null,
    })),
    awaitingMyAnswer: mine.awaitingMyAnswer.map(presentProposalSummary),
  };
}
