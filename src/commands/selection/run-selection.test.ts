import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_TODAY, seedCatalogFixture } from "../../../test/helpers/catalog-fixture.ts";
import { openMigratedTestDatabase, testDialects } from "../../../test/helpers/databases.ts";
import { insertApplicant, insertApplicationRow } from "../../../test/helpers/draft-applications.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findTermBySlug } from "../../storage/repos/term-repo.ts";
import type { ProjectRow, TermRow } from "../../storage/schema.ts";
import { runSelection } from "./run-selection.ts";

const SYSTEM = { kind: "system", label: "selection test" } as const;

describe.each(testDialects())("running the selection of a term on %s", (dialect) => {
  let database: DatabaseHandle;
  let dispose: () => Promise<void>;
  let term: TermRow;
  let alpha: ProjectRow;
  let beta: ProjectRow;
  /** Application ids by "applicant→project", e.g. "ada→alpha". */
  const applications = new Map<string, number>();
  const people = new Map<string, number>();

  beforeAll(async () => {
    const opened = await openMigratedTestDatabase(dialect);
    database = opened.handle;
    dispose = opened.dispose;
    await seedCatalogFixture(database);
    term = (await findTermBySlug(database.db, "2026-demo-term-02")) as TermRow;
    const projects = await database.db.selectFrom("projects").selectAll().where("termId", "=", term.id).where("state", "=", "accepted").orderBy("id").execute();
    [alpha, beta] = projects as [ProjectRow, ProjectRow];
    // Every other project takes no mentee, so the run's empty slots are Alpha's and Beta's alone.
    await database.db.updateTable("projects").set({ slots: 0 }).where("termId", "=", term.id).execute();
    await database.db.updateTable("projects").set({ slots: 1 }).where("id", "in", [alpha.id, beta.id]).execute();
    for (const name of ["ada", "ben", "cy"]) {
      people.set(name, (await insertApplicant(database.db, { name, email: `${name}@example.org`, at: FIXTURE_TODAY })).id);
    }
    // Ada applied to Alpha first, then Beta; Ben to Beta; Cy to Alpha.
    const apply = async (name: string, project: ProjectRow, minute: number) => {
      const id = await insertApplicationRow(database.db, {
        termId: term.id,
        projectId: project.id,
        personId: people.get(name) as number,
        state: "submitted",
        at: new Date(FIXTURE_TODAY.getTime() + minute * 60_000),
      });
      applications.set(`${name}→${project === alpha ? "alpha" : "beta"}`, id);
    };
    await apply("ada", alpha, 1);
    await apply("ada", beta, 2);
    await apply("ben", beta, 3);
    await apply("cy", alpha, 4);
    // Both projects rank Ada first.
    const rank = (key: string, place: number) =>
      database.db
        .updateTable("applications")
        .set({ reviewMark: "shortlisted", shortlistRank: place })
        .where("id", "=", applications.get(key) as number)
        .execute();
    await rank("ada→alpha", 1);
    await rank("cy→alpha", 2);
    await rank("ada→beta", 1);
    await rank("ben→beta", 2);
  }, 120_000);
  afterAll(() => dispose());

  const assignmentsOf = (runId: number) =>
    database.db
      .selectFrom("selectionAssignments")
      .select(["applicationId", "projectRank", "applicantChoice"])
      .where("runId", "=", runId)
      .orderBy("applicationId")
      .execute();

  it("stores the proposal: the applicant both projects want gets the one she put first, and the other project its next", async () => {
    const { runId, result } = await runSelection({ database, actor: SYSTEM, termSlug: term.slug, now: FIXTURE_TODAY });
    expect(await assignmentsOf(runId)).toEqual([
      { applicationId: applications.get("ada→alpha"), projectRank: 1, applicantChoice: 1 },
      { applicationId: applications.get("ben→beta"), projectRank: 2, applicantChoice: 1 },
    ]);
    expect(result.conflicts).toEqual([
      {
        applicantId: people.get("ada"),
        projectId: alpha.id,
        others: [{ applicationId: applications.get("ada→beta"), projectId: beta.id, projectRank: 1, because: "applicant-preferred-another" }],
      },
    ]);
    expect(result.leftWithout).toEqual([{ applicantId: people.get("cy"), rankedBy: [alpha.id] }]);
    const run = await database.db.selectFrom("selectionRuns").selectAll().where("id", "=", runId).executeTakeFirstOrThrow();
    expect(run.state).toBe("proposed");
    expect(JSON.parse(run.findings)).toMatchObject({ leftWithout: [{ applicantId: people.get("cy") }] });
    const audit = await database.db.selectFrom("auditEvents").select(["action", "changes"]).where("action", "=", "selection.run").execute();
    expect(audit).toHaveLength(1);
  });

  it("follows the applicant's own ranking over the order of submission, and supersedes the earlier proposal", async () => {
    await database.db
      .updateTable("applications")
      .set({ applicantRank: 1 })
      .where("id", "=", applications.get("ada→beta") as number)
      .execute();
    const { runId } = await runSelection({ database, actor: SYSTEM, termSlug: term.slug, now: FIXTURE_TODAY });
    expect(await assignmentsOf(runId)).toEqual([
      { applicationId: applications.get("ada→beta"), projectRank: 1, applicantChoice: 1 },
      { applicationId: applications.get("cy→alpha"), projectRank: 2, applicantChoice: 1 },
    ]);
    const states = await database.db.selectFrom("selectionRuns").select("state").where("termId", "=", term.id).orderBy("id").execute();
    expect(states.map((row) => row.state)).toEqual(["superseded", "proposed"]);
  });

  it("refuses pins a project has no slots for, saying which, and stores nothing", async () => {
    const at = FIXTURE_TODAY.toISOString();
    await database.db
      .insertInto("selectionOverrides")
      .values(
        ["ada→alpha", "cy→alpha"].map((key) => ({
          applicationId: applications.get(key) as number,
          termId: term.id,
          kind: "pin" as const,
          personId: null,
          createdAt: at,
        })),
      )
      .execute();
    await expect(runSelection({ database, actor: SYSTEM, termSlug: term.slug, now: FIXTURE_TODAY })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining(`Project ${alpha.id} has more pins than its 1 slots.`),
    });
    await database.db.deleteFrom("selectionOverrides").execute();
    expect(await database.db.selectFrom("selectionRuns").select("id").where("termId", "=", term.id).execute()).toHaveLength(2);
  });

  it("is not run again once the term's selection is published", async () => {
    await database.db
      .updateTable("selectionRuns")
      .set({ state: "published", publishedAt: FIXTURE_TODAY.toISOString() })
      .where("state", "=", "proposed")
      .execute();
    await expect(runSelection({ database, actor: SYSTEM, termSlug: term.slug, now: FIXTURE_TODAY })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/was published on .*; it is not run again/),
    });
  });
});
