import type { Db } from "./db.ts";
import type { TermStakeholder } from "./term-repo.ts";

/** An unsubmitted draft of an applicant, with the project it is for. */
export interface DraftOfTerm {
  applicationId: number;
  projectSlug: string;
  projectTitle: string;
}

/** The applicant's drafts in the term (drafts only: a withdrawn application is no draft), by project title. */
export function listDraftsOf(db: Db, { termId, personId }: { termId: number; personId: number }): Promise<DraftOfTerm[]> {
  return db
    .selectFrom("applications")
    .innerJoin("projects", "projects.id", "applications.projectId")
    .select(["applications.id as applicationId", "projects.slug as projectSlug", "projects.title as projectTitle"])
    .where("applications.termId", "=", termId)
    .where("applications.personId", "=", personId)
    .where("applications.state", "=", "draft")
    .orderBy("projects.title")
    .orderBy("applications.id")
    .execute();
}

/** The people with at least one draft in the term, each once. */
export async function listPeopleWithDraftsIn(db: Db, termId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("applications")
    .select("personId")
    .distinct()
    .where("termId", "=", termId)
    .where("state", "=", "draft")
    .orderBy("personId")
    .execute();
  return rows.map((row) => row.personId);
}

/** The applicants with a draft or a submitted application in the term, each once: who the applications phase concerns. */
export async function listApplicantsIn(db: Db, termId: number): Promise<TermStakeholder[]> {
  const applicants = db.selectFrom("applications").select("personId").where("termId", "=", termId).where("state", "in", ["draft", "submitted"]);
  const rows = await db
    .selectFrom("people")
    .select(["id as personId", "name", "email", "timeZone"])
    .where("id", "in", applicants)
    .where("email", "is not", null)
    .orderBy("id")
    .execute();
  return rows.flatMap((row) => (row.email ? [{ personId: row.personId, name: row.name, email: row.email, timeZone: row.timeZone }] : []));
}
