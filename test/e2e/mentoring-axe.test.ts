import { findPersonByEmail } from "../../src/storage/repos/account-repo.ts";
import { addProjectMentor, findProjectInProgram } from "../../src/storage/repos/project-repo.ts";
import { OPEN_TERM } from "../helpers/web-server.ts";
import type { SignedInState } from "./account-fixtures.ts";
import { PASSWORD, signInAsNewAdmin, signUpThroughApi } from "./accounts.ts";
import { prepareApplicationFixtures } from "./application-fixtures.ts";
import { describePageChecks, type PageState } from "./axe-pages.ts";
import type { WebApp } from "./support.ts";

/** Who looks at a mentor's or admin's application page. */
type Viewer = "mentor" | "admin";

/** What the pages need: a mentor of a project with a submitted application, and an admin of its program. */
interface MentoringFixtures {
  mentor: SignedInState;
  admin: SignedInState;
  project: string;
  /** The applicant's submitted application to the mentor's project. */
  application: number;
}

/** The applicant fixtures (one submitted application with answers), a mentor confirmed on that project, and an admin. */
async function prepareMentoringFixtures(app: WebApp): Promise<MentoringFixtures> {
  const base = await prepareApplicationFixtures(app);
  const server = app.server();
  const db = server.database.db;
  const mentor = (await app.newPage()).context;
  await signUpThroughApi(server, mentor, { name: "Mo Mentor", email: "mo@example.org", password: PASSWORD });
  const person = await findPersonByEmail(db, "mo@example.org");
  const project = await findProjectInProgram(db, base.withQuestions);
  if (!person || !project) throw new Error("the mentor or the project is missing");
  await addProjectMentor(db, project.id, person.id);
  const admin = (await app.newPage()).context;
  await signInAsNewAdmin(server, admin, { name: "Ida Admin", email: "ida@example.org", password: PASSWORD }, OPEN_TERM.program);
  return { mentor: await mentor.storageState(), admin: await admin.storageState(), project: base.withQuestions, application: base.submitted };
}

/** Every page of the mentors' and admins' side of applications, and the states where it looks different. */
const MENTORING_PAGES: PageState<MentoringFixtures, Viewer>[] = [
  { name: "mentoring", path: () => "/mentoring", as: "mentor", phone: true },
  {
    name: "mentoring with a cap refused",
    path: () => "/mentoring",
    as: "mentor",
    act: async (page) => {
      await page.getByLabel("Soft cap on submitted applications").fill("0");
      await page.getByRole("button", { name: "Save cap" }).click();
      await page.locator(".field-error").waitFor();
    },
  },
  { name: "a project's applications", path: (fixtures) => `/projects/${fixtures.project}/applications`, as: "mentor", phone: true },
  {
    name: "a project's review queue previewing the rest not shortlisted",
    path: (fixtures) => `/projects/${fixtures.project}/applications`,
    as: "mentor",
    act: async (page) => {
      await page.getByRole("button", { name: /^Mark the rest not shortlisted/ }).click();
      await page.getByRole("group", { name: /^Mark these \d+ not shortlisted\?$/ }).waitFor();
    },
  },
  { name: "an application read by its mentor", path: (fixtures) => `/applications/${fixtures.application}`, as: "mentor", phone: true },
  {
    name: "an application its mentor scored and shortlisted",
    path: (fixtures) => `/applications/${fixtures.application}`,
    as: "mentor",
    // The phone's load finds the score and the mark of the desktop's already there.
    act: async (page) => {
      await page.getByRole("heading", { name: /^Review/ }).waitFor();
      await page.getByRole("button", { name: "I have a conflict of interest" }).waitFor();
      const four = page.getByRole("radio", { name: "4" });
      if (!(await four.isChecked())) {
        await four.click();
        await page.getByText("Scored 4 of 5.").waitFor();
      }
      const shortlist = page.getByRole("button", { name: "Shortlist (S)" });
      if (await shortlist.isEnabled()) {
        await shortlist.click();
        await page.getByText("Marked shortlisted.").waitFor();
      }
    },
  },
  {
    name: "an application with a conflict of interest about to be declared",
    path: (fixtures) => `/applications/${fixtures.application}`,
    as: "mentor",
    act: async (page) => {
      await page.getByRole("button", { name: "I have a conflict of interest" }).click();
      await page.getByRole("group", { name: "Declare a conflict of interest?" }).waitFor();
    },
  },
  { name: "a project's review queue with a shortlist", path: (fixtures) => `/projects/${fixtures.project}/applications`, as: "mentor", phone: true },
  { name: "a project's review queue read by its admin", path: (fixtures) => `/projects/${fixtures.project}/applications`, as: "admin" },
  { name: "an application reviewed, read by the program's admin", path: (fixtures) => `/applications/${fixtures.application}`, as: "admin" },
  { name: "a term's selection before its first run", path: () => `/admin/${OPEN_TERM.program}/terms/${OPEN_TERM.term}/selection`, as: "admin" },
  {
    name: "a term's selection proposed",
    path: () => `/admin/${OPEN_TERM.program}/terms/${OPEN_TERM.term}/selection`,
    as: "admin",
    phone: true,
    act: async (page) => {
      await page.getByRole("button", { name: /^Run the selection/ }).click();
      await page.getByText("The selection ran: its proposal is below.").waitFor();
    },
  },
  { name: "mentor's home", path: () => "/", as: "mentor" },
  { name: "a term's applications for its admins", path: () => `/admin/${OPEN_TERM.program}/terms/${OPEN_TERM.term}/applications`, as: "admin", phone: true },
  {
    name: "a term's applications filtered to nothing",
    path: () => `/admin/${OPEN_TERM.program}/terms/${OPEN_TERM.term}/applications?q=nobody-at-all`,
    as: "admin",
  },
];

describePageChecks({
  title: "mentors' and admins' application pages",
  screenshotPrefix: "mentoring-",
  pages: MENTORING_PAGES,
  prepare: prepareMentoringFixtures,
  session: (fixtures, as) => fixtures[as],
  // The refused cap is a 400 the page provokes on purpose.
  provoked: /status of 400/,
});
