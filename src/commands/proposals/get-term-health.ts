import type { Actor } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { countProposalsByState, countTermAttention, sumAcceptedSlots } from "../../storage/repos/proposal-board-repo.ts";
import { listTimeline } from "../../storage/repos/term-repo.ts";
import type { TermHealthData } from "../../storage/schema.ts";
import { toTermTimeline } from "../catalog/term-timelines.ts";
import { requireTermAdmin } from "../terms/term-admin.ts";

/** A term's health for its program's admins: proposals waiting, unconfirmed mentors, pending changes and slots. */
export async function getTermHealth(options: { database: DatabaseHandle; actor: Actor; termSlug: string }): Promise<TermHealthData> {
  const db = options.database.db;
  const { term } = await requireTermAdmin(db, options.actor, options.termSlug);
  const [states, attention, acceptedSlots, phases] = await Promise.all([
    countProposalsByState(db, term.id),
    countTermAttention(db, term.id),
    sumAcceptedSlots(db, term.id),
    listTimeline(db, term.id),
  ]);
  const count = (stage: "submitted" | "changes_requested") =>
    states.filter((row) => row.state === "proposed" && row.proposalStage === stage).reduce((sum, row) => sum + row.count, 0);
  return {
    term,
    timeline: toTermTimeline(term, phases),
    submitted: count("submitted"),
    changesRequested: count("changes_requested"),
    ...attention,
    acceptedSlots,
  };
}
