import { isAppError } from "../../errors/app-error.ts";
import type { Actor } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import type { BulkAcceptOutcome } from "../../storage/schema.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { requireTermAdmin } from "../terms/term-admin.ts";
import { acceptProposalIn } from "./accept-proposal.ts";

/** Options of bulkAccept. */
export interface BulkAcceptOptions {
  database: DatabaseHandle;
  actor: Actor;
  termSlug: string;
  proposals: ReadonlyArray<{ slug: string; slots: number }>;
  baseUrl: string;
  now: Date;
}

/**
 * Accepts several proposals of a term, each with its slots and in its own transaction, in the
 * order given: one that cannot be accepted (no confirmed mentor, over the slot budget, not in
 * this term) is reported with its refusal and the others are still accepted. It never stops
 * half-way, whatever one proposal's failure is.
 */
export async function bulkAccept(options: BulkAcceptOptions): Promise<BulkAcceptOutcome[]> {
  const { term } = await requireTermAdmin(options.database.db, options.actor, options.termSlug);
  const results: BulkAcceptOutcome[] = [];
  for (const { slug, slots } of options.proposals) {
    try {
      await inTransaction(options.database, (db) =>
        acceptProposalIn(db, { actor: options.actor, slug, slots, termId: term.id, baseUrl: options.baseUrl, now: options.now }),
      );
      results.push({ slug, ok: true, code: null, message: null });
    } catch (error) {
      results.push(failureOf(slug, error));
    }
  }
  return results;
}

function failureOf(slug: string, error: unknown): BulkAcceptOutcome {
  if (isAppError(error)) return { slug, ok: false, code: error.code, message: error.message };
  return { slug, ok: false, code: "INTERNAL", message: `unexpected error: ${error instanceof Error ? error.message : String(error)}` };
}
