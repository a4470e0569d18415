import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asBrowser } from "../../../../test/helpers/accounts.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { testDialects } from "../../../../test/helpers/databases.ts";
import { insertApplicant, insertApplicationRow } from "../../../../test/helpers/draft-applications.ts";
import { buildPermissionWorld, type Caller, type PermissionWorld } from "../../../../test/permissions/callers.ts";
import { insertMentoredProject, insertRowsTerm } from "../../../../test/permissions/rows-term.ts";
import type { ApplicationState } from "../../../domain/application-states.ts";
import type { InstallmentState } from "../../../domain/installments.ts";
import type { ProposalStage } from "../../../domain/proposal-states.ts";
import type { TermInNumbers, TermReport } from "../../../schemas/term-report.ts";
import { insertMentorship } from "../../../storage/repos/offer-repo.ts";
import { updateProject } from "../../../storage/repos/project-repo.ts";
import { ensureSkills } from "../../../storage/repos/skill-repo.ts";
import { insertTerm } from "../../../storage/repos/term-repo.ts";

const TERM = "report-term";
const DRAFT_TERM = "report-draft-term";

// One small term with every step of its funnel reached by someone: three accepted projects (one
// titled like a spreadsheet formula), three proposals that are not, five applicants of whom one
// only drafted, three mentorships at different points of their way.
describe.each(testDialects())("a term's report and summary on %s", (dialect) => {
  let t: TestApp;
  let w: PermissionWorld;
  const get = (url: string, caller?: Exclude<Caller, "visitor">) => t.app.inject({ method: "GET", url, headers: caller ? asBrowser(w.sessions[caller]) : {} });

  beforeAll(async () => {
    t = await createTestApp(dialect, { rateLimits: false });
    w = await buildPermissionWorld(t);
    const db = t.context.database.db;
    const at = t.context.now();
    const { term, organizationId } = await insertRowsTerm(t, w, {
      slug: TERM,
      title: "Report Term",
      phases: [{ kind: "start", activity: "mentorship begins", fromDay: -30, toDay: -30 }],
    });
    await insertTerm(
      db,
      term.programId,
      DRAFT_TERM,
      { title: "Report Draft", timeZone: "UTC", lengthText: null, lengthWeeks: null, statusText: null, intro: null, publishedAt: null },
      at,
    );
    const project = (slug: string, title: string) => insertMentoredProject(t, w, { termId: term.id, organizationId, slug, title });
    const formula = await project("report-formula", "=SUM(1)");
    const flow = await project("report-flow", "Flow logs");
    const quiet = await project("report-quiet", "Quiet parser");
    const proposal = async (slug: string, state: "proposed" | "rejected", proposalStage: ProposalStage) =>
      updateProject(db, (await project(slug, slug)).id, { state, proposalStage }, at);
    await proposal("report-draft-proposal", "proposed", "draft");
    await proposal("report-submitted-proposal", "proposed", "submitted");
    await proposal("report-rejected-proposal", "rejected", "submitted");

    const skillIds = await ensureSkills(db, ["go", "kubernetes", "rust"]);
    const asks: Array<[number, string]> = [
      [formula.id, "go"],
      [formula.id, "kubernetes"],
      [flow.id, "go"],
      [quiet.id, "rust"],
    ];
    for (const [projectId, tag] of asks) {
      await db
        .insertInto("projectSkills")
        .values({ projectId, skillId: skillIds.get(tag) ?? 0, position: 0, originalText: tag })
        .execute();
    }

    const applicant = async (name: string, skills: string[]) => {
      const person = await insertApplicant(db, { name, email: `${name.toLowerCase()}@example.org`, at });
      await db
        .updateTable("people")
        .set({ skills: JSON.stringify(skills) })
        .where("id", "=", person.id)
        .execute();
      return person.id;
    };
    // Bo's profile is older than the tags: "golang" and "go" are one skill, and Bo is counted once.
    const ana = await applicant("Ana", ["go", "kubernetes"]);
    const bo = await applicant("Bo", ["golang", "go"]);
    const cy = await applicant("Cy", ["rust"]);
    const dee = await applicant("Dee", ["go"]);
    const eve = await applicant("Eve", ["python"]);
    const apply = async (personId: number, projectId: number, state: ApplicationState, marks: { shortlisted?: boolean; offered?: boolean } = {}) => {
      const id = await insertApplicationRow(db, { termId: term.id, projectId, personId, state, at });
      await db
        .updateTable("applications")
        .set({ reviewMark: marks.shortlisted ? "shortlisted" : null, offeredAt: marks.offered ? at.toISOString() : null })
        .where("id", "=", id)
        .execute();
      return id;
    };
    const mentorship = async (
      personId: number,
      projectId: number,
      applicationId: number,
      input: { state: "active" | "completed" | "ended"; midterm: "pass" | "fail"; installments: InstallmentState[] },
    ) => {
      const id = await insertMentorship(db, { termId: term.id, projectId, personId, applicationId, at });
      await db.updateTable("mentorships").set({ state: input.state }).where("id", "=", id).execute();
      await db
        .insertInto("evaluations")
        .values({
          mentorshipId: id,
          kind: "midterm",
          outcome: input.midterm,
          toMentee: "",
          toAdmins: "",
          answers: "[]",
          authorId: null,
          submittedAt: at.toISOString(),
        })
        .execute();
      for (const [index, state] of input.installments.entries()) {
        await db
          .insertInto("installments")
          .values({
            mentorshipId: id,
            position: index + 1,
            releasedBy: index === 0 ? "midterm" : "final",
            currency: "USD",
            amount: 1000,
            fullAmount: 1000,
            state,
            createdAt: at.toISOString(),
            updatedAt: at.toISOString(),
          })
          .execute();
      }
    };
    const anaOffer = await apply(ana, formula.id, "accepted", { shortlisted: true, offered: true });
    await apply(ana, flow.id, "withdrawn");
    const boOffer = await apply(bo, formula.id, "accepted", { shortlisted: true, offered: true });
    await apply(cy, formula.id, "not_selected", { shortlisted: true });
    const cyOffer = await apply(cy, flow.id, "accepted", { shortlisted: true, offered: true });
    await apply(dee, flow.id, "draft");
    await apply(eve, formula.id, "submitted");
    await mentorship(ana, formula.id, anaOffer, { state: "completed", midterm: "pass", installments: ["paid", "paid"] });
    await mentorship(bo, formula.id, boOffer, { state: "active", midterm: "pass", installments: ["paid", "due"] });
    await mentorship(cy, flow.id, cyOffer, { state: "ended", midterm: "fail", installments: [] });
  }, 180_000);
  afterAll(() => t.dispose());

  it("counts every step of the funnel, each against the step it is a share of", async () => {
    const response = await get(`/api/terms/${TERM}/report`, "programAdmin");
    expect(response.statusCode).toBe(200);
    const report = response.json() as TermReport;
    expect(Object.fromEntries(report.funnel.map((row) => [row.step, row.count]))).toEqual({
      proposals: 5,
      acceptedProjects: 3,
      applicants: 4,
      applications: 6,
      shortlisted: 4,
      offers: 3,
      accepted: 3,
      midtermPassed: 2,
      completed: 1,
      paid: 1,
    });
    expect(report.funnel.find((row) => row.step === "acceptedProjects")).toMatchObject({ base: "proposals", percentOfBase: 60 });
    expect(report.funnel.find((row) => row.step === "midtermPassed")).toMatchObject({ base: "accepted", percentOfBase: 66.7 });
    expect(report.term).toMatchObject({ slug: TERM, programSlug: w.program });
  });

  it("orders the accepted projects most crowded first, drafts not counted", async () => {
    const report = (await get(`/api/terms/${TERM}/report`, "programAdmin")).json() as TermReport;
    expect(report.projects.total).toBe(3);
    expect(report.projects.mostCrowded.map((item) => [item.title, item.applications])).toEqual([
      ["=SUM(1)", 4],
      ["Flow logs", 2],
      ["Quiet parser", 0],
    ]);
    expect(report.projects.leastCrowded).toEqual([]);
  });

  it("sets the skills the projects ask for against the applicants who list them, a skill written two ways counted once", async () => {
    const report = (await get(`/api/terms/${TERM}/report`, "programAdmin")).json() as TermReport;
    expect(report.skills.items.map((skill) => [skill.tag, skill.projects, skill.applicants])).toEqual([
      ["go", 2, 2],
      ["kubernetes", 1, 1],
      ["rust", 1, 1],
    ]);
  });

  it("downloads each table as CSV with a header row, formula cells neutralized", async () => {
    const projects = await get(`/api/terms/${TERM}/report.csv?table=projects`, "programAdmin");
    expect(projects.statusCode).toBe(200);
    expect(projects.headers["content-type"]).toMatch(/^text\/csv; charset=utf-8/);
    expect(projects.headers["content-disposition"]).toBe(`attachment; filename="${TERM}-report-projects.csv"`);
    expect(projects.body).toBe(
      "project,project_slug,organization,applications\r\n'=SUM(1),report-formula,Kestrel,4\r\nFlow logs,report-flow,Kestrel,2\r\nQuiet parser,report-quiet,Kestrel,0\r\n",
    );
    const funnel = await get(`/api/terms/${TERM}/report.csv?table=funnel`, "programAdmin");
    const lines = funnel.body.split("\r\n");
    expect(lines[0]).toBe("step,label,count,base_step,percent_of_base");
    expect(lines[1]).toBe("proposals,Proposals submitted,5,,");
    expect(lines[2]).toBe("acceptedProjects,Projects accepted,3,proposals,60");
    expect(lines).toHaveLength(12);
    const skills = await get(`/api/terms/${TERM}/report.csv?table=skills`, "programAdmin");
    expect(skills.body).toBe("skill,tag,projects_asking,applicants_listing\r\nGo,go,2,2\r\nKubernetes,kubernetes,1,1\r\nRust,rust,1,1\r\n");
  });

  it("refuses a table it does not have, a visitor, someone who is no admin, and an unknown term", async () => {
    const bad = await get(`/api/terms/${TERM}/report.csv?table=people`, "programAdmin");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: "query.table" });
    expect((await get(`/api/terms/${TERM}/report`)).statusCode).toBe(401);
    const mentor = await get(`/api/terms/${TERM}/report`, "mentorOfProject");
    expect(mentor.statusCode).toBe(403);
    expect(mentor.json().code).toBe("FORBIDDEN");
    expect((await get("/api/terms/no-such-term/report", "programAdmin")).statusCode).toBe(404);
    expect((await get(`/api/terms/${DRAFT_TERM}/report`, "mentorOfProject")).statusCode).toBe(404);
    expect((await get(`/api/terms/${DRAFT_TERM}/report`, "programAdmin")).statusCode).toBe(200);
  });

  it("summarizes a published term for anyone as counts alone, with nothing about any person", async () => {
    const response = await get(`/api/terms/${TERM}/summary`);
    expect(response.statusCode).toBe(200);
    const summary = response.json() as TermInNumbers;
    expect(summary.aggregate).toBe(true);
    expect(Object.keys(summary)).toEqual(["term", "aggregate", "funnel"]);
    expect(Object.keys(summary.term).sort()).toEqual(["programSlug", "slug", "timeZone", "title"]);
    expect(summary.funnel.map((row) => Object.keys(row).sort())).toEqual(summary.funnel.map(() => ["base", "count", "label", "percentOfBase", "step"]));
    expect(summary.funnel.find((row) => row.step === "applications")?.count).toBe(6);
    for (const personal of ["Ana", "Bo", "Eve", "example.org", "=SUM", "Flow logs"]) expect(response.body).not.toContain(personal);
  });

  it("has no summary of a draft term, for its admins either, or of an unknown one", async () => {
    expect((await get(`/api/terms/${DRAFT_TERM}/summary`)).statusCode).toBe(404);
    expect((await get(`/api/terms/${DRAFT_TERM}/summary`, "programAdmin")).statusCode).toBe(404);
    expect((await get("/api/terms/no-such-term/summary")).statusCode).toBe(404);
  });
});
