import { byApplicantPreference } from "./applicant-preference.ts";
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
  /** The other projects that ranked them (by the application to each), in the applicant's order, and why each lost them. */
  others: Array<{ applicationId: number; projectId: number; projectRank: number; because: LostBecause }>;
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
 * The input indexed once, for the solver: applications, projects and applicants by position,
 * in flat arrays (a GSoC-sized term has 132,000 applications, and maps of objects cost most of
 * the time), with every problem found on the way.
 */
interface Indexed {
  problems: string[];
  applications: readonly SelectionApplication[];
  /** Projects in the order of their ids. */
  projects: SelectionProject[];
  /** Applicant ids in increasing order. */
  applicantIds: number[];
  /** Per application: its project's and its applicant's position. */
  projectOf: Int32Array;
  applicantOf: Int32Array;
  /** Per application: its place in its project's ranking (0 = best), or -1 when unranked. */
  rank: Int32Array;
  /** Per application: 1 when pinned, 2 when excluded, else 0. */
  override: Uint8Array;
  /** Each applicant's applications in their own order: those of applicant a are order[orderStart[a] .. orderStart[a + 1]). */
  orderStart: Int32Array;
  order: Int32Array;
  /** Per application: its place in its applicant's order, from 0. */
  choice: Int32Array;
}

const PINNED = 1;
const EXCLUDED = 2;

/**
 * What is wrong with an input, in words an admin can act on; empty when it can be solved.
 * Rankings name the project's own applications once each; pins and exclusions name known
 * applications; an applicant has at most one pin and a project no more pins than slots.
 */
export function selectionInputProblems(input: SelectionInput): string[] {
  return indexInput(input).problems;
}

function indexInput(input: SelectionInput): Indexed {
  const problems: string[] = [];
  const { applications } = input;
  const count = applications.length;
  const projects = [...input.projects].sort((a, b) => a.id - b.id);
  const projectAt = new Map<number, number>();
  for (const [at, project] of projects.entries()) {
    projectAt.set(project.id, at);
    if (!Number.isInteger(project.slots) || project.slots < 0)
      problems.push(`Project ${project.id} has ${project.slots} slots; slots are a whole number, 0 or more.`);
  }
  const applicantIds = [...new Set(applications.map((application) => application.applicantId))].sort((a, b) => a - b);
  const applicantAt = new Map<number, number>();
  for (const [at, id] of applicantIds.entries()) applicantAt.set(id, at);

  const applicationAt = new Map<number, number>();
  const projectOf = new Int32Array(count);
  const applicantOf = new Int32Array(count);
  const orderStart = new Int32Array(applicantIds.length + 1);
  for (let at = 0; at < count; at += 1) {
    const application = applications[at] as SelectionApplication;
    applicationAt.set(application.id, at);
    const project = projectAt.get(application.projectId);
    if (project === undefined) problems.push(`Application ${application.id} is to project ${application.projectId}, which is not in the selection.`);
    projectOf[at] = project ?? -1;
    const applicant = applicantAt.get(application.applicantId) as number;
    applicantOf[at] = applicant;
    orderStart[applicant + 1] = (orderStart[applicant + 1] as number) + 1;
  }
  // Each applicant's applications side by side (a counting sort), then in their own order.
  for (let applicant = 0; applicant < applicantIds.length; applicant += 1) {
    orderStart[applicant + 1] = (orderStart[applicant + 1] as number) + (orderStart[applicant] as number);
  }
  const order = new Int32Array(count);
  const filled = orderStart.slice(0, applicantIds.length);
  for (let at = 0; at < count; at += 1) {
    const applicant = applicantOf[at] as number;
    order[filled[applicant] as number] = at;
    filled[applicant] = (filled[applicant] as number) + 1;
  }
  const choice = new Int32Array(count);
  const byPreference = (a: number, b: number) => {
    const first = applications[a] as SelectionApplication;
    const second = applications[b] as SelectionApplication;
    return first.preference - second.preference || first.id - second.id;
  };
  for (let applicant = 0; applicant < applicantIds.length; applicant += 1) {
    const own = order.subarray(orderStart[applicant], orderStart[applicant + 1]);
    if (own.length > 1) own.set([...own].sort(byPreference));
    for (const [place, at] of own.entries()) choice[at] = place;
  }

  const rank = new Int32Array(count).fill(-1);
  for (const project of projects) {
    const projectIndex = projectAt.get(project.id) as number;
    for (const [place, id] of project.ranking.entries()) {
      const at = applicationAt.get(id);
      if (at === undefined || projectOf[at] !== projectIndex)
        problems.push(`Project ${project.id} ranks application ${id}, which is not one of its applications.`);
      else if ((rank[at] as number) >= 0) problems.push(`Project ${project.id} ranks application ${id} twice.`);
      else rank[at] = place;
    }
  }

  const override = new Uint8Array(count);
  for (const id of input.exclusions ?? []) {
    const at = applicationAt.get(id);
    if (at === undefined) problems.push(`Excluded application ${id} is not a submitted application of the term.`);
    else override[at] = EXCLUDED;
  }
  const pinsOfApplicant = new Set<number>();
  const pinsOfProject = new Map<number, number>();
  const pinProblems: string[] = [];
  for (const id of input.pins ?? []) {
    const at = applicationAt.get(id);
    if (at === undefined) {
      pinProblems.push(`Pinned application ${id} is not a submitted application of the term.`);
      continue;
    }
    const application = applications[at] as SelectionApplication;
    if (override[at] === EXCLUDED) pinProblems.push(`Application ${id} is both pinned and excluded; keep one.`);
    override[at] = PINNED;
    if (pinsOfApplicant.has(application.applicantId)) {
      pinProblems.push(`Applicant ${application.applicantId} is pinned to more than one project; an applicant holds one mentorship.`);
    }
    pinsOfApplicant.add(application.applicantId);
    const projectPins = (pinsOfProject.get(application.projectId) ?? 0) + 1;
    pinsOfProject.set(application.projectId, projectPins);
    const slots = projects[projectAt.get(application.projectId) ?? -1]?.slots ?? 0;
    if (projectPins === slots + 1) pinProblems.push(`Project ${application.projectId} has more pins than its ${slots} slots.`);
  }
  problems.push(...pinProblems);
  return { problems, applications, projects, applicantIds, projectOf, applicantOf, rank, override, orderStart, order, choice };
}

/** An input the solver cannot honour, with each problem in words an admin can act on. */
export class SelectionInputError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`selection input: ${problems.join(" ")}`);
    this.problems = problems;
  }
}

/**
 * Solves a term's selection. Throws a SelectionInputError when `selectionInputProblems` finds
 * anything, found while the input is indexed, so a caller does not index it twice to ask first.
 */
export function solveSelection(input: SelectionInput): SelectionResult {
  const indexed = indexInput(input);
  if (indexed.problems.length > 0) throw new SelectionInputError(indexed.problems);
  const { projects, applicantIds, projectOf, applicantOf, rank, override, orderStart, order } = indexed;

  // What is left of each project's slots once the pins take theirs, and each applicant's pin.
  const capacity = Int32Array.from(projects, (project) => project.slots);
  const match = new Int32Array(applicantIds.length).fill(-1);
  for (let at = 0; at < override.length; at += 1) {
    if (override[at] !== PINNED) continue;
    const project = projectOf[at] as number;
    capacity[project] = (capacity[project] as number) - 1;
    match[applicantOf[at] as number] = at;
  }
  const acceptable = (at: number) => (rank[at] as number) >= 0 && override[at] === 0;

  // Whom each project holds, best-ranked first.
  const held: number[][] = projects.map(() => []);
  const next = orderStart.slice(0, applicantIds.length);
  const free: number[] = [];
  for (let applicant = applicantIds.length - 1; applicant >= 0; applicant -= 1) if (match[applicant] === -1) free.push(applicant);
  for (let applicant = free.pop(); applicant !== undefined; applicant = free.pop()) {
    // The applicant's next application that its project may take.
    let at = -1;
    for (let cursor = next[applicant] as number; cursor < (orderStart[applicant + 1] as number); cursor += 1) {
      const candidate = order[cursor] as number;
      if (acceptable(candidate)) {
        at = candidate;
        next[applicant] = cursor + 1;
        break;
      }
    }
    if (at === -1) continue;
    const project = projectOf[at] as number;
    const holding = held[project] as number[];
    const slots = capacity[project] as number;
    const place = rank[at] as number;
    if (slots <= 0 || (holding.length === slots && place > (rank[holding[slots - 1] as number] as number))) {
      free.push(applicant);
      continue;
    }
    let insertAt = holding.length;
    while (insertAt > 0 && (rank[holding[insertAt - 1] as number] as number) > place) insertAt -= 1;
    holding.splice(insertAt, 0, at);
    match[applicant] = at;
    if (holding.length > slots) {
      const released = holding.pop() as number;
      const releasedApplicant = applicantOf[released] as number;
      match[releasedApplicant] = -1;
      free.push(releasedApplicant);
    }
  }
  return describeResult(indexed, { match, held, capacity });
}

function describeResult(indexed: Indexed, solved: { match: Int32Array; held: number[][]; capacity: Int32Array }): SelectionResult {
  const { applications, projects, applicantIds, projectOf, rank, override, orderStart, order, choice } = indexed;
  const { match, held, capacity } = solved;
  const assignments: SelectionAssignment[] = [];
  for (const at of match) {
    if (at === -1) continue;
    const application = applications[at] as SelectionApplication;
    assignments.push({
      applicationId: application.id,
      applicantId: application.applicantId,
      projectId: application.projectId,
      projectRank: (rank[at] as number) >= 0 ? (rank[at] as number) + 1 : null,
      applicantChoice: (choice[at] as number) + 1,
      pinned: override[at] === PINNED,
    });
  }
  assignments.sort((a, b) => a.projectId - b.projectId || (a.projectRank ?? 0) - (b.projectRank ?? 0) || a.applicantId - b.applicantId);

  const conflicts: SelectionConflict[] = [];
  const leftWithout: LeftWithout[] = [];
  for (let applicant = 0; applicant < applicantIds.length; applicant += 1) {
    const ranked: number[] = [];
    for (let cursor = orderStart[applicant] as number; cursor < (orderStart[applicant + 1] as number); cursor += 1) {
      const at = order[cursor] as number;
      if ((rank[at] as number) >= 0) ranked.push(at);
    }
    if (ranked.length === 0) continue;
    const applicantId = applicantIds[applicant] as number;
    const got = match[applicant] as number;
    if (got === -1) leftWithout.push({ applicantId, rankedBy: ranked.map((at) => (applications[at] as SelectionApplication).projectId) });
    if (ranked.length < 2) continue;
    const gotPlace = got === -1 ? Number.POSITIVE_INFINITY : (choice[got] as number);
    const gotPinned = got !== -1 && override[got] === PINNED;
    conflicts.push({
      applicantId,
      projectId: got === -1 ? null : (applications[got] as SelectionApplication).projectId,
      others: ranked
        .filter((at) => at !== got)
        .map((at) => ({
          applicationId: (applications[at] as SelectionApplication).id,
          projectId: (applications[at] as SelectionApplication).projectId,
          projectRank: (rank[at] as number) + 1,
          because:
            override[at] === EXCLUDED
              ? "excluded"
              : gotPinned
                ? "pinned-elsewhere"
                : (choice[at] as number) < gotPlace
                  ? "slots-went-to-higher-ranked"
                  : "applicant-preferred-another",
        })),
    });
  }

  const rankedPerProject = new Int32Array(projects.length);
  for (let at = 0; at < rank.length; at += 1) {
    if ((rank[at] as number) >= 0 && override[at] !== EXCLUDED) {
      const project = projectOf[at] as number;
      rankedPerProject[project] = (rankedPerProject[project] as number) + 1;
    }
  }
  const emptySlots: EmptySlots[] = [];
  for (const [at, project] of projects.entries()) {
    const pins = project.slots - (capacity[at] as number);
    const empty = project.slots - pins - (held[at] as number[]).length;
    if (empty <= 0) continue;
    const ranked = rankedPerProject[at] as number;
    emptySlots.push({ projectId: project.id, empty, ranked, reason: ranked === 0 ? "nobody-ranked" : "ranked-went-elsewhere" });
  }
  return { assignments, conflicts, emptySlots, leftWithout };
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
    own.sort(byApplicantPreference);
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
