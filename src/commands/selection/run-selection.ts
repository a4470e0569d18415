import { formatInstantAndUtc } from "../../domain/format-instant.ts";
import { type SelectionInput, SelectionInputError, type SelectionResult, selectionInputOf, solveSelection } from "../../domain/selection.ts";
import { AppError } from "../../errors/app-error.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { findCurrentSelectionRun, insertSelectionRun, loadSelectionSource, supersedeSelectionProposals } from "../../storage/repos/selection-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { auditActorOf, requireTermAdmin, type TermSetupActor } from "../terms/term-admin.ts";

/** Options of runSelection. */
export interface RunSelectionOptions {
  database: DatabaseHandle;
  actor: TermSetupActor;
  termSlug: string;
  now: Date;
}

/** A stored run of the solver: its id and what it proposes. */
export interface SelectionRunOutcome {
  runId: number;
  result: SelectionResult;
}

/**
 * Runs the solver on a term (its program's admins, or the system) and stores the proposal as
 * the term's newest, the earlier proposals superseded, with its audit event, in one transaction:
 * the rankings and overrides it read are the ones it stores a result for. A term whose selection
 * is published is not run again.
 */
export async function runSelection(options: RunSelectionOptions): Promise<SelectionRunOutcome> {
  const { actor, now } = options;
  return inTransaction(options.database, async (db) => {
    const { term } = await requireTermAdmin(db, actor, options.termSlug);
    const current = await findCurrentSelectionRun(db, term.id);
    if (current?.state === "published") {
      const published = current.publishedAt ? ` on ${formatInstantAndUtc(new Date(current.publishedAt), term.timeZone)}` : "";
      throw new AppError("CONFLICT", `The selection of ${term.title} was published${published}; it is not run again.`);
    }
    const input = selectionInputOf(await loadSelectionSource(db, term.id));
    const result = solveOrExplain(input, term.title);
    await supersedeSelectionProposals(db, term.id);
    const auditActor = auditActorOf(actor);
    const runId = await insertSelectionRun(db, { termId: term.id, personId: auditActor.personId, result, at: now });
    await recordAuditEvent(db, {
      programId: term.programId,
      actor: auditActor,
      action: "selection.run",
      objectType: "term",
      objectId: term.id,
      changes: { run: runId, mentorships: result.assignments.length, emptySlots: result.emptySlots.reduce((sum, item) => sum + item.empty, 0) },
      at: now,
    });
    return { runId, result };
  });
}

/** The solver's result, or a CONFLICT that lists what an admin must fix first (pins the slots cannot hold, …). */
function solveOrExplain(input: SelectionInput, termTitle: string): SelectionResult {
  try {
    return solveSelection(input);
  } catch (error) {
    if (!(error instanceof SelectionInputError)) throw error;
    throw new AppError("CONFLICT", `The selection of ${termTitle} cannot run: ${error.problems.join(" ")}`, { problems: error.problems });
  }
}
