import { APPLICATION_STATE_LABELS } from "../domain/application-states.ts";
import { checkActionOpen } from "../domain/phase-actions.ts";
import { findPhase, phaseWindow } from "../domain/timeline.ts";
import type { Application, ApplicationForm, MyApplicationsResponse } from "../schemas/application.ts";
import type { ApplicationFormData, ApplicationRecord, MyApplicationRow } from "../storage/schema.ts";

/** An application as its applicant, its project's mentors and the program's admins read it: no applicant's private data here. */
export function presentApplication(record: ApplicationRecord): Application {
  return {
    id: record.id,
    state: record.state,
    project: { slug: record.project.slug, title: record.project.title, organization: { slug: record.organization.slug, name: record.organization.name } },
    term: { slug: record.term.slug, title: record.term.title, timeZone: record.term.timeZone },
    coverLetter: record.coverLetter,
    coverLetterHtml: record.coverLetterHtml,
    answers: record.answers.map((answer) => ({ questionId: answer.questionId, answer: answer.answer })),
    links: [...record.links],
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    submittedAt: record.submittedAt,
    withdrawnAt: record.withdrawnAt,
  };
}

/** A project's application form for its caller: the window as of the read, in the term's zone and UTC. */
export function presentApplicationForm(data: ApplicationFormData): ApplicationForm {
  const { target, timeline } = data;
  const availability = checkActionOpen(timeline, "submitApplication", data.now);
  const phase = findPhase(timeline, "applications");
  const window = phase ? phaseWindow(phase) : null;
  return {
    project: { slug: target.project.slug, title: target.project.title, organization: { slug: target.organization.slug, name: target.organization.name } },
    term: { slug: target.term.slug, title: target.term.title, timeZone: target.term.timeZone },
    questions: data.questions.map((question) => ({
      id: question.id,
      section: question.section,
      kind: question.kind,
      prompt: question.prompt,
      choices: [...question.choices],
      required: question.required,
    })),
    window: {
      opensAt: window ? window.start.toISOString() : null,
      closesAt: window ? window.end.toISOString() : null,
      open: availability.open,
      message: availability.message,
    },
    accepting: { accepting: data.accepting.accepting, reason: data.accepting.reason },
    eligibility: {
      questions: data.eligibility.questions,
      answered: data.eligibility.answered,
      eligible: data.eligibility.eligible,
      disqualifications: data.eligibility.disqualifications.map((item) => ({
        questionId: item.questionId,
        prompt: item.prompt,
        answer: item.answer,
        reason: item.reason,
      })),
    },
    cap: {
      limit: target.applicationLimit,
      used: data.capped.length,
      applications: data.capped.map((item) => ({ projectSlug: item.projectSlug, projectTitle: item.projectTitle })),
    },
    application: data.application ? presentApplication(data.application) : null,
  };
}

/** The caller's applications, each with its state in words, its next step and the term's deadline. */
export function presentMyApplications(
  items: ReadonlyArray<{ row: MyApplicationRow; next: { words: string; at: Date | null }; deadline: Date | null; rankable: boolean }>,
): MyApplicationsResponse {
  return {
    items: items.map(({ row, next, deadline, rankable }) => ({
      id: row.id,
      state: row.state,
      stateLabel: APPLICATION_STATE_LABELS[row.state],
      nextStep: next.words,
      nextStepAt: next.at ? next.at.toISOString() : null,
      deadline: deadline ? deadline.toISOString() : null,
      project: { slug: row.projectSlug, title: row.projectTitle, organization: { slug: row.organizationSlug, name: row.organizationName } },
      term: { slug: row.termSlug, title: row.termTitle, timeZone: row.termTimeZone },
      updatedAt: row.updatedAt,
      submittedAt: row.submittedAt,
      preference: row.applicantRank,
      rankable,
      offer: row.state === "offered" && row.respondBy ? { respondBy: row.respondBy, fromWaitlist: row.offerSource === "waitlist" } : null,
    })),
  };
}
