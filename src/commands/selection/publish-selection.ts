import { formatInstantAndUtc } from "../../domain/format-instant.ts";
import { AppError } from "../../errors/app-error.ts";
import type { SignedIn } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { findCurrentSelectionRun } from "../../storage/repos/selection-repo.ts";
import type { SelectionViewData } from "../../storage/schema.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { loadOfferTerm } from "../offers/offer-effects.ts";
import { requireTermAdmin } from "../terms/term-admin.ts";
import { readSelection } from "./get-selection.ts";
import { scheduleOutcomeNotices } from "./outcome-notices.ts";

/**
 * Publishes the term's latest proposal, the run the admin saw (`runId`), by its program's
 * admins: it becomes the term's selection, once, and its outcome notices are scheduled for the
 * notifications instant (at once when that instant has passed). Nothing changes for applicants
 * before then. Audited.
 */
export async function publishSelection(options: {
  database: DatabaseHandle;
  actor: SignedIn;
  termSlug: string;
  runId: number;
  now: Date;
}): Promise<SelectionViewData> {
  const { actor, now } = options;
  return inTransaction(options.database, async (db) => {
    const { term } = await requireTermAdmin(db, actor, options.termSlug);
    const current = await findCurrentSelectionRun(db, term.id);
    if (current?.state === "published") {
      const on = current.publishedAt ? ` on ${formatInstantAndUtc(new Date(current.publishedAt), term.timeZone)}` : "";
      throw new AppError("CONFLICT", `The selection of ${term.title} was published${on}; it is published once.`);
    }
    if (!current) throw new AppError("CONFLICT", `The selection of ${term.title} has not been run yet: run it, review the proposal, then publish it.`);
    if (current.id !== options.runId) {
      throw new AppError(
        "CONFLICT",
        `Run ${options.runId} is not the latest proposal of ${term.title} (run ${current.id} is): reload the page and review it first.`,
        undefined,
        {
          errors: [{ field: "run", code: "stale", detail: `must be the latest proposal, run ${current.id}` }],
        },
      );
    }
    const { noticesAt } = await loadOfferTerm(db, term.id);
    if (!noticesAt) {
      throw new AppError("CONFLICT", `The timeline of ${term.title} has no date for the selection notifications: add one in the term's setup, then publish.`);
    }
    await db.updateTable("selectionRuns").set({ state: "published", publishedAt: now.toISOString() }).where("id", "=", current.id).execute();
    await scheduleOutcomeNotices(db, { termId: term.id, noticesAt, now });
    await recordAuditEvent(db, {
      programId: term.programId,
      actor: { personId: actor.personId, label: actor.name },
      action: "selection.published",
      objectType: "term",
      objectId: term.id,
      changes: { run: current.id, noticesAt: noticesAt.toISOString() },
      at: now,
    });
    return readSelection(db, term);
  });
}
