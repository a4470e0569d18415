import type { Actor } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { loadTermTimeline } from "../terms/phase-window.ts";
import { type ProposalView, proposalAbilities, requireVisibleProposal } from "./proposal-access.ts";

/**
 * A proposal as the caller may see it (its maintainers, the mentors it names, the program's
 * admins; anyone else NOT_FOUND), with what they may do with it now.
 */
export async function getProposal(options: { database: DatabaseHandle; actor: Actor; slug: string; now: Date }): Promise<ProposalView> {
  const { db } = options.database;
  const { record } = await requireVisibleProposal(db, options.actor, options.slug);
  return { record, abilities: proposalAbilities(options.actor, record, await loadTermTimeline(db, record.term), options.now) };
}
