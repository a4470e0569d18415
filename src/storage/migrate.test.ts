import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDialects } from "../../test/helpers/databases.ts";
import { isAppError } from "../errors/app-error.ts";
import { type DatabaseHandle, openDatabase } from "./database.ts";
import { translateDriverError } from "./driver-errors.ts";
import { migrateDown, migrateToLatest, migrationStatus } from "./migrate.ts";
import { MIGRATIONS } from "./migrations/index.ts";

const NOW = "2026-11-25T12:00:00.000Z";

describe.each(testDialects())("storage on %s", (dialect) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const target = await createTestDatabase(dialect);
    handle = await openDatabase(target.url);
    dispose = async () => {
      await handle.close();
      await target.dispose();
    };
  });
  afterAll(() => dispose());

  it("runs every migration on an empty database, then none the second time", async () => {
    const first = await migrateToLatest(handle.db);
    expect(first.applied).toEqual(Object.keys(MIGRATIONS));
    const second = await migrateToLatest(handle.db);
    expect(second.applied).toEqual([]);
    const status = await migrationStatus(handle.db);
    expect(status.map((m) => m.name)).toEqual(Object.keys(MIGRATIONS));
    expect(status.every((m) => m.executedAt !== null)).toBe(true);
  });

  it.runIf(dialect === "sqlite")("waits the usual busy timeout again once migrations are done", async () => {
    await migrateToLatest(handle.db);
    const { rows } = await sql<{ timeout: number }>`pragma busy_timeout`.execute(handle.db);
    expect(rows).toEqual([{ timeout: 5000 }]);
  });

  it("rolls the last migration back and forward again", async () => {
    const down = await migrateDown(handle.db);
    expect(down.applied).toEqual([Object.keys(MIGRATIONS).at(-1)]);
    const up = await migrateToLatest(handle.db);
    expect(up.applied).toEqual([Object.keys(MIGRATIONS).at(-1)]);
  });

  it("renders the description, expected outcome and card summary of projects stored before they were kept", async () => {
    const { id: programId } = await insertProgram("rendered");
    const { id: termId } = await handle.db
      .insertInto("terms")
      .values({ programId, slug: "rendered-term", title: "T", timeZone: "UTC", createdAt: NOW, updatedAt: NOW })
      .returning("id")
      .executeTakeFirstOrThrow();
    const { id: organizationId } = await handle.db
      .insertInto("organizations")
      .values({ programId, slug: "org", name: "Org", createdAt: NOW })
      .returning("id")
      .executeTakeFirstOrThrow();
    // Back to just before the migration that keeps them (and any after it).
    for (let down = await migrateDown(handle.db); !down.applied.includes("20261201120000-store-rendered-project-text"); down = await migrateDown(handle.db)) {
      expect(down.applied).toHaveLength(1);
    }
    await sql`insert into projects (term_id, organization_id, slug, title, description, expected_outcome, skills_text, state, created_at, updated_at)
      values (${termId}, ${organizationId}, 'old', 'Old', ${"Add **eBPF** [support](https://example.org)."}, ${">".repeat(5000)}, '', 'accepted', ${NOW}, ${NOW})`.execute(
      handle.db,
    );
    await migrateToLatest(handle.db);
    const row = await handle.db
      .selectFrom("projects")
      .select(["descriptionHtml", "expectedOutcomeHtml", "summary"])
      .where("slug", "=", "old")
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      descriptionHtml: '<p>Add <strong>eBPF</strong> <a href="https://example.org">support</a>.</p>',
      expectedOutcomeHtml: `<p>${"&gt;".repeat(5000)}</p>`,
      summary: "Add eBPF support.",
    });
  });

  it("reads the skills of projects imported before the skill vocabulary again, with their proper spelling", async () => {
    const { id: programId } = await insertProgram("skills");
    const { id: termId } = await handle.db
      .insertInto("terms")
      .values({ programId, slug: "skills-term", title: "T", timeZone: "UTC", createdAt: NOW, updatedAt: NOW })
      .returning(["id"])
      .executeTakeFirstOrThrow();
    const { id: organizationId } = await handle.db
      .insertInto("organizations")
      .values({ programId, slug: "skills-org", name: "Org", createdAt: NOW })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (let down = await migrateDown(handle.db); !down.applied.includes("20261201140000-read-project-skills-again"); down = await migrateDown(handle.db)) {
      expect(down.applied).toHaveLength(1);
    }
    // As the import stored them before: "spf13/cobra" split in two, lost capitals, a phrase that is no skill.
    await sql`insert into projects (term_id, organization_id, slug, title, skills_text, state, created_at, updated_at)
      values (${termId}, ${organizationId}, 'skills-old', 'Old', 'Golang, spf13/cobra, Coredns, passion for DevEx', 'accepted', ${NOW}, ${NOW})`.execute(
      handle.db,
    );
    const { id: projectId } = await handle.db.selectFrom("projects").select("id").where("slug", "=", "skills-old").executeTakeFirstOrThrow();
    const old = await handle.db
      .insertInto("skills")
      .values(["spf13", "cobra", "coredns", "passion-for-devex"].map((tag) => ({ tag, label: tag.charAt(0).toUpperCase() + tag.slice(1) })))
      .onConflict((conflict) => conflict.column("tag").doNothing())
      .returning("id")
      .execute();
    await handle.db
      .insertInto("projectSkills")
      .values(old.map((skill, index) => ({ projectId, skillId: skill.id, position: index + 1, originalText: "x" })))
      .execute();
    const revision = await handle.db.selectFrom("terms").select("revision").where("id", "=", termId).executeTakeFirstOrThrow();

    await migrateToLatest(handle.db);
    const skills = await handle.db
      .selectFrom("projectSkills")
      .innerJoin("skills", "skills.id", "projectSkills.skillId")
      .select(["skills.tag", "skills.label"])
      .where("projectSkills.projectId", "=", projectId)
      .orderBy("projectSkills.position")
      .execute();
    expect(skills).toEqual([
      { tag: "go", label: "Go" },
      { tag: "cobra", label: "Cobra" },
      { tag: "coredns", label: "CoreDNS" },
    ]);
    const after = await handle.db.selectFrom("terms").select("revision").where("id", "=", termId).executeTakeFirstOrThrow();
    expect(after.revision).toBeGreaterThan(revision.revision);
  });

  it("keeps on each old mentor link only an address that its project's page alone can have given", async () => {
    const { id: programId } = await insertProgram("contacts");
    const { id: termId } = await handle.db
      .insertInto("terms")
      .values({ programId, slug: "contacts-term", title: "T", timeZone: "UTC", createdAt: NOW, updatedAt: NOW })
      .returning(["id"])
      .executeTakeFirstOrThrow();
    const { id: organizationId } = await handle.db
      .insertInto("organizations")
      .values({ programId, slug: "contacts-org", name: "Org", createdAt: NOW })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (let down = await migrateDown(handle.db); !down.applied.includes("20261201150000-store-mentor-contacts"); down = await migrateDown(handle.db)) {
      expect(down.applied).toHaveLength(1);
    }
    await sql`insert into projects (term_id, organization_id, slug, title, state, created_at, updated_at) values
      (${termId}, ${organizationId}, 'contacts-a', 'A', 'accepted', ${NOW}, ${NOW}), (${termId}, ${organizationId}, 'contacts-b', 'B', 'accepted', ${NOW}, ${NOW})`.execute(
      handle.db,
    );
    const projects = await handle.db.selectFrom("projects").select("id").where("termId", "=", termId).orderBy("slug").execute();
    const person = { createdAt: NOW, updatedAt: NOW };
    // As the import made them: from a page, with the address public; on one project, or on two.
    const people = await handle.db
      .insertInto("people")
      .values([
        { ...person, name: "One", email: "one@contacts.example", emailPublic: 1 },
        { ...person, name: "Two", email: "two@contacts.example", emailPublic: 1 },
        { ...person, name: "Own", email: "own@contacts.example", emailPublic: 1, passwordHash: "x" },
      ])
      .returning("id")
      .execute();
    const [a, b] = projects.map((project) => project.id);
    const [one, two, own] = people.map((row) => row.id);
    await sql`insert into project_mentors (project_id, person_id, position) values
      (${a}, ${one}, 1), (${a}, ${two}, 2), (${b}, ${two}, 1), (${b}, ${own}, 2)`.execute(handle.db);

    await migrateToLatest(handle.db);
    const links = await handle.db
      .selectFrom("projectMentors")
      .select(["projectId", "personId", "contactName", "contactEmail"])
      .where("projectId", "in", [a ?? 0, b ?? 0])
      .orderBy("projectId")
      .orderBy("position")
      .execute();
    expect(links).toEqual([
      { projectId: a, personId: one, contactName: null, contactEmail: "one@contacts.example" },
      { projectId: a, personId: two, contactName: null, contactEmail: null },
      { projectId: b, personId: two, contactName: null, contactEmail: null },
      { projectId: b, personId: own, contactName: null, contactEmail: null },
    ]);
  });

  it("keeps every term made before drafts existed public, its mentors confirmed and its proposals submitted", async () => {
    const { id: programId } = await insertProgram("before-drafts");
    for (
      let down = await migrateDown(handle.db);
      !down.applied.includes("20261201160000-program-settings-and-organization-details");
      down = await migrateDown(handle.db)
    ) {
      expect(down.applied).toHaveLength(1);
    }
    const { id: termId } = await handle.db
      .insertInto("terms")
      .values({ programId, slug: "before-drafts-term", title: "T", timeZone: "UTC", createdAt: NOW, updatedAt: NOW })
      .returning(["id"])
      .executeTakeFirstOrThrow();
    const { id: organizationId } = await handle.db
      .insertInto("organizations")
      .values({ programId, slug: "before-drafts-org", name: "Org", createdAt: NOW })
      .returning("id")
      .executeTakeFirstOrThrow();
    await sql`insert into projects (term_id, organization_id, slug, title, state, created_at, updated_at) values
      (${termId}, ${organizationId}, 'before-drafts-idea', 'Idea', 'proposed', ${NOW}, ${NOW})`.execute(handle.db);
    const { id: personId } = await handle.db
      .insertInto("people")
      .values({ name: "Mentor", createdAt: NOW, updatedAt: NOW })
      .returning("id")
      .executeTakeFirstOrThrow();
    const project = await handle.db.selectFrom("projects").select("id").where("slug", "=", "before-drafts-idea").executeTakeFirstOrThrow();
    await sql`insert into project_mentors (project_id, person_id, position) values (${project.id}, ${personId}, 1)`.execute(handle.db);

    await migrateToLatest(handle.db);
    const term = await handle.db.selectFrom("terms").select(["publishedAt", "slotBudget"]).where("id", "=", termId).executeTakeFirstOrThrow();
    expect(term).toEqual({ publishedAt: NOW, slotBudget: null });
    const idea = await handle.db
      .selectFrom("projects")
      .select(["state", "proposalStage", "slotsRequested"])
      .where("id", "=", project.id)
      .executeTakeFirstOrThrow();
    expect(idea).toEqual({ state: "proposed", proposalStage: "submitted", slotsRequested: 1 });
    const mentor = await handle.db.selectFrom("projectMentors").select("confirmation").where("projectId", "=", project.id).executeTakeFirstOrThrow();
    expect(mentor.confirmation).toBe("confirmed");
    const program = await handle.db.selectFrom("programs").select(["offerResponseHours", "projectQuota"]).where("id", "=", programId).executeTakeFirstOrThrow();
    expect(program).toEqual({ offerResponseHours: 72, projectQuota: null });
  });

  async function insertProgram(slug: string) {
    return handle.db
      .insertInto("programs")
      .values({ slug, name: `Program ${slug}`, timeZone: "America/Los_Angeles", applicationLimit: 3, stipendPolicy: "{}", createdAt: NOW, updatedAt: NOW })
      .returning("id")
      .executeTakeFirstOrThrow();
  }

  it("reads instants back as the same ISO 8601 string in UTC", async () => {
    const { id } = await insertProgram("instants");
    const row = await handle.db.selectFrom("programs").select(["createdAt", "applicationLimit"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.createdAt).toBe(NOW);
    expect(row.applicationLimit).toBe(3);
  });

  it("refuses a second program with the same slug as a CONFLICT", async () => {
    await insertProgram("unique-slug");
    const error = await insertProgram("unique-slug").catch((e: unknown) => e);
    expect(translateDriverError(error).code).toBe("CONFLICT");
  });

  it("refuses a term of a program that does not exist", async () => {
    const error = await handle.db
      .insertInto("terms")
      .values({ programId: 999_999, slug: "orphan", title: "Orphan", timeZone: "UTC", createdAt: NOW, updatedAt: NOW })
      .execute()
      .catch((e: unknown) => e);
    expect(translateDriverError(error).code).toBe("NOT_FOUND");
  });

  it("refuses states, kinds and orderings the domain does not know", async () => {
    const { id: programId } = await insertProgram("checks");
    const term = await handle.db
      .insertInto("terms")
      .values({ programId, slug: "checks-term", title: "T", timeZone: "UTC", createdAt: NOW, updatedAt: NOW })
      .returning("id")
      .executeTakeFirstOrThrow();
    const badKind = await sql`insert into timeline_phases (term_id, position, kind, activity, text) values (${term.id}, 1, 'party', 'x', 'y')`
      .execute(handle.db)
      .catch((e: unknown) => e);
    expect(translateDriverError(badKind).code).toBe("INVALID_INPUT");
    const reversed = await handle.db
      .insertInto("timelinePhases")
      .values({
        termId: term.id,
        position: 2,
        kind: "applications",
        activity: "a",
        text: "b",
        startsAt: "2024-05-29T00:00:00.000Z",
        endsAt: "2024-05-13T07:00:00.000Z",
      })
      .execute()
      .catch((e: unknown) => e);
    expect(translateDriverError(reversed).code).toBe("INVALID_INPUT");
    const org = await handle.db
      .insertInto("organizations")
      .values({ programId, slug: "harbor", name: "Harbor", createdAt: NOW })
      .returning("id")
      .executeTakeFirstOrThrow();
    const badState =
      await sql`insert into projects (term_id, organization_id, slug, title, state, created_at, updated_at) values (${term.id}, ${org.id}, 'p', 'P', 'maybe', ${NOW}, ${NOW})`
        .execute(handle.db)
        .catch((e: unknown) => e);
    expect(translateDriverError(badState).code).toBe("INVALID_INPUT");
  });

  it("treats GitHub handles and emails as one person whatever their case", async () => {
    const person = { name: "Ada", emailPublic: 0 as const, createdAt: NOW, updatedAt: NOW };
    await handle.db
      .insertInto("people")
      .values({ ...person, githubHandle: "AdaL", email: "ada@example.org" })
      .execute();
    const sameHandle = await handle.db
      .insertInto("people")
      .values({ ...person, githubHandle: "adal" })
      .execute()
      .catch((e: unknown) => e);
    expect(translateDriverError(sameHandle).code).toBe("CONFLICT");
    const sameEmail = await handle.db
      .insertInto("people")
      .values({ ...person, email: "ADA@example.org" })
      .execute()
      .catch((e: unknown) => e);
    expect(isAppError(translateDriverError(sameEmail), "CONFLICT")).toBe(true);
  });

  it("deletes a term's phases and projects with the term", async () => {
    const { id: programId } = await insertProgram("cascade");
    const term = await handle.db
      .insertInto("terms")
      .values({ programId, slug: "cascade-term", title: "T", timeZone: "UTC", createdAt: NOW, updatedAt: NOW })
      .returning("id")
      .executeTakeFirstOrThrow();
    await handle.db
      .insertInto("timelinePhases")
      .values({ termId: term.id, position: 1, kind: "end", activity: "Last day", text: "Aug 30", startsAt: null, endsAt: null })
      .execute();
    await handle.db.deleteFrom("terms").where("id", "=", term.id).execute();
    const left = await handle.db.selectFrom("timelinePhases").select("id").where("termId", "=", term.id).execute();
    expect(left).toEqual([]);
  });
});
