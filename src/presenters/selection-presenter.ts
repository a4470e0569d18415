import { APPLICATION_STATE_LABELS } from "../domain/application-states.ts";
import type { EmptySlotReason, LostBecause } from "../domain/selection.ts";
import { LEFT_WITHOUT_SHOWN, NOTICE_RECIPIENTS_SHOWN, type NoticeMessageView, type NoticePreviewView, type SelectionView } from "../schemas/selection.ts";
import type { NoticePreviewData, PlannedNotice, SelectionViewData } from "../storage/schema.ts";
import { csvFile } from "./csv-file.ts";

const LOST_WORDS: Record<LostBecause, string> = {
  "applicant-preferred-another": "The applicant put the project they got first.",
  "slots-went-to-higher-ranked": "Its slots went to applicants it ranked higher.",
  excluded: "An admin excluded this pair.",
  "pinned-elsewhere": "An admin pinned the applicant to another project.",
};

function emptyWords(reason: EmptySlotReason, ranked: number): string {
  if (reason === "nobody-ranked") return "Nobody was shortlisted and ranked.";
  return ranked === 1 ? "The one applicant it ranked took a project they put first." : `All ${ranked} applicants it ranked took projects they put first.`;
}

/** A term's selection for its admins: every name spelled out, each finding in words. */
export function presentSelection(data: SelectionViewData): SelectionView {
  const projectById = new Map(data.projects.map((project) => [project.id, project]));
  const projectName = (id: number) => {
    const project = projectById.get(id);
    return { slug: project?.slug ?? "", title: project?.title ?? `Project ${id}` };
  };
  const person = (id: number) => data.people.get(id) ?? { name: `Person ${id}`, githubHandle: null };
  const assignedTo = new Map<number, SelectionViewData["assignments"]>();
  for (const assignment of data.assignments) assignedTo.set(assignment.projectId, [...(assignedTo.get(assignment.projectId) ?? []), assignment]);
  const offersOf = new Map<number, SelectionViewData["offers"]>();
  for (const offer of data.offers) offersOf.set(offer.projectId, [...(offersOf.get(offer.projectId) ?? []), offer]);
  const emptyOf = new Map(data.findings.emptySlots.map((item) => [item.projectId, item]));
  const leftWithout = data.findings.leftWithout
    .map((item) => ({ applicant: person(item.applicantId), rankedBy: item.rankedBy.map(projectName) }))
    .sort((a, b) => a.applicant.name.localeCompare(b.applicant.name));
  const slots = data.projects.reduce((sum, project) => sum + project.slots, 0);
  return {
    term: { slug: data.term.slug, title: data.term.title, timeZone: data.term.timeZone },
    run: data.run
      ? {
          id: data.run.id,
          state: data.run.state,
          createdAt: data.run.createdAt,
          publishedAt: data.run.publishedAt,
          runBy: data.runBy,
          noticesSentAt: data.run.noticesSentAt,
        }
      : null,
    noticesAt: data.noticesAt ? data.noticesAt.toISOString() : null,
    totals: {
      slots,
      mentorships: data.assignments.length,
      emptySlots: data.findings.emptySlots.reduce((sum, item) => sum + item.empty, 0),
      conflicts: data.findings.conflicts.length,
      leftWithout: leftWithout.length,
    },
    projects: data.projects.map((project) => {
      const empty = emptyOf.get(project.id);
      return {
        project: { slug: project.slug, title: project.title, organization: project.organizationName },
        slots: project.slots,
        assigned: (assignedTo.get(project.id) ?? []).map((assignment) => ({
          applicationId: assignment.applicationId,
          applicant: { name: assignment.name, githubHandle: assignment.githubHandle },
          projectRank: assignment.projectRank,
          applicantChoice: assignment.applicantChoice,
          pinned: assignment.pinned === 1,
        })),
        empty: data.run ? (empty?.empty ?? 0) : 0,
        emptyReason: empty ? emptyWords(empty.reason, empty.ranked) : null,
        offers: (offersOf.get(project.id) ?? []).map((offer) => ({
          applicationId: offer.id,
          applicant: { name: offer.name, githubHandle: offer.githubHandle },
          state: offer.state,
          stateLabel: APPLICATION_STATE_LABELS[offer.state],
          fromWaitlist: offer.offerSource === "waitlist",
          offeredAt: offer.offeredAt ?? "",
          respondBy: offer.respondBy,
          answeredAt: offer.answeredAt ?? (offer.state === "withdrawn" ? offer.withdrawnAt : null),
        })),
      };
    }),
    conflicts: data.findings.conflicts.map((conflict) => ({
      applicant: person(conflict.applicantId),
      project: conflict.projectId === null ? null : projectName(conflict.projectId),
      others: conflict.others.map((other) => ({
        applicationId: other.applicationId,
        project: projectName(other.projectId),
        projectRank: other.projectRank,
        because: other.because,
        words: LOST_WORDS[other.because],
      })),
    })),
    leftWithout: { total: leftWithout.length, items: leftWithout.slice(0, LEFT_WITHOUT_SHOWN) },
    overrides: data.overrides.map((override) => ({
      applicationId: override.applicationId,
      kind: override.kind,
      applicant: override.name,
      project: projectName(override.projectId),
    })),
  };
}

/** The proposal's mentorships as CSV (RFC 4180, formula cells neutralized), one row per mentorship, then one per empty slot. */
export function presentSelectionCsv(data: SelectionViewData): { fileName: string; csv: string } {
  const view = presentSelection(data);
  const header = ["organization", "project", "slots", "applicant", "github", "project rank", "applicant choice", "pinned", "empty slot reason"];
  const records: Array<Array<string | number>> = [];
  for (const project of view.projects) {
    for (const assigned of project.assigned) {
      records.push([
        project.project.organization,
        project.project.title,
        project.slots,
        assigned.applicant.name,
        assigned.applicant.githubHandle ?? "",
        assigned.projectRank ?? "",
        assigned.applicantChoice,
        assigned.pinned ? "yes" : "no",
        "",
      ]);
    }
    for (let slot = 0; slot < project.empty; slot += 1) {
      records.push([project.project.organization, project.project.title, project.slots, "", "", "", "", "", project.emptyReason ?? ""]);
    }
  }
  const csv = csvFile(header, records);
  return { fileName: `${data.term.slug}-selection.csv`, csv };
}

/** The dry run of the outcome notices: the counts, and who gets which kind, by name. */
export function presentNoticePreview(preview: NoticePreviewData): NoticePreviewView {
  const { notices } = preview.plan;
  const offers = notices.filter((notice) => notice.kind === "offer").length;
  return {
    run: { id: preview.run.id, state: preview.run.state },
    at: preview.at.toISOString(),
    sentAt: preview.run.noticesSentAt,
    respondBy: preview.plan.respondBy.toISOString(),
    counts: {
      recipients: notices.length,
      offers,
      notSelected: notices.length - offers,
      withoutEmail: notices.filter((notice) => !notice.email).length,
    },
    recipients: notices
      .slice(0, NOTICE_RECIPIENTS_SHOWN)
      .map((notice) => ({ personId: notice.personId, name: notice.name, kind: notice.kind, projects: notice.projects })),
  };
}

/** One outcome email of the dry run, as it will be sent. */
export function presentNoticeMessage(notice: PlannedNotice): NoticeMessageView {
  const { subject, text, html } = notice.write();
  return { to: { name: notice.name, email: notice.email }, kind: notice.kind, subject, text, html };
}
