import { effectiveProjectQuota } from "../../domain/project-quota.ts";
import { PROPOSAL_STATES, type ProposalState, proposalState } from "../../domain/proposal-states.ts";
import type { Actor } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { listOrganizationsOfProgram } from "../../storage/repos/organization-repo.ts";
import { countProposalsByState, countQuotaProposalsByOrganization, sumAcceptedSlots } from "../../storage/repos/proposal-board-repo.ts";
import { listProposalSummaries } from "../../storage/repos/proposal-repo.ts";
import type { ProposalBoardData } from "../../storage/schema.ts";
import { requireTermAdmin } from "../terms/term-admin.ts";

/** The board's filters, as its URL holds them; each one given narrows the list. */
export interface ProposalBoardFilter {
  organization?: string | undefined;
  /** One state, or all of them; by default every state but draft. */
  state?: ProposalState | "all" | undefined;
  /** Only proposals with a named mentor who has not answered. */
  unconfirmed?: boolean | undefined;
  /** Only accepted projects with a change waiting for approval. */
  pendingChange?: boolean | undefined;
}

/** The states the board lists when no state is asked for: all but drafts, which are their maintainers' business until submitted. */
const DEFAULT_STATES = PROPOSAL_STATES.filter((state) => state !== "draft");

/**
 * A term's proposals for its program's admins, filtered by organization, state, unanswered
 * mentors and pending changes; with every organization of the program counted against its
 * quota (its own, else the program's), the accepted slots against the term's budget, and how
 * many proposals stand in each state, whatever the filters.
 */
export async function listTermProposals(options: {
  database: DatabaseHandle;
  actor: Actor;
  termSlug: string;
  filter: ProposalBoardFilter;
}): Promise<ProposalBoardData> {
  const db = options.database.db;
  const { term, program } = await requireTermAdmin(db, options.actor, options.termSlug);
  const { filter } = options;
  const organizations = await listOrganizationsOfProgram(db, program.id);
  const asked = filter.organization === undefined ? undefined : organizations.filter((organization) => organization.slug === filter.organization);
  const [rows, byState, counted, accepted] = await Promise.all([
    listProposalSummaries(db, {
      termId: term.id,
      organizationIds: asked?.map((organization) => organization.id),
      states: filter.state === "all" ? undefined : filter.state ? [filter.state] : DEFAULT_STATES,
    }),
    countProposalsByState(db, term.id),
    countQuotaProposalsByOrganization(db, term.id),
    sumAcceptedSlots(db, term.id),
  ]);
  const states = Object.fromEntries(PROPOSAL_STATES.map((state) => [state, 0])) as Record<ProposalState, number>;
  for (const row of byState) states[proposalState(row)] += row.count;
  return {
    term,
    items: rows.filter((row) => (filter.unconfirmed !== true || row.mentors.pending > 0) && (filter.pendingChange !== true || row.pendingChange !== null)),
    organizations: organizations.map((organization) => ({
      slug: organization.slug,
      name: organization.name,
      counted: counted.get(organization.id) ?? 0,
      quota: effectiveProjectQuota(organization, program),
    })),
    slots: { accepted, budget: term.slotBudget },
    states,
  };
}
