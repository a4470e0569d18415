import { type ProposalNextStep, proposalNextStep } from "../../domain/proposal-next-step.ts";
import { proposalState } from "../../domain/proposal-states.ts";
import type { SignedIn } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findPersonById } from "../../storage/repos/account-repo.ts";
import { listProposalSummaries } from "../../storage/repos/proposal-repo.ts";
import { findTermById, listTimeline } from "../../storage/repos/term-repo.ts";
import type { ProposalSummaryRow } from "../../storage/schema.ts";
import { toTermTimeline } from "../catalog/term-timelines.ts";

/** A maintainer's and a mentor's proposals: those of the organizations they maintain with each next step, and those awaiting their answer. */
export interface MyProposals {
  maintained: Array<{ row: ProposalSummaryRow; next: ProposalNextStep }>;
  awaitingMyAnswer: ProposalSummaryRow[];
}

/**
 * What needs the caller now: the proposals of the organizations they maintain (projects imported
 * as accepted left out), each with its next step and deadline in their own time zone (else the
 * term's), and the submitted proposals that name them as a mentor and await their answer.
 */
export async function listMyProposals(options: { database: DatabaseHandle; actor: SignedIn; now: Date }): Promise<MyProposals> {
  const { db } = options.database;
  const { actor, now } = options;
  const [maintained, awaiting, person] = await Promise.all([
    listProposalSummaries(db, { organizationIds: [...actor.maintainerOf], proposedInCohort: true, publishedTermsOnly: true }),
    listProposalSummaries(db, {
      namedPersonId: actor.personId,
      namedConfirmations: ["pending"],
      states: ["submitted", "changes_requested", "accepted"],
      publishedTermsOnly: true,
    }),
    findPersonById(db, actor.personId),
  ]);
  const timelines = new Map<number, ReturnType<typeof toTermTimeline>>();
  for (const termId of new Set(maintained.map((row) => row.termId))) {
    const term = await findTermById(db, termId);
    if (term) timelines.set(termId, toTermTimeline(term, await listTimeline(db, termId)));
  }
  return {
    maintained: maintained.flatMap((row) => {
      const timeline = timelines.get(row.termId);
      if (!timeline) return [];
      const next = proposalNextStep(
        { state: proposalState(row), slots: row.slots, hasPendingChange: row.pendingChange !== null, pendingMentors: row.mentors.pending },
        timeline,
        now,
        person?.timeZone ?? timeline.timeZone,
      );
      return [{ row, next }];
    }),
    awaitingMyAnswer: awaiting,
  };
}
