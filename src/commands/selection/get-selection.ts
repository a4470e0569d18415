import type { SelectionResult } from "../../domain/selection.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findPersonById } from "../../storage/repos/account-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import { listTermOffers } from "../../storage/repos/offer-repo.ts";
import { findCurrentSelectionRun } from "../../storage/repos/selection-repo.ts";
import { listRunAssignments, listSelectionOverrides, listSelectionProjects, mapPeopleNames } from "../../storage/repos/selection-view-repo.ts";
import type { SelectionViewData, TermRow } from "../../storage/schema.ts";
import { loadOfferTerm } from "../offers/offer-effects.ts";
import { requireTermAdmin, type TermSetupActor } from "../terms/term-admin.ts";

/** A term's selection for its program's admins: the latest run with its mentorships and findings, named, and the overrides of the next run. */
export async function getSelection(options: { database: DatabaseHandle; actor: TermSetupActor; termSlug: string }): Promise<SelectionViewData> {
  const db = options.database.db;
  const { term } = await requireTermAdmin(db, options.actor, options.termSlug);
  return readSelection(db, term);
}

/** The selection of a term already known to be the actor's to see. */
export async function readSelection(db: Db, term: TermRow): Promise<SelectionViewData> {
  const [run, projects, overrides, offers, { noticesAt }] = await Promise.all([
    findCurrentSelectionRun(db, term.id),
    listSelectionProjects(db, term.id),
    listSelectionOverrides(db, term.id),
    listTermOffers(db, term.id),
    loadOfferTerm(db, term.id),
  ]);
  const findings: SelectionViewData["findings"] = run
    ? (JSON.parse(run.findings) as Pick<SelectionResult, "conflicts" | "emptySlots" | "leftWithout">)
    : { conflicts: [], emptySlots: [], leftWithout: [] };
  const [assignments, people, runBy] = await Promise.all([
    run ? listRunAssignments(db, run.id) : Promise.resolve([]),
    mapPeopleNames(db, [...findings.conflicts.map((item) => item.applicantId), ...findings.leftWithout.map((item) => item.applicantId)]),
    run?.personId ? findPersonById(db, run.personId) : Promise.resolve(undefined),
  ]);
  return { term, run: run ?? null, runBy: runBy?.name ?? null, findings, assignments, projects, people, overrides, noticesAt, offers };
}
