import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCatalogFixture } from "../../../test/helpers/catalog-fixture.ts";
import { createTestDatabase, testDialects } from "../../../test/helpers/databases.ts";
import { isAppError } from "../../errors/app-error.ts";
import { type DatabaseHandle, openDatabase } from "../database.ts";
import { migrateToLatest } from "../migrate.ts";
import {
  countProjectApplicants,
  findApplicationById,
  findApplicationOf,
  insertApplication,
  listApplicationsOfPerson,
  listCappedApplicationsOf,
  loadApplicationTarget,
  updateApplication,
} from "./application-repo.ts";
import { findIdempotentAnswer, recordIdempotentAnswer } from "./idempotency-repo.ts";
import { findOrCreatePerson } from "./person-repo.ts";
import { findTermBySlug, moveTermRevision } from "./term-repo.ts";

const AT = new Date("2026-03-02T20:00:00.000Z");
const TERM = "2026-demo-term-02";

describe.each(testDialects())("applications storage on %s", (dialect) => {
  let database: DatabaseHandle;
  let dispose: () => Promise<void>;
  let termId: number;
  let projects: Array<{ id: number; slug: string; title: string }>;
  beforeAll(async () => {
    const target = await createTestDatabase(dialect);
    database = await openDatabase(target.url, { poolSize: 2 });
    await migrateToLatest(database.db);
    await seedCatalogFixture(database);
    dispose = async () => {
      await database.close();
      await target.dispose();
    };
    const term = await findTermBySlug(database.db, TERM);
    if (!term) throw new Error("fixture incomplete");
    termId = term.id;
    projects = await database.db
      .selectFrom("projects")
      .select(["id", "slug", "title"])
      .where("termId", "=", termId)
      .where("state", "=", "accepted")
      .orderBy("id")
      .limit(4)
      .execute();
  }, 120_000);
  afterAll(() => dispose());

  const person = async (email: string) => (await findOrCreatePerson(database.db, { name: email, handle: null, email }, AT)).person.id;
  const apply = (projectIndex: number, personId: number, state: "draft" | "submitted" | "withdrawn", submittedAt = AT) =>
    insertApplication(
      database.db,
      { termId, projectId: projects[projectIndex]?.id ?? 0, personId },
      {
        state,
        submittedAt: state === "draft" ? null : submittedAt.toISOString(),
        answers: '[{"questionId":1,"answer":"yes"}]',
        links: '["https://example.org"]',
      },
      AT,
    );

  it("an application is read back with its answers, links, project, organization and term; one per applicant and project", async () => {
    const applicant = await person("reader@example.org");
    const row = await apply(0, applicant, "draft");
    const record = await findApplicationById(database.db, row.id);
    expect(record).toMatchObject({
      id: row.id,
      state: "draft",
      answers: [{ questionId: 1, answer: "yes" }],
      links: ["https://example.org"],
      project: { slug: projects[0]?.slug, title: projects[0]?.title, applicationCap: null },
      term: { slug: TERM },
    });
    expect(record?.organization.slug).toBeTruthy();
    expect(await findApplicationOf(database.db, projects[0]?.id ?? 0, applicant)).toMatchObject({ id: row.id });
    expect(await findApplicationById(database.db, 99_999_999)).toBeUndefined();

    const again = apply(0, applicant, "submitted").catch((error: unknown) => error);
    expect(isAppError(await again, "CONFLICT")).toBe(true);
    const updated = await updateApplication(database.db, row.id, { state: "submitted", submittedAt: AT.toISOString() }, new Date(AT.getTime() + 1000));
    expect(updated).toMatchObject({ state: "submitted", updatedAt: "2026-03-02T20:00:01.000Z", createdAt: AT.toISOString() });
  });

  it("the cap counts an applicant's submitted applications of the term in order, drafts and withdrawn ones left out", async () => {
    const applicant = await person("capped@example.org");
    await apply(2, applicant, "submitted", new Date(AT.getTime() + 2000));
    await apply(1, applicant, "submitted", new Date(AT.getTime() + 1000));
    await apply(0, applicant, "draft");
    await apply(3, applicant, "withdrawn");
    const titles = (rows: Array<{ projectTitle: string }>) => rows.map((row) => row.projectTitle);
    expect(titles(await listCappedApplicationsOf(database.db, { personId: applicant, termId }))).toEqual([projects[1]?.title, projects[2]?.title]);
    expect(titles(await listCappedApplicationsOf(database.db, { personId: applicant, termId, exceptProjectId: projects[1]?.id }))).toEqual([
      projects[2]?.title,
    ]);
    expect((await listApplicationsOfPerson(database.db, applicant)).map((row) => row.state).sort()).toEqual(["draft", "submitted", "submitted", "withdrawn"]);
  });

  it("a project's applicants are its submitted applications and those decided since, never drafts or withdrawn ones", async () => {
    for (const project of projects) {
      const states = await database.db.selectFrom("applications").select("state").where("projectId", "=", project.id).execute();
      const counted = states.filter((row) => row.state !== "draft" && row.state !== "withdrawn").length;
      expect(await countProjectApplicants(database.db, project.id)).toBe(counted);
    }
    expect(await countProjectApplicants(database.db, projects[1]?.id ?? 0)).toBeGreaterThan(0);
  });

  it("a project is read with its term, organization and the program's limit for an application", async () => {
    const target = await loadApplicationTarget(database.db, projects[0]?.slug ?? "");
    expect(target).toMatchObject({ project: { state: "accepted", applicationCap: null }, term: { id: termId, slug: TERM }, applicationLimit: 3 });
    expect(await loadApplicationTarget(database.db, "no-such-project")).toBeUndefined();
  });

  it("an idempotency key keeps its first answer; taking it twice is a conflict", async () => {
    const applicant = await person("idempotent@example.org");
    const answer = { requestHash: "a".repeat(64), statusCode: 201, response: '{"id":1}' };
    expect(await findIdempotentAnswer(database.db, applicant, "key-1")).toBeUndefined();
    await recordIdempotentAnswer(database.db, { ...answer, personId: applicant, key: "key-1", at: AT });
    expect(await findIdempotentAnswer(database.db, applicant, "key-1")).toEqual(answer);
    const twice = await recordIdempotentAnswer(database.db, { ...answer, personId: applicant, key: "key-1", at: AT }).catch((error: unknown) => error);
    expect(isAppError(twice, "CONFLICT")).toBe(true);
    // Keys are per person: another applicant's same key is theirs.
    expect(await findIdempotentAnswer(database.db, await person("other@example.org"), "key-1")).toBeUndefined();
  });

  it("moving a term's revision changes nothing else of it", async () => {
    const before = await findTermBySlug(database.db, TERM);
    await moveTermRevision(database.db, termId);
    const after = await findTermBySlug(database.db, TERM);
    expect(after).toEqual({ ...before, revision: (before?.revision ?? 0) + 1 });
  });
});
