import { type Expression, type RawBuilder, sql } from "kysely";
import type { Funnel } from "../../domain/term-report.ts";
import type { ProjectCrowdingRow, SkillDemandRow } from "../schema.ts";
import { type Db, isPostgres } from "./db.ts";

// A term's report, counted in the database: each query is grouped, so a term with thousands of
// applications sends back a few numbers, a row per accepted project, a row per skill.

/** An integer the engine may return as a string (PostgreSQL's bigint sums). */
type Counted = number | string | null;

/** The applications that count: every one of the term but drafts, which are their applicants' business. */
function sentApplications(db: Db, termId: number) {
  return db.selectFrom("applications").where("applications.termId", "=", termId).where("applications.state", "<>", "draft");
}

/** Every count of a term's funnel, in three grouped queries (projects, applications, mentorships). */
export async function countTermFunnel(db: Db, termId: number): Promise<Funnel> {
  const [projects, applications, mentorships] = await Promise.all([
    db
      .selectFrom("projects")
      .select([
        // A proposal counts once submitted: every project but one still a draft (domain/proposal-states.ts).
        sql<Counted>`sum(case when state = 'proposed' and proposal_stage = 'draft' then 0 else 1 end)`.as("proposals"),
        sql<Counted>`sum(case when state = 'accepted' then 1 else 0 end)`.as("acceptedProjects"),
      ])
      .where("termId", "=", termId)
      .executeTakeFirstOrThrow(),
    sentApplications(db, termId)
      .select([
        sql<Counted>`count(*)`.as("applications"),
        sql<Counted>`count(distinct person_id)`.as("applicants"),
        sql<Counted>`sum(case when review_mark = 'shortlisted' then 1 else 0 end)`.as("shortlisted"),
        sql<Counted>`sum(case when offered_at is not null then 1 else 0 end)`.as("offers"),
      ])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("mentorships")
      .select((eb) => [
        sql<Counted>`count(*)`.as("accepted"),
        sql<Counted>`sum(case when mentorships.state = 'completed' then 1 else 0 end)`.as("completed"),
        countWhere(
          eb.exists(
            eb
              .selectFrom("evaluations")
              .select("evaluations.id")
              .whereRef("evaluations.mentorshipId", "=", "mentorships.id")
              .where("evaluations.kind", "=", "midterm")
              .where("evaluations.outcome", "=", "pass"),
          ),
        ).as("midtermPassed"),
        // Paid in full: it has installments, and none of them is anything but paid.
        countWhere(
          eb.and([
            eb.exists(eb.selectFrom("installments").select("installments.id").whereRef("installments.mentorshipId", "=", "mentorships.id")),
            eb.not(
              eb.exists(
                eb
                  .selectFrom("installments")
                  .select("installments.id")
                  .whereRef("installments.mentorshipId", "=", "mentorships.id")
                  .where("installments.state", "<>", "paid"),
              ),
            ),
          ]),
        ).as("paid"),
      ])
      .where("mentorships.termId", "=", termId)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    proposals: Number(projects.proposals ?? 0),
    acceptedProjects: Number(projects.acceptedProjects ?? 0),
    applicants: Number(applications.applicants ?? 0),
    applications: Number(applications.applications ?? 0),
    shortlisted: Number(applications.shortlisted ?? 0),
    offers: Number(applications.offers ?? 0),
    accepted: Number(mentorships.accepted ?? 0),
    midtermPassed: Number(mentorships.midtermPassed ?? 0),
    completed: Number(mentorships.completed ?? 0),
    paid: Number(mentorships.paid ?? 0),
  };
}

/** How many rows a condition holds for, as a sum both engines read alike. */
function countWhere(condition: Expression<unknown>): RawBuilder<Counted> {
  return sql<Counted>`sum(case when ${condition} then 1 else 0 end)`;
}

/** Every accepted project of a term with its applications but drafts, the most crowded first, then by title. */
export async function listProjectCrowding(db: Db, termId: number): Promise<ProjectCrowdingRow[]> {
  const rows = await db
    .selectFrom("projects")
    .innerJoin("organizations", "organizations.id", "projects.organizationId")
    .leftJoin("applications", (join) =>
      join.onRef("applications.projectId", "=", "projects.id").on("applications.termId", "=", termId).on("applications.state", "<>", "draft"),
    )
    .select([
      "projects.slug",
      "projects.title",
      "organizations.name as organizationName",
      (eb) => eb.fn.count<number | string>("applications.id").as("applications"),
    ])
    .where("projects.termId", "=", termId)
    .where("projects.state", "=", "accepted")
    .groupBy(["projects.id", "projects.slug", "projects.title", "organizations.name"])
    .orderBy(sql`count(applications.id)`, "desc")
    .orderBy(sql`lower(projects.title)`)
    .orderBy("projects.id")
    .execute();
  return rows.map((row) => ({ ...row, applications: Number(row.applications ?? 0) }));
}

/** Every skill the accepted projects of a term ask for, with how many ask: the most asked first, then by tag. */
export async function listSkillsAsked(db: Db, termId: number): Promise<Array<Omit<SkillDemandRow, "applicants">>> {
  const rows = await db
    .selectFrom("projectSkills")
    .innerJoin("projects", "projects.id", "projectSkills.projectId")
    .innerJoin("skills", "skills.id", "projectSkills.skillId")
    .select(["skills.tag", "skills.label", (eb) => eb.fn.count<number | string>("projectSkills.projectId").distinct().as("projects")])
    .where("projects.termId", "=", termId)
    .where("projects.state", "=", "accepted")
    .groupBy(["skills.id", "skills.tag", "skills.label"])
    .orderBy(sql`count(distinct project_skills.project_id)`, "desc")
    .orderBy("skills.tag")
    .execute();
  return rows.map((row) => ({ ...row, projects: Number(row.projects ?? 0) }));
}

/**
 * The skills of the applicants' profiles (a JSON array of strings per person) as one row each
 * per person: `json_each` on SQLite, `jsonb_array_elements_text` on PostgreSQL, where a
 * function's one column takes the name of its alias.
 */
function applicantSkills(db: Db, termId: number) {
  const postgres = isPostgres(db);
  const elements = postgres ? sql`jsonb_array_elements_text(people.skills::jsonb)`.as("skill") : sql`json_each(people.skills)`.as("skill");
  const value = postgres ? sql<string>`skill` : sql<string>`skill.value`;
  const query = db
    .selectFrom("people")
    .innerJoin(elements, (join) => join.onTrue())
    .where("people.id", "in", sentApplications(db, termId).select("applications.personId"));
  return { query, value };
}

/** Each way a skill is written on the profiles of a term's applicants, once. */
export async function listApplicantSkillTexts(db: Db, termId: number): Promise<string[]> {
  const { query, value } = applicantSkills(db, termId);
  const rows = await query.select(value.as("text")).groupBy(value).execute();
  return rows.map((row) => row.text);
}

/**
 * How many of a term's applicants list each tag on their profile, where `variants` says which
 * written forms are which tag: a person who writes one tag two ways counts once.
 */
export async function countApplicantsBySkill(db: Db, termId: number, variants: ReadonlyArray<{ text: string; tag: string }>): Promise<Map<string, number>> {
  if (variants.length === 0) return new Map();
  const { query, value } = applicantSkills(db, termId);
  const tag = sql<string>`case ${value} ${sql.join(
    variants.map((variant) => sql`when ${variant.text} then ${variant.tag}`),
    sql` `,
  )} end`;
  // Tagged first, then grouped by the tag the inner query named: the engines compare a grouped
  // expression by its text, and one with parameters is never the same text twice.
  const tagged = query
    .select([tag.as("tag"), "people.id as personId"])
    .where(
      value,
      "in",
      variants.map((variant) => variant.text),
    )
    .as("tagged");
  const rows = await db
    .selectFrom(tagged)
    .select(["tagged.tag", (eb) => eb.fn.count<number | string>("tagged.personId").distinct().as("applicants")])
    .groupBy("tagged.tag")
    .execute();
  return new Map(rows.map((row) => [row.tag, Number(row.applicants ?? 0)]));
}
