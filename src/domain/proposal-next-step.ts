import { formatInstant } from "./format-instant.ts";
import type { ProposalState } from "./proposal-states.ts";
import { findPhase, phaseWindow, type TermTimeline } from "./timeline.ts";

/** What a maintainer should do or wait for next on a proposal, in words, and the instant it hangs on. */
export interface ProposalNextStep {
  words: string;
  deadline: Date | null;
}

/**
 * A proposal's next step for its maintainers' home page, e.g. "Submitted · admins decide after
 * proposals close on Tue 4 Feb 2025 at 17:00 PST". Instants are in `zone`: the reader's own, or
 * the term's when they set none.
 */
export function proposalNextStep(
  proposal: { state: ProposalState; slots: number; hasPendingChange: boolean; pendingMentors: number },
  timeline: TermTimeline,
  now: Date,
  zone: string,
): ProposalNextStep {
  const proposals = window(timeline, "proposals");
  const applications = window(timeline, "applications");
  const closes = proposals && proposals.end.getTime() > now.getTime() ? proposals.end : null;
  const opens = applications && applications.start.getTime() > now.getTime() ? applications.start : null;
  const when = (at: Date) => formatInstant(at, zone);
  const waiting =
    proposal.pendingMentors > 0 ? ` · ${proposal.pendingMentors} mentor${proposal.pendingMentors === 1 ? " has" : "s have"} not answered yet` : "";
  switch (proposal.state) {
    case "draft":
      return closes
        ? { words: `Draft · submit it before proposals close on ${when(closes)}`, deadline: closes }
        : { words: "Draft · proposals are closed: it can no longer be submitted", deadline: null };
    case "submitted":
      return closes
        ? { words: `Submitted · admins decide after proposals close on ${when(closes)}${waiting}`, deadline: closes }
        : { words: `Submitted · waiting for the admins' decision${waiting}`, deadline: null };
    case "changes_requested":
      return closes
        ? { words: `Changes requested · edit it and submit it again before proposals close on ${when(closes)}`, deadline: closes }
        : { words: "Changes requested · edit it and submit it again", deadline: null };
    case "accepted": {
      const slots = `Accepted with ${proposal.slots} slot${proposal.slots === 1 ? "" : "s"}`;
      if (proposal.hasPendingChange) return { words: `${slots} · your change waits for an admin's approval`, deadline: null };
      return opens ? { words: `${slots} · applications open on ${when(opens)}`, deadline: opens } : { words: slots, deadline: null };
    }
    case "rejected":
      return { words: "Rejected · the admins' reason is on the proposal", deadline: null };
    case "withdrawn":
      return { words: "Withdrawn", deadline: null };
  }
}

function window(timeline: TermTimeline, kind: "proposals" | "applications") {
  const phase = findPhase(timeline, kind);
  return phase ? phaseWindow(phase) : null;
}
