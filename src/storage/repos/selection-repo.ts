import type { SelectionOverrideKind } from "../../domain/review-marks.ts";
import type { SelectionAssignment, SelectionResult, StoredSelectionApplication } from "../../domain/selection.ts";
import type { Db } from "./db.ts";

/** What a term's selection is run on: its accepted projects, its submitted applications and its overrides. */
export interface SelectionSource {
  projects: Array<{ id: number; slots: number }>;
  applications: StoredSelectionApplication[];
  overrides: Array<{ applicationId: number; kind: SelectionOverrideKind }>;
}

/** Reads everything a run of the solver needs, in three queries. */
export async function loadSelectionSource(db: Db, termId: number): Promise<SelectionSource> {
  const [projects, applications, overrides] = await Promise.all([
    db.selectFrom("projects").select(["id", "slots"]).where("termId", "=", termId).where("state", "=", "accepted").orderBy("id").execute(),
    db
      .selectFrom("applications")
      .select(["id", "personId", "projectId", "applicantRank", "submittedAt", "shortlistRank"])
      .where("termId", "=", termId)
      .where("state", "=", "submitted")
      .execute(),
    db.selectFrom("selectionOverrides").select(["applicationId", "kind"]).where("termId", "=", termId).execute(),
  ]);
  return { projects, applications, overrides };
}

/** The run in its term that is not superseded yet: the latest proposal, or the published one. */
export function findCurrentSelectionRun(db: Db, termId: number) {
  return db
    .selectFrom("selectionRuns")
    .selectAll()
    .where("termId", "=", termId)
    .where("state", "in", ["proposed", "published"])
    .orderBy("id", "desc")
    .executeTakeFirst();
}

/** Marks the term's earlier proposals superseded, so only the newest stands. */
export async function supersedeSelectionProposals(db: Db, termId: number): Promise<void> {
  await db.updateTable("selectionRuns").set({ state: "superseded" }).where("termId", "=", termId).where("state", "=", "proposed").execute();
}

// Seven columns a row keep one insert well under SQLite's limit of bound values.
const ASSIGNMENTS_PER_INSERT = 1000;

/** Stores a run and its mentorships as the term's newest proposal; returns its id. */
export async function insertSelectionRun(db: Db, run: { termId: number; personId: number | null; result: SelectionResult; at: Date }): Promise<number> {
  const { assignments, ...findings } = run.result;
  const inserted = await db
    .insertInto("selectionRuns")
    .values({ termId: run.termId, personId: run.personId, findings: JSON.stringify(findings), createdAt: run.at.toISOString() })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (let from = 0; from < assignments.length; from += ASSIGNMENTS_PER_INSERT) {
    await db
      .insertInto("selectionAssignments")
      .values(assignments.slice(from, from + ASSIGNMENTS_PER_INSERT).map((item) => assignmentRow(inserted.id, item)))
      .execute();
  }
  return inserted.id;
}

function assignmentRow(runId: number, item: SelectionAssignment) {
  return {
    runId,
    applicationId: item.applicationId,
    projectId: item.projectId,
    personId: item.applicantId,
    projectRank: item.projectRank,
    applicantChoice: item.applicantChoice,
    pinned: item.pinned ? 1 : 0,
  };
}
