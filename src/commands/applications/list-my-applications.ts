import { type ApplicationNextStep, applicationNextStep } from "../../domain/application-next-step.ts";
import { checkActionOpen } from "../../domain/phase-actions.ts";
import { findPhase, phaseWindow } from "../../domain/timeline.ts";
import type { SignedIn } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findPersonById } from "../../storage/repos/account-repo.ts";
import { listApplicationsOfPerson } from "../../storage/repos/application-repo.ts";
import { mapTimelines } from "../../storage/repos/term-repo.ts";
import type { MyApplicationRow } from "../../storage/schema.ts";
import { toTermTimeline } from "../catalog/term-timelines.ts";

/** One of the caller's applications with its next step and the instant applications of its term close. */
export interface MyApplication {
  row: MyApplicationRow;
  next: ApplicationNextStep;
  /** When applications of the term close, or null when its timeline has no date for it. */
  deadline: Date | null;
  /** Whether the applicant may rank it among their submitted applications now (it is submitted, and review is open). */
  rankable: boolean;
}

/**
 * The caller's applications in published terms, each with its next step in their own time zone
 * (else the term's) and the term's deadline, for the countdown. Three queries, whatever the count.
 */
export async function listMyApplications(options: { database: DatabaseHandle; actor: SignedIn; now: Date }): Promise<MyApplication[]> {
  const { db } = options.database;
  const { actor, now } = options;
  const [rows, person] = await Promise.all([listApplicationsOfPerson(db, actor.personId), findPersonById(db, actor.personId)]);
  const phases = await mapTimelines(db, [...new Set(rows.map((row) => row.termId))]);
  return rows.map((row) => {
    const timeline = toTermTimeline({ title: row.termTitle, timeZone: row.termTimeZone }, phases.get(row.termId) ?? []);
    const applications = findPhase(timeline, "applications");
    // The deadline is read from the phase itself, so a closed window still shows when it closed.
    const deadline = applications ? (phaseWindow(applications)?.end ?? null) : null;
    const next = applicationNextStep(
      { state: row.state, respondBy: row.respondBy ? new Date(row.respondBy) : null },
      timeline,
      now,
      person?.timeZone ?? row.termTimeZone,
    );
    const rankable = row.state === "submitted" && checkActionOpen(timeline, "reviewApplication", now).open;
    return { row, next, deadline, rankable };
  });
}
