/**
 * Selection: who gets which mentorship, from the mentors' ranked shortlists and the applicants'
 * own order, by applicant-proposing deferred acceptance with capacities (Gale and Shapley, 1962;
 * Roth's hospital-residents form). Each applicant proposes to the projects that ranked them, most
 * wanted first; a project holds its best-ranked proposals up to its slots and lets the others go,
 * who propose further. The result is stable (no applicant and project both prefer each other to
 * what they got) and the best stable result for every applicant at once, so it depends on neither
 * the order of the input nor the order of the proposals. Pins are placed first and take a slot;
 * exclusions leave their pair out. Pure: no I/O, no clock.
 */

/** One submitted application as selection sees it. */
export interface SelectionApplication {
  /** The application's id, which also breaks ties of the applicant's order. */
  id: number;
  applicantId: number;
  projectId: number;
  /**
   * Where the applicant puts it, lower first: their own ranking when they gave one, else the
   * order of submission. Equal values are ordered by application id.
   */
  preference: number;
}

/** One project and its mentors' decision. */
export interface SelectionProject {
  id: number;
  /** How many mentees it takes. */
  slots: number;
  /** Its ranked shortlist, best first: ids of applications to this project. Everyone else is not matched to it. */
  ranking: readonly number[];
}

/** A term's selection to solve. */
export interface SelectionInput {
  projects: readonly SelectionProject[];
  applications: readonly SelectionApplication[];
  /** Application ids an admin put into the result whatever the rankings say. */
  pins?: readonly number[];
  /** Application ids an admin kept out of the result. */
  exclusions?: readonly number[];
}

/** One mentorship of the proposal. */
export interface SelectionAssignment {
  applicationId: number;
  applicantId: number;
  projectId: number;
  /** Its place in the project's ranking, from 1; null for a pin of someone the project did not rank. */
  projectRank: number | null;
  /** Its place in the applicant's own order of their applications, from 1. */
  applicantChoice: number;
  pinned: boolean;
}

/** Why a project that ranked an applicant did not get them. */
export type LostBecause =
  /** The applicant got a project they put first. */
  | "applicant-preferred-another"
  /** The project's slots went to applicants it ranked higher. */
  | "slots-went-to-higher-ranked"
  /** An admin excluded the pair. */
  | "excluded"
  /** An admin pinned the applicant to another project. */
  | "pinned-elsewhere";

/** An applicant whom several projects ranked, and how that was settled. */
export interface SelectionConflict {
  applicantId: number;
  /** The project they got, or null. */
  projectId: number | null;
  /** The other projects that ranked them, in the applicant's order, and why each lost them. */
  others: Array<{ projectId: number; projectRank: number; because: LostBecause }>;
}

/** Why a project has slots left. */
export type EmptySlotReason =
  /** Its mentors ranked nobody (or everyone they ranked was excluded). */
  | "nobody-ranked"
  /** Everyone it ranked got a project they put first, or was pinned elsewhere. */
  | "ranked-went-elsewhere";

/** A project with slots no one fills. */
export interface EmptySlots {
  projectId: number;
  empty: number;
  /** How many applicants it ranked. */
  ranked: number;
  reason: EmptySlotReason;
}

/** Someone ranked by at least one project who gets no mentorship. */
export interface LeftWithout {
  applicantId: number;
  /** The projects that ranked them, each of which filled its slots with applicants it ranked higher. */
  rankedBy: number[];
}

/** The solver's proposal, every list in a stable order (by project id, then applicant id). */
export interface SelectionResult {
  assignments: SelectionAssignment[];
  conflicts: SelectionConflict[];
  emptySlots: EmptySlots[];
  leftWithout: LeftWithout[];
}

/**
 * What is wrong with an input, in words an admin can act on; empty when it can be solved.
 * Rankings name the project's own applications once each; pins and exclusions name known
 * applications; an applicant has at most one pin and a project no more pins than slots.
 */
export function selectionInputProblems(input: SelectionInput): string[] {
  const problems: string[] = [];
  const applications = new Map(input.applications.map((application) => [application.id, application]));
  const projects = new Map(input.projects.map((project) => [project.id, project]));
  for (const application of input.applications) {
    if (!projects.has(application.projectId))
      problems.push(`Application ${application.id} is to project ${application.projectId}, which is not in the selection.`);
  }
  for (const project of input.projects) {
    if (!Number.isInteger(project.slots) || project.slots < 0)
      problems.push(`Project ${project.id} has ${project.slots} slots; slots are a whole number, 0 or more.`);
    const seen = new Set<number>();
    for (const id of project.ranking) {
      if (applications.get(id)?.projectId !== project.id) problems.push(`Project ${project.id} ranks application ${id}, which is not one of its applications.`);
      else if (seen.has(id)) problems.push(`Project ${project.id} ranks application ${id} twice.`);
      seen.add(id);
    }
  }
  const excluded = new Set(input.exclusions ?? []);
  const pinsOfApplicant = new Map<number, number>();
  const pinsOfProject = new Map<number, number>();
  for (const id of input.pins ?? []) {
    const application = applications.get(id);
    if (!application) {
      problems.push(`Pinned application ${id} is not a submitted application of the term.`);
      continue;
    }
    if (excluded.has(id)) problems.push(`Application ${id} is both pinned and excluded; keep one.`);
    const applicantPins = (pinsOfApplicant.get(application.applicantId) ?? 0) + 1;
    pinsOfApplicant.set(application.applicantId, applicantPins);
    if (applicantPins === 2) problems.push(`Applicant ${application.applicantId} is pinned to more than one project; an applicant holds one mentorship.`);
    const projectPins = (pinsOfProject.get(application.projectId) ?? 0) + 1;
    pinsOfProject.set(application.projectId, projectPins);
    if (projectPins === (projects.get(application.projectId)?.slots ?? 0) + 1) {
      problems.push(`Project ${application.projectId} has more pins than its ${projects.get(application.projectId)?.slots ?? 0} slots.`);
    }
  }
  for (const id of input.exclusions ?? []) {
    if (!applications.has(id)) problems.push(`Excluded application ${id} is not a submitted application of the term.`);
  }
  return problems;
}

/** A project during the proposals: what is left of its slots and whom it holds, best first. */
interface ProjectState {
  project: SelectionProject;
  capacity: number;
  /** Application id → place in the ranking (0 = best), for the pairs that may be matched. */
  rankOf: Map<number, number>;
  /** Held application ids, in the order of their rank, best first. */
  held: number[];
}

/**
 * Solves a term's selection. Throws when `selectionInputProblems` finds anything: the command
 * asks first and tells the admin.
 */
export function solveSelection(input: SelectionInput): SelectionResult {
  const problems = selectionInputProblems(input);
  if (problems.length > 0) throw new Error(`selection input: ${problems.join(" ")}`);
  const applications = new Map(input.applications.map((application) => [application.id, application]));
  const excluded = new Set(input.exclusions ?? []);
  const pinned = new Set(input.pins ?? []);
  const pinnedApplicants = new Set([...pinned].map((id) => (applications.get(id) as SelectionApplication).applicantId));

  const states = new Map<number, ProjectState>();
  for (const project of [...input.projects].sort((a, b) => a.id - b.id)) {
    states.set(project.id, { project, capacity: project.slots, rankOf: new Map(), held: [] });
  }
  for (const id of pinned) {
    const state = states.get((applications.get(id) as SelectionApplication).projectId) as ProjectState;
    state.capacity -= 1;
  }
  for (const state of states.values()) {
    state.project.ranking.forEach((id, place) => {
      const application = applications.get(id) as SelectionApplication;
      if (!excluded.has(id) && !pinnedApplicants.has(application.applicantId)) state.rankOf.set(id, place);
    });
  }

  const ordered = applicantOrders(input.applications);
  // Each applicant's proposals: their applications that the project ranked, most wanted first.
  const proposals = new Map<number, number[]>();
  for (const [applicantId, own] of ordered) {
    if (pinnedApplicants.has(applicantId)) continue;
    const acceptable = own.filter((application) => states.get(application.projectId)?.rankOf.has(application.id)).map((application) => application.id);
    if (acceptable.length > 0) proposals.set(applicantId, acceptable);
  }

  const next = new Map<number, number>();
  const free = [...proposals.keys()].sort((a, b) => b - a);
  for (let applicantId = free.pop(); applicantId !== undefined; applicantId = free.pop()) {
    const list = proposals.get(applicantId) as number[];
    const index = next.get(applicantId) ?? 0;
    if (index >= list.length) continue;
    next.set(applicantId, index + 1);
    const applicationId = list[index] as number;
    const state = states.get((applications.get(applicationId) as SelectionApplication).projectId) as ProjectState;
    const rejected = hold(state, applicationId);
    if (rejected !== null) free.push((applications.get(rejected) as SelectionApplication).applicantId);
  }

  return describeResult(input, { applications, states, ordered, pinned, excluded });
}

/**
 * Puts a proposal to a project: held if a slot is free or it ranks above the worst held, which
 * is then let go. Returns the application let go (the proposal itself when refused), or null.
 */
function hold(state: ProjectState, applicationId: number): number | null {
  if (state.capacity <= 0) return applicationId;
  const rank = state.rankOf.get(applicationId) as number;
  const { held } = state;
  if (held.length === state.capacity && rank > (state.rankOf.get(held[held.length - 1] as number) as number)) return applicationId;
  let at = held.length;
  while (at > 0 && (state.rankOf.get(held[at - 1] as number) as number) > rank) at -= 1;
  held.splice(at, 0, applicationId);
  return held.length > state.capacity ? (held.pop() as number) : null;
}

/** Each applicant's applications in their own order: preference, then application id. */
function applicantOrders(applications: readonly SelectionApplication[]): Map<number, SelectionApplication[]> {
  const byApplicant = new Map<number, SelectionApplication[]>();
  for (const application of applications) {
    const own = byApplicant.get(application.applicantId);
    if (own) own.push(application);
    else byApplicant.set(application.applicantId, [application]);
  }
  for (const own of byApplicant.values()) own.sort((a, b) => a.preference - b.preference || a.id - b.id);
  return byApplicant;
}

interface Solved {
  applications: Map<number, SelectionApplication>;
  states: Map<number, ProjectState>;
  ordered: Map<number, SelectionApplication[]>;
  pinned: Set<number>;
  excluded: Set<number>;
}

function describeResult(input: SelectionInput, solved: Solved): SelectionResult {
  const { applications, states, ordered, pinned, excluded } = solved;
  const matchedApplication = new Map<number, number>();
  for (const id of pinned) matchedApplication.set((applications.get(id) as SelectionApplication).applicantId, id);
  for (const state of states.values()) {
    for (const id of state.held) matchedApplication.set((applications.get(id) as SelectionApplication).applicantId, id);
  }
  const placeInRanking = new Map<number, number>();
  for (const project of input.projects) {
    for (const [place, id] of project.ranking.entries()) placeInRanking.set(id, place + 1);
  }

  const assignments: SelectionAssignment[] = [...matchedApplication.values()].map((id) => {
    const application = applications.get(id) as SelectionApplication;
    const own = ordered.get(application.applicantId) as SelectionApplication[];
    return {
      applicationId: id,
      applicantId: application.applicantId,
      projectId: application.projectId,
      projectRank: placeInRanking.get(id) ?? null,
      applicantChoice: own.findIndex((item) => item.id === id) + 1,
      pinned: pinned.has(id),
    };
  });
  assignments.sort((a, b) => a.projectId - b.projectId || (a.projectRank ?? 0) - (b.projectRank ?? 0) || a.applicantId - b.applicantId);

  const conflicts: SelectionConflict[] = [];
  const leftWithout: LeftWithout[] = [];
  for (const [applicantId, own] of [...ordered].sort((a, b) => a[0] - b[0])) {
    const ranked = own.filter((application) => placeInRanking.has(application.id));
    const got = matchedApplication.get(applicantId);
    if (got === undefined && ranked.length > 0) leftWithout.push({ applicantId, rankedBy: ranked.map((application) => application.projectId) });
    if (ranked.length < 2) continue;
    const gotPlace = got === undefined ? own.length : own.findIndex((application) => application.id === got);
    const others = ranked
      .filter((application) => application.id !== got)
      .map((application) => ({
        projectId: application.projectId,
        projectRank: placeInRanking.get(application.id) as number,
        because: lostBecause(application, { place: own.indexOf(application), gotPlace, gotPinned: got !== undefined && pinned.has(got), excluded }),
      }));
    conflicts.push({ applicantId, projectId: got === undefined ? null : (applications.get(got) as SelectionApplication).projectId, others });
  }

  const emptySlots: EmptySlots[] = [];
  for (const state of states.values()) {
    const filled = state.held.length + (state.project.slots - state.capacity);
    const empty = state.project.slots - filled;
    if (empty <= 0) continue;
    const ranked = state.project.ranking.filter((id) => !excluded.has(id)).length;
    emptySlots.push({ projectId: state.project.id, empty, ranked, reason: ranked === 0 ? "nobody-ranked" : "ranked-went-elsewhere" });
  }
  return { assignments, conflicts, emptySlots, leftWithout };
}

function lostBecause(
  application: SelectionApplication,
  { place, gotPlace, gotPinned, excluded }: { place: number; gotPlace: number; gotPinned: boolean; excluded: Set<number> },
): LostBecause {
  if (excluded.has(application.id)) return "excluded";
  if (gotPinned) return "pinned-elsewhere";
  // Deferred acceptance: the applicant asked every project they put before the one they got, and each of those let them go.
  return place < gotPlace ? "slots-went-to-higher-ranked" : "applicant-preferred-another";
}

/** A submitted application as stored: the applicant's own rank if they gave one, when it was submitted, and the project's rank of it. */
export interface StoredSelectionApplication {
  id: number;
  personId: number;
  projectId: number;
  applicantRank: number | null;
  submittedAt: string | null;
  shortlistRank: number | null;
}

/**
 * The solver's input from a term's stored state: each project's ranked shortlist in its order,
 * and each applicant's order (the applications they ranked, in their ranks, then the others in
 * the order of submission, ties by application id).
 */
export function selectionInputOf(source: {
  projects: ReadonlyArray<{ id: number; slots: number }>;
  applications: readonly StoredSelectionApplication[];
  overrides: ReadonlyArray<{ applicationId: number; kind: "pin" | "exclude" }>;
}): SelectionInput {
  const rankings = new Map<number, StoredSelectionApplication[]>(source.projects.map((project) => [project.id, []]));
  const byApplicant = new Map<number, StoredSelectionApplication[]>();
  for (const application of source.applications) {
    if (application.shortlistRank !== null) rankings.get(application.projectId)?.push(application);
    const own = byApplicant.get(application.personId);
    if (own) own.push(application);
    else byApplicant.set(application.personId, [application]);
  }
  const applications: SelectionApplication[] = [];
  for (const own of byApplicant.values()) {
    own.sort(
      (a, b) =>
        (a.applicantRank ?? Number.POSITIVE_INFINITY) - (b.applicantRank ?? Number.POSITIVE_INFINITY) ||
        (a.submittedAt ?? "").localeCompare(b.submittedAt ?? "") ||
        a.id - b.id,
    );
    own.forEach((application, place) => {
      applications.push({ id: application.id, applicantId: application.personId, projectId: application.projectId, preference: place });
    });
  }
  return {
    projects: source.projects.map((project) => ({
      id: project.id,
      slots: project.slots,
      ranking: (rankings.get(project.id) ?? [])
        .sort((a, b) => (a.shortlistRank as number) - (b.shortlistRank as number) || a.id - b.id)
        .map((application) => application.id),
    })),
    applications: applications.filter((application) => rankings.has(application.projectId)),
    pins: source.overrides.filter((override) => override.kind === "pin").map((override) => override.applicationId),
    exclusions: source.overrides.filter((override) => override.kind === "exclude").map((override) => override.applicationId),
  };
}
