import { EVALUATION_ACTIONS, evaluationDueAt, missingParts } from "../domain/evaluations.ts";
import { INSTALLMENT_STATE_WORDS, installmentNextStep, ledgerDay, ledgerInstallment } from "../domain/installments.ts";
import { formatMoney } from "../domain/money.ts";
import { checkActionOpen } from "../domain/phase-actions.ts";
import { PHASE_LABELS, phaseOrder } from "../domain/phases.ts";
import { EVALUATION_KINDS, type EvaluationKind } from "../domain/stipends.ts";
import { findPhase, phaseWindow } from "../domain/timeline.ts";
import type { InstallmentView, MentorshipView, MyMentorshipsResponse } from "../schemas/mentorship.ts";
import type { InstallmentRow, MentorshipData } from "../storage/schema.ts";

/** The phases a mentorship's page lists: from its start on. */
const MENTORSHIP_PHASES = ["start", "midterm", "final", "end"] as const;

/** A mentorship for its page: the people, the extension, and its dates (moved ones marked). */
export function presentMentorship(data: MentorshipData): MentorshipView {
  const { mentorship } = data;
  const { isMentee, isMentor, isAdmin } = data.viewer;
  const extension = mentorship.extensionWeeks > 0 && mentorship.extendedAt ? new Date(mentorship.extendedAt) : null;
  const iso = (instant: Date | null) => (instant ? instant.toISOString() : null);
  return {
    id: mentorship.id,
    state: mentorship.state,
    project: { slug: mentorship.projectSlug, title: mentorship.projectTitle, organization: mentorship.organizationName },
    term: { slug: mentorship.termSlug, title: mentorship.termTitle, timeZone: mentorship.termTimeZone },
    mentee: { name: mentorship.menteeName, githubHandle: mentorship.menteeGithub },
    mentors: data.mentors.map((mentor) => ({ name: mentor.name, githubHandle: mentor.githubHandle })),
    extension:
      extension && mentorship.extendedAt
        ? { weeks: mentorship.extensionWeeks, from: mentorship.extendedAt, reason: data.canManage ? mentorship.extensionReason : null }
        : null,
    dates: data.timeline.phases
      .flatMap((phase) => (phase.kind && (MENTORSHIP_PHASES as readonly string[]).includes(phase.kind) ? [{ ...phase, kind: phase.kind }] : []))
      .sort((a, b) => phaseOrder(a.kind) - phaseOrder(b.kind))
      .map((phase) => ({
        kind: phase.kind,
        label: PHASE_LABELS[phase.kind],
        startsAt: iso(phase.startsAt),
        endsAt: iso(phase.endsAt),
        moved: extension !== null && [phase.startsAt, phase.endsAt].some((instant) => instant !== null && instant.getTime() > extension.getTime()),
      })),
    ended: mentorship.state === "ended" && mentorship.endedAt ? { at: mentorship.endedAt, reason: mentorship.endReason ?? "" } : null,
    completedAt: mentorship.completedAt,
    assignments:
      mentorship.assignments !== null && mentorship.assignmentsUpdatedAt !== null
        ? { markdown: mentorship.assignments, html: mentorship.assignmentsHtml ?? "", updatedAt: mentorship.assignmentsUpdatedAt }
        : null,
    evaluations: EVALUATION_KINDS.map((kind) => presentEvaluation(data, kind)),
    questions: isMentee ? null : data.questions,
    report:
      mentorship.reportSubmittedAt !== null && mentorship.blogUrl !== null
        ? { feedback: isMentee || isAdmin ? mentorship.feedback : null, blogUrl: mentorship.blogUrl, submittedAt: mentorship.reportSubmittedAt }
        : null,
    listedAsAlumni: isMentee || isAdmin ? mentorship.listedAsAlumni === 1 : null,
    installments:
      isMentee || isAdmin
        ? data.installments.map((row) =>
            presentInstallment(row, {
              zone: mentorship.menteeTimeZone ?? mentorship.termTimeZone,
              evaluationDueAt: evaluationDueAt(data.timeline, row.releasedBy),
            }),
          )
        : null,
    viewer: {
      role: isMentee ? "mentee" : isMentor ? "mentor" : "admin",
      canEvaluate: isMentor && mentorship.state === "active",
      canReport: isMentee && mentorship.state === "active",
    },
    canManage: data.canManage,
  };
}

/** One evaluation as the reader may see it: its window on this mentorship's timeline, what is missing, and what was submitted. */
function presentEvaluation(data: MentorshipData, kind: EvaluationKind): MentorshipView["evaluations"][number] {
  const { isMentee } = data.viewer;
  const row = data.evaluations.find((evaluation) => evaluation.kind === kind);
  const window = checkActionOpen(data.timeline, EVALUATION_ACTIONS[kind], data.now);
  const dueAt = evaluationDueAt(data.timeline, kind);
  const phase = findPhase(data.timeline, kind);
  const missing = missingParts(kind, { outcome: row?.outcome ?? null, menteeReportIn: data.mentorship.reportSubmittedAt !== null });
  return {
    kind,
    opensAt: (phase && phaseWindow(phase)?.start.toISOString()) ?? null,
    dueAt: dueAt?.toISOString() ?? null,
    open: window.open,
    overdue: data.mentorship.state === "active" && dueAt !== null && dueAt.getTime() <= data.now.getTime() && missing.length > 0,
    missing,
    submitted: row
      ? {
          outcome: row.outcome,
          at: row.submittedAt,
          toMentee: row.toMentee,
          toAdmins: isMentee ? null : row.toAdmins,
          answers: isMentee ? null : (JSON.parse(row.answers) as Array<{ question: string; answer: string }>),
        }
      : null,
  };
}

/** One installment in the ledger: its amount, each state it reached and when, and what happens next in the mentee's words. */
export function presentInstallment(row: InstallmentRow, { zone, evaluationDueAt: dueAt }: { zone: string; evaluationDueAt: Date | null }): InstallmentView {
  const moves: Array<[InstallmentView["state"], string | null]> = [
    ["pending", row.createdAt],
    ["due", row.dueAt],
    ["approved", row.approvedAt],
    ["exported", row.exportedAt],
    ["paid", row.paidAt],
    ["withheld", row.withheldAt],
  ];
  return {
    id: row.id,
    position: row.position,
    releasedBy: row.releasedBy,
    currency: row.currency,
    amount: row.amount,
    fullAmount: row.fullAmount,
    amountText: formatMoney(row.amount, row.currency),
    state: row.state,
    stateText: INSTALLMENT_STATE_WORDS[row.state],
    history: moves.flatMap(([state, at]) => (at ? [{ state, at }] : [])),
    nextStep: installmentNextStep(ledgerInstallment(row, dueAt), { zone, day: (instant) => ledgerDay(instant, zone) }),
    paymentReference: row.paymentReference,
    withheldReason: row.withheldReason,
  };
}

/** The caller's mentorships, each with their part in it. */
export function presentMyMentorships(
  personId: number,
  rows: ReadonlyArray<{
    id: number;
    state: MentorshipView["state"];
    personId: number;
    projectTitle: string;
    termTitle: string;
    termSlug: string;
    menteeName: string;
  }>,
): MyMentorshipsResponse {
  return {
    items: rows.map((row) => ({
      id: row.id,
      state: row.state,
      role: row.personId === personId ? "mentee" : "mentor",
      project: row.projectTitle,
      term: { slug: row.termSlug, title: row.termTitle },
      mentee: row.menteeName,
    })),
  };
}
