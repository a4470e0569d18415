import { randomBytes } from "node:crypto";
import { importTermPage } from "../../src/commands/term-pages/import-term-page.ts";
import type { ApplicationBody } from "../../src/schemas/application.ts";
import { newSecret } from "../../src/security/secrets.ts";
import type { DatabaseHandle } from "../../src/storage/database.ts";
import { parseTermPage } from "../../src/termpages/index.ts";

/** The program and term a surge is seeded into. */
export const SURGE_TERM = { program: "surge-program", programName: "Surge Mentorship", term: "surge-term" } as const;

/** One seeded applicant: who they are, the credentials a browser of theirs sends, and where they apply. */
export interface SurgeApplicant {
  personId: number;
  /** The Cookie header of their live session. */
  cookie: string;
  csrfToken: string;
  projectSlug: string;
  /** The submission they send: a cover letter, an answer to each of the project's questions, a link. */
  body: ApplicationBody;
}

/** A seeded surge: the term, its exact closing instant and every applicant ready to submit. */
export interface SurgeFixture {
  termId: number;
  closesAt: Date;
  projectSlugs: string[];
  applicants: SurgeApplicant[];
}

/** What to seed. */
export interface SeedSurgeOptions {
  applicants: number;
  /** Accepted projects of the term (100 by default), in organizations of ten. */
  projects?: number;
  now: Date;
  /** When applications close, to the millisecond (three days after `now` by default). */
  closesAt?: Date;
}

const DAY = 24 * 60 * 60 * 1000;
const CHUNK = 500;

function dateLine(instant: Date): string {
  return instant.toLocaleDateString("en-US", { weekday: "long", month: "short", day: "numeric", year: "numeric", timeZone: "UTC" }).replace(/,(?= \w+ \d)/, "");
}

/** A term page of `projects` accepted projects whose applications are open at `now`. */
function surgeTermPage(projects: number, now: Date): string {
  const at = (days: number) => dateLine(new Date(now.getTime() + days * DAY));
  const lines = [
    `# Term 01 - ${now.getUTCFullYear()} Surge`,
    "",
    "Status: Accepting applications",
    "",
    "### Timeline",
    "",
    "| activity | date |",
    "| --- | --- |",
    `| project proposals | ${at(-40)} - ${at(-20)} |`,
    `| mentee applications open | ${at(-6)} - ${at(3)} |`,
    `| application review/admission decisions | ${at(4)} - ${at(12)} |`,
    `| Last day of term | ${at(96)} |`,
    "",
    "---",
    "",
    "## Accepted projects",
    "",
  ];
  for (let org = 0; org < Math.ceil(projects / 10); org += 1) {
    lines.push(`### Organization ${org + 1}`, "");
    for (let n = org * 10; n < Math.min(projects, org * 10 + 10); n += 1) {
      lines.push(
        `#### Project ${n + 1}`,
        "",
        // Short enough that a term of 2,000 projects (the selection benchmark's) fits the importer's page bound.
        `- Description: Project ${n + 1} improves **the command line**.`,
        "- Expected Outcome: A released feature with tests and documentation.",
        `- Recommended Skills: Go, ${n % 2 === 0 ? "Kubernetes" : "TypeScript"}, documentation`,
        "- Mentor(s):",
        `    - Mentor ${n + 1} (surge-mentor-${n + 1})`,
        "",
      );
    }
  }
  return lines.join("\n");
}

async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) await insert(rows.slice(start, start + CHUNK));
}

/**
 * Seeds a term whose applications are open (a program with the usual limit of 3, accepted
 * projects with a required task and a question each, one eligibility question) and `applicants`
 * people who have answered it eligibly and are signed in, straight into the database: no
 * password hashing, no emails. Sessions are what a browser sends: a cookie and its CSRF token.
 */
export async function seedSurge(database: DatabaseHandle, options: SeedSurgeOptions): Promise<SurgeFixture> {
  const { now } = options;
  const projectCount = options.projects ?? 100;
  const closesAt = options.closesAt ?? new Date(now.getTime() + 3 * DAY);
  await importTermPage({
    database,
    page: parseTermPage(surgeTermPage(projectCount, now), { fileName: "surge.md", now }),
    programSlug: SURGE_TERM.program,
    programName: SURGE_TERM.programName,
    termSlug: SURGE_TERM.term,
    projectState: "accepted",
    actor: { personId: null, label: "surge fixture" },
    now,
  });
  const { db } = database;
  const term = await db.selectFrom("terms").select(["id"]).where("slug", "=", SURGE_TERM.term).executeTakeFirstOrThrow();
  const opensAt = new Date(now.getTime() - 6 * DAY).toISOString();
  await db
    .updateTable("timelinePhases")
    .set({ startsAt: opensAt, endsAt: closesAt.toISOString() })
    .where("termId", "=", term.id)
    .where("kind", "=", "applications")
    .execute();
  const projects = await db.selectFrom("projects").select(["id", "slug"]).where("termId", "=", term.id).orderBy("id").execute();
  const questions = new Map<number, Array<{ id: number; kind: string }>>();
  for (const project of projects) {
    const rows = await db
      .insertInto("projectQuestions")
      .values([
        {
          projectId: project.id,
          position: 0,
          section: "task",
          kind: "url",
          prompt: "Link the pull request of your first contribution.",
          choices: "[]",
          required: 1,
        },
        {
          projectId: project.id,
          position: 1,
          section: "question",
          kind: "choice",
          prompt: "How many hours a week can you give?",
          choices: JSON.stringify(["10", "20", "40"]),
          required: 1,
        },
      ])
      .returning(["id", "kind"])
      .execute();
    questions.set(project.id, rows);
  }
  const eligibility = await db
    .insertInto("termEligibilityQuestions")
    .values({
      termId: term.id,
      position: 0,
      kind: "yes_no",
      prompt: "I am 18 or older.",
      disqualifyingAnswers: JSON.stringify(["no"]),
      disqualifyingReason: "Mentees must be 18 or older.",
    })
    .returning(["id"])
    .executeTakeFirstOrThrow();

  const stamp = now.toISOString();
  const batch = randomBytes(4).toString("hex");
  const people = Array.from({ length: options.applicants }, (_, n) => ({
    name: `Applicant ${n + 1}`,
    email: `applicant-${batch}-${n + 1}@example.org`,
    emailVerifiedAt: stamp,
    githubHandle: null,
    timeZone: "Europe/Berlin",
    country: "DE",
    createdAt: stamp,
    updatedAt: stamp,
  }));
  const personIds: number[] = [];
  await insertInChunks(people, async (chunk) => {
    const rows = await db.insertInto("people").values(chunk).returning(["id"]).execute();
    personIds.push(...rows.map((row) => row.id));
  });
  const sessions = personIds.map((personId) => ({ personId, secret: newSecret("session"), csrfToken: randomBytes(24).toString("base64url") }));
  await insertInChunks(sessions, (chunk) =>
    db
      .insertInto("sessions")
      .values(
        chunk.map((session) => ({
          idHash: session.secret.hash,
          personId: session.personId,
          csrfToken: session.csrfToken,
          userAgent: "surge",
          createdAt: stamp,
          // Seen just now, so authenticating does not write a "last seen" of its own.
          lastSeenAt: stamp,
          expiresAt: new Date(now.getTime() + 14 * DAY).toISOString(),
        })),
      )
      .execute(),
  );
  await insertInChunks(personIds, (chunk) =>
    db
      .insertInto("eligibilityAnswers")
      .values(
        chunk.map((personId) => ({
          termId: term.id,
          personId,
          answers: JSON.stringify({ [eligibility.id]: "yes" }),
          eligible: 1,
          answeredAt: stamp,
          updatedAt: stamp,
        })),
      )
      .execute(),
  );

  const applicants = sessions.map((session, n): SurgeApplicant => {
    const project = projects[n % projects.length];
    if (!project) throw new Error("the surge term has no projects");
    const answers = (questions.get(project.id) ?? []).map((question) => ({
      questionId: question.id,
      answer: question.kind === "url" ? `https://github.com/example/project/pull/${n + 1}` : "20",
    }));
    return {
      personId: session.personId,
      cookie: `cohort_session=${session.secret.token}`,
      csrfToken: session.csrfToken,
      projectSlug: project.slug,
      body: {
        coverLetter: `## Why me\n\nI am applicant ${n + 1}. I have contributed **three pull requests** to ${project.slug} and I would like to *finish* the feature.\n\n- Go and Kubernetes\n- Writing documentation\n`,
        answers,
        links: [`https://example.org/portfolio/${n + 1}`],
      },
    };
  });
  return { termId: term.id, closesAt, projectSlugs: projects.map((project) => project.slug), applicants };
}

/** The headers of one applicant's submission, with its idempotency key. */
export function submitHeaders(applicant: SurgeApplicant, idempotencyKey: string): Record<string, string> {
  return { "content-type": "application/json", cookie: applicant.cookie, "x-csrf-token": applicant.csrfToken, "idempotency-key": idempotencyKey };
}
