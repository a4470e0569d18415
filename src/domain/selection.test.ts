import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { type SelectionApplication, type SelectionInput, type SelectionResult, selectionInputProblems, solveSelection } from "./selection.ts";

/** An application of `applicant` to `project`, the applicant's `preference`-th choice. */
const app = (id: number, applicantId: number, projectId: number, preference = id): SelectionApplication => ({ id, applicantId, projectId, preference });

/** Who got which project, as "applicant→project" pairs. */
const pairs = (result: SelectionResult) => result.assignments.map((item) => `${item.applicantId}→${item.projectId}`);

describe("selecting mentees by deferred acceptance", () => {
  test("two projects that both rank an applicant first: the applicant gets the one they put first, and the other takes its next", () => {
    // Ada (1) applied to Alpha (10) first, then Beta (20); Ben (2) applied to Beta only.
    const result = solveSelection({
      projects: [
        { id: 10, slots: 1, ranking: [101] },
        { id: 20, slots: 1, ranking: [102, 201] },
      ],
      applications: [app(101, 1, 10, 1), app(102, 1, 20, 2), app(201, 2, 20, 1)],
    });
    expect(pairs(result)).toEqual(["1→10", "2→20"]);
    expect(result.conflicts).toEqual([
      { applicantId: 1, projectId: 10, others: [{ applicationId: 102, projectId: 20, projectRank: 1, because: "applicant-preferred-another" }] },
    ]);
    expect(result.assignments.find((item) => item.applicantId === 2)).toMatchObject({ projectRank: 2, applicantChoice: 1, pinned: false });
    expect(result.emptySlots).toEqual([]);
    expect(result.leftWithout).toEqual([]);
  });

  test("an applicant who prefers the project that ranked them lower gets that one", () => {
    // Alpha ranks Ada first; Beta ranks her second of two slots. She put Beta first.
    const result = solveSelection({
      projects: [
        { id: 10, slots: 1, ranking: [101, 301] },
        { id: 20, slots: 2, ranking: [202, 102] },
      ],
      applications: [app(101, 1, 10, 2), app(102, 1, 20, 1), app(202, 2, 20, 1), app(301, 3, 10, 1)],
    });
    expect(pairs(result)).toEqual(["3→10", "2→20", "1→20"]);
    expect(result.assignments.find((item) => item.applicantId === 1)).toMatchObject({ projectRank: 2, applicantChoice: 1 });
  });

  test("a project's slot goes to its higher-ranked applicant, and the one it lets go moves on to their next choice", () => {
    const result = solveSelection({
      projects: [
        { id: 10, slots: 1, ranking: [201, 101] },
        { id: 20, slots: 1, ranking: [102] },
      ],
      applications: [app(101, 1, 10, 1), app(102, 1, 20, 2), app(201, 2, 10, 1)],
    });
    expect(pairs(result)).toEqual(["2→10", "1→20"]);
    expect(result.conflicts).toEqual([
      { applicantId: 1, projectId: 20, others: [{ applicationId: 101, projectId: 10, projectRank: 2, because: "slots-went-to-higher-ranked" }] },
    ]);
  });

  test("slots nobody fills say why: nobody ranked, or everyone ranked went elsewhere", () => {
    const result = solveSelection({
      projects: [
        { id: 10, slots: 2, ranking: [101] },
        { id: 20, slots: 1, ranking: [102] },
        { id: 30, slots: 1, ranking: [] },
      ],
      applications: [app(101, 1, 10, 1), app(102, 1, 20, 2), app(301, 3, 30)],
    });
    expect(pairs(result)).toEqual(["1→10"]);
    expect(result.emptySlots).toEqual([
      { projectId: 10, empty: 1, ranked: 1, reason: "ranked-went-elsewhere" },
      { projectId: 20, empty: 1, ranked: 1, reason: "ranked-went-elsewhere" },
      { projectId: 30, empty: 1, ranked: 0, reason: "nobody-ranked" },
    ]);
  });

  test("an applicant whom every ranking project fills above is listed as left without a mentorship", () => {
    const result = solveSelection({
      projects: [{ id: 10, slots: 1, ranking: [201, 101] }],
      applications: [app(101, 1, 10), app(201, 2, 10)],
    });
    expect(pairs(result)).toEqual(["2→10"]);
    expect(result.leftWithout).toEqual([{ applicantId: 1, rankedBy: [10] }]);
  });

  test("a pin takes its slot whatever the rankings say, and an exclusion keeps its pair apart", () => {
    const input: SelectionInput = {
      projects: [
        { id: 10, slots: 1, ranking: [101, 201] },
        { id: 20, slots: 1, ranking: [102] },
      ],
      applications: [app(101, 1, 10, 1), app(102, 1, 20, 2), app(201, 2, 10, 1)],
    };
    expect(pairs(solveSelection(input))).toEqual(["1→10"]);
    expect(pairs(solveSelection({ ...input, pins: [201] }))).toEqual(["2→10", "1→20"]);
    const excluded = solveSelection({ ...input, exclusions: [101] });
    expect(pairs(excluded)).toEqual(["2→10", "1→20"]);
    expect(excluded.conflicts[0]?.others).toEqual([{ applicationId: 101, projectId: 10, projectRank: 1, because: "excluded" }]);
  });

  test("equal preferences of an applicant are ordered by application id", () => {
    const result = solveSelection({
      projects: [
        { id: 10, slots: 1, ranking: [102] },
        { id: 20, slots: 1, ranking: [101] },
      ],
      applications: [app(101, 1, 20, 5), app(102, 1, 10, 5)],
    });
    expect(pairs(result)).toEqual(["1→20"]);
  });

  test("an input that cannot be solved is described in words before solving", () => {
    const input: SelectionInput = {
      projects: [
        { id: 10, slots: 1, ranking: [101, 101, 201] },
        { id: 20, slots: 0, ranking: [] },
      ],
      applications: [app(101, 1, 10), app(102, 1, 20), app(201, 2, 20)],
      pins: [101, 102, 999],
      exclusions: [101],
    };
    expect(selectionInputProblems(input)).toEqual([
      "Project 10 ranks application 101 twice.",
      "Project 10 ranks application 201, which is not one of its applications.",
      "Application 101 is both pinned and excluded; keep one.",
      "Applicant 1 is pinned to more than one project; an applicant holds one mentorship.",
      "Project 20 has more pins than its 0 slots.",
      "Pinned application 999 is not a submitted application of the term.",
    ]);
    expect(() => solveSelection(input)).toThrow(/ranks application 101 twice/);
    // The solver finds the same problems while it indexes, so the command need not ask first.
    expect(() => solveSelection(input)).toThrow(expect.objectContaining({ problems: selectionInputProblems(input) }));
  });
});

// Random terms, small enough for a brute-force search: up to 6 applicants and 4 projects.
const instance = fc
  .record({
    applicants: fc.integer({ min: 1, max: 6 }),
    slots: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 4 }),
    seed: fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 3 }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 24, maxLength: 24 }),
  })
  .chain(({ applicants, slots, seed }) => {
    const applications: SelectionApplication[] = [];
    let id = 1;
    for (let applicant = 1; applicant <= applicants; applicant += 1) {
      slots.forEach((_, project) => {
        const [applies, preference] = seed[((applicant - 1) * 4 + project) % seed.length] ?? [false, 0];
        if (applies) applications.push(app(id++, applicant, project + 1, preference));
      });
    }
    const rankings = slots.map((_, project) =>
      fc.shuffledSubarray(
        applications.filter((application) => application.projectId === project + 1).map((application) => application.id),
        {},
      ),
    );
    return fc.tuple(fc.constant(slots), fc.constant(applications), fc.tuple(...rankings), fc.subarray(applications.map((application) => application.id)));
  })
  .map(([slots, applications, rankings, excludedOrPinned]) => {
    const input: SelectionInput = {
      projects: slots.map((count, index) => ({ id: index + 1, slots: count, ranking: rankings[index] ?? [] })),
      applications,
    };
    return { input, marked: excludedOrPinned };
  });

/** A random term with valid pins and exclusions drawn from `marked`: every other one a pin where the applicant and the project allow one more. */
const withPinsAndExclusions = instance.map(({ input, marked }) => {
  const pins: number[] = [];
  const exclusions: number[] = [];
  const pinnedApplicants = new Set<number>();
  const pinsPerProject = new Map<number, number>();
  marked.forEach((id, index) => {
    const application = input.applications.find((item) => item.id === id) as SelectionApplication;
    const slots = input.projects.find((project) => project.id === application.projectId)?.slots ?? 0;
    const projectPins = pinsPerProject.get(application.projectId) ?? 0;
    if (index % 2 === 0 && !pinnedApplicants.has(application.applicantId) && projectPins < slots) {
      pins.push(id);
      pinnedApplicants.add(application.applicantId);
      pinsPerProject.set(application.projectId, projectPins + 1);
    } else exclusions.push(id);
  });
  return { ...input, pins, exclusions };
});

/** The applicant's order of their applications, as the solver reads it. */
function orderOf(input: SelectionInput, applicantId: number): number[] {
  return input.applications
    .filter((application) => application.applicantId === applicantId)
    .sort((a, b) => a.preference - b.preference || a.id - b.id)
    .map((application) => application.id);
}

/** The pairs that could block `matched` (application ids), pinned applicants left out: empty when it is stable. */
function blockingPairs(input: SelectionInput, matched: readonly number[]): number[] {
  const byId = new Map(input.applications.map((application) => [application.id, application]));
  const excluded = new Set(input.exclusions ?? []);
  const pinned = new Set(input.pins ?? []);
  const pinnedApplicants = new Set([...pinned].map((id) => byId.get(id)?.applicantId));
  const matchOf = new Map(matched.map((id) => [byId.get(id)?.applicantId, id]));
  const blocking: number[] = [];
  for (const project of input.projects) {
    const holding = matched.filter((id) => byId.get(id)?.projectId === project.id);
    for (const [place, id] of project.ranking.entries()) {
      const application = byId.get(id) as SelectionApplication;
      if (excluded.has(id) || pinnedApplicants.has(application.applicantId) || holding.includes(id)) continue;
      const order = orderOf(input, application.applicantId);
      const current = matchOf.get(application.applicantId);
      const prefersThis = current === undefined || order.indexOf(id) < order.indexOf(current);
      if (!prefersThis) continue;
      const freeSlot = holding.length < project.slots;
      const holdsWorse = holding.some((other) => !pinned.has(other) && project.ranking.indexOf(other) > place);
      if (freeSlot || holdsWorse) blocking.push(id);
    }
  }
  return blocking;
}

/**
 * The applicant-optimal stable matching found by trying every matching: each applicant's best
 * partner over all stable matchings (the stable matchings form a lattice, so these together are
 * one of them).
 */
function bruteForceApplicantOptimal(input: SelectionInput): number[] {
  const applicants = [...new Set(input.applications.map((application) => application.applicantId))].sort((a, b) => a - b);
  const ranked = new Set(input.projects.flatMap((project) => project.ranking));
  const options = applicants.map((applicant) => [undefined, ...orderOf(input, applicant).filter((id) => ranked.has(id))]);
  const slotsOf = new Map(input.projects.map((project) => [project.id, project.slots]));
  const projectOf = new Map(input.applications.map((application) => [application.id, application.projectId]));
  const stable: number[][] = [];
  const choose = (index: number, chosen: number[]) => {
    if (index === applicants.length) {
      if (blockingPairs(input, chosen).length === 0) stable.push([...chosen]);
      return;
    }
    for (const option of options[index] ?? []) {
      if (option !== undefined) {
        const project = projectOf.get(option) as number;
        if (chosen.filter((id) => projectOf.get(id) === project).length >= (slotsOf.get(project) ?? 0)) continue;
      }
      choose(index + 1, option === undefined ? chosen : [...chosen, option]);
    }
  };
  choose(0, []);
  const best: number[] = [];
  for (const applicant of applicants) {
    const order = orderOf(input, applicant);
    const partners = stable.flatMap((matching) => matching.filter((id) => order.includes(id)));
    const first = order.find((id) => partners.includes(id));
    if (first !== undefined) best.push(first);
  }
  return best.sort((a, b) => a - b);
}

const matchedIds = (result: SelectionResult) => result.assignments.map((item) => item.applicationId).sort((a, b) => a - b);

describe("the solver on random terms", () => {
  test("leaves no blocking pair", () => {
    fc.assert(
      fc.property(withPinsAndExclusions, (input) => {
        expect(blockingPairs(input, matchedIds(solveSelection(input)))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  test("fills no project past its slots, gives no applicant two mentorships, and matches only ranked, unexcluded pairs or pins", () => {
    fc.assert(
      fc.property(withPinsAndExclusions, (input) => {
        const result = solveSelection(input);
        const perProject = new Map<number, number>();
        const applicants = new Set<number>();
        const ranked = new Set(input.projects.flatMap((project) => project.ranking));
        for (const item of result.assignments) {
          perProject.set(item.projectId, (perProject.get(item.projectId) ?? 0) + 1);
          expect(applicants.has(item.applicantId)).toBe(false);
          applicants.add(item.applicantId);
          expect(item.pinned || (ranked.has(item.applicationId) && !input.exclusions?.includes(item.applicationId))).toBe(true);
        }
        for (const project of input.projects) expect(perProject.get(project.id) ?? 0).toBeLessThanOrEqual(project.slots);
      }),
      { numRuns: 500 },
    );
  });

  test("keeps every pin", () => {
    fc.assert(
      fc.property(withPinsAndExclusions, (input) => {
        const result = solveSelection(input);
        for (const pin of input.pins ?? []) expect(result.assignments.find((item) => item.applicationId === pin)?.pinned).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test("gives the same result whatever the order of its input", () => {
    fc.assert(
      fc.property(
        withPinsAndExclusions.chain((input) =>
          fc.tuple(
            fc.constant(input),
            fc.shuffledSubarray([...input.applications], { minLength: input.applications.length }),
            fc.shuffledSubarray([...input.projects], { minLength: input.projects.length }),
            fc.shuffledSubarray([...(input.pins ?? [])], { minLength: input.pins?.length ?? 0 }),
          ),
        ),
        ([input, applications, projects, pins]) => {
          expect(solveSelection({ ...input, applications, projects, pins })).toEqual(solveSelection(input));
        },
      ),
      { numRuns: 300 },
    );
  });

  test("finds the applicant-optimal stable matching that a search of every matching finds", () => {
    fc.assert(
      fc.property(
        instance.map(({ input }) => input),
        (input) => {
          expect(matchedIds(solveSelection(input))).toEqual(bruteForceApplicantOptimal(input));
        },
      ),
      { numRuns: 300 },
    );
  });
});
