import { APPLICATION_STATES, type ApplicationState } from "../../domain/application-states.ts";
import type { Actor } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { countTermApplicationsByState, searchTermApplications, type TermApplicationFilter } from "../../storage/repos/application-board-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import { listOrganizationsOfProgram } from "../../storage/repos/organization-repo.ts";
import { listTimeline } from "../../storage/repos/term-repo.ts";
import type { ApplicantEligibility, TermApplicationsData, TermRow } from "../../storage/schema.ts";
import { toTermTimeline } from "../catalog/term-timelines.ts";
import { requireTermAdmin } from "../terms/term-admin.ts";

/** The filters of a term's applications, as the admins' page keeps them in its URL; each given narrows the list. */
export interface TermApplicationsQuery {
  /** One state, or all of them; by default every state but draft. */
  state?: ApplicationState | "all" | undefined;
  organization?: string | undefined;
  project?: string | undefined;
  /** Words of the applicant's name, GitHub handle or email address. */
  q?: string | undefined;
  eligibility?: ApplicantEligibility | undefined;
}

/** The states listed when no state is asked for: drafts are their applicants' business until submitted. */
const DEFAULT_STATES = APPLICATION_STATES.filter((state) => state !== "draft");

/** The repo's filter for a term and the query. */
export function termApplicationFilter(term: Pick<TermRow, "id">, query: TermApplicationsQuery): TermApplicationFilter {
  return {
    termId: term.id,
    states: query.state === "all" ? undefined : query.state ? [query.state] : DEFAULT_STATES,
    organizationSlug: query.organization,
    projectSlug: query.project,
    q: query.q || undefined,
    eligibility: query.eligibility,
  };
}

/**
 * One page of a term's applications for its program's admins, filtered by state, organization,
 * project, eligibility and words of the applicant's name, handle or address; with how many
 * applications stand in each state whatever the filters, and the organizations to filter by.
 */
export async function listTermApplications(options: {
  database: DatabaseHandle;
  actor: Actor;
  termSlug: string;
  query: TermApplicationsQuery;
  page: { page: number; limit: number };
}): Promise<TermApplicationsData> {
  const db: Db = options.database.db;
  const { term, program } = await requireTermAdmin(db, options.actor, options.termSlug);
  const { page, limit } = options.page;
  const [found, byState, organizations, phases] = await Promise.all([
    searchTermApplications(db, termApplicationFilter(term, options.query), { offset: (page - 1) * limit, limit }),
    countTermApplicationsByState(db, term.id),
    listOrganizationsOfProgram(db, program.id),
    listTimeline(db, term.id),
  ]);
  return {
    term,
    timeline: toTermTimeline(term, phases),
    items: found.rows,
    total: found.total,
    page,
    limit,
    states: Object.fromEntries(APPLICATION_STATES.map((state) => [state, byState.get(state) ?? 0])) as Record<ApplicationState, number>,
    organizations: organizations.map((organization) => ({ slug: organization.slug, name: organization.name })),
  };
}
