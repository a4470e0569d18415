import type { PermissionWorld } from "./callers.ts";
import { applicationReaders, type Expected, type RowGroup, signedIn } from "./row.ts";
import { insertMentoredProject, insertRowsTerm, submitAsApplicant } from "./rows-term.ts";

/** A term of the demo program whose applications window is open whenever the table runs. */
const TERM = "application-rows-term";
/** The projects the rows apply to, each for one row so no row's change is another's precondition. */
const PROJECTS = ["read", "withdraw", "save", "submit"] as const;

const key = (name: string) => `applications.${name}`;
const project = (w: PermissionWorld, name: (typeof PROJECTS)[number]) => w.extra[key(`project.${name}`)] ?? "";

const BODY = { coverLetter: "A letter the permission table sends.", answers: [], links: [] };

const applicationRow = (applicant: Expected, readers: Expected) => applicationReaders({ applicant, mentor: readers, admin: readers });

/**
 * Applications (issue 12): any signed-in person reads a project's form, drafts and submits their
 * own application and lists theirs; an application is its applicant's, its project's mentors' and
 * the program's admins' to read, and its applicant's alone to withdraw (to those who read it
 * without owning it, 403; to everyone else it does not exist).
 */
export const APPLICATION_ROWS: RowGroup = {
  async setup(t, world) {
    const { term, organizationId } = await insertRowsTerm(t, world, {
      slug: TERM,
      title: "Application Rows Term",
      phases: [{ kind: "applications", activity: "mentee applications", fromDay: -30, toDay: 30 }],
    });
    for (const name of PROJECTS) {
      const row = await insertMentoredProject(t, world, {
        termId: term.id,
        organizationId,
        slug: `${TERM}-${name}`,
        title: `Applied to by the table: ${name}`,
      });
      world.extra[key(`project.${name}`)] = row.slug;
    }
    world.extra[key("read")] = await submitAsApplicant(t, world, project(world, "read"), `application-rows-${project(world, "read")}`);
    world.extra[key("withdraw")] = await submitAsApplicant(t, world, project(world, "withdraw"), `application-rows-${project(world, "withdraw")}`);
  },
  rows: [
    {
      route: "GET /api/projects/:project/application",
      request: (w) => ({ url: `/api/projects/${project(w, "read")}/application` }),
      expected: signedIn(),
    },
    {
      route: "PUT /api/projects/:project/application",
      // Each caller saves their own draft; nobody writes another's.
      request: (w) => ({ url: `/api/projects/${project(w, "save")}/application`, payload: BODY }),
      expected: signedIn(),
    },
    {
      route: "POST /api/projects/:project/application/submit",
      request: (w, caller) => ({
        url: `/api/projects/${project(w, "submit")}/application/submit`,
        payload: BODY,
        headers: { "idempotency-key": `application-rows-submit-${caller}` },
      }),
      expected: signedIn(),
    },
    {
      route: "GET /api/applications/:application",
      request: (w) => ({ url: `/api/applications/${w.extra[key("read")]}` }),
      expected: applicationRow("ok", "ok"),
    },
    {
      route: "POST /api/applications/:application/withdraw",
      request: (w) => ({ url: `/api/applications/${w.extra[key("withdraw")]}/withdraw`, payload: {} }),
      // The mentor and the admin read it but do not withdraw it for the applicant.
      expected: applicationRow("ok", 403),
    },
    { route: "GET /api/me/applications", request: () => ({ url: "/api/me/applications" }), expected: signedIn() },
  ],
};
