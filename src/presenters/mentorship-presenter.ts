import { PHASE_LABELS, phaseOrder } from "../domain/phases.ts";
import type { MentorshipView, MyMentorshipsResponse } from "../schemas/mentorship.ts";
import type { MentorshipData } from "../storage/schema.ts";

/** The phases a mentorship's page lists: from its start on. */
const MENTORSHIP_PHASES = ["start", "midterm", "final", "end"] as const;

/** A mentorship for its page: the people, the extension, and its dates (moved ones marked). */
export function presentMentorship(data: MentorshipData): MentorshipView {
  const { mentorship } = data;
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
    canManage: data.canManage,
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
