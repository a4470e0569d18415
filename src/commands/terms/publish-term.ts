import { isDraftTerm } from "../../policies/term-policy.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { updateTerm } from "../../storage/repos/term-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { auditActorOf, readTermSetup, requireTermAdmin, type TermSetupActor, type TermSetupData } from "./term-admin.ts";

/** Options of publishTerm. */
export interface PublishTermOptions {
  database: DatabaseHandle;
  actor: TermSetupActor;
  termSlug: string;
  now: Date;
}

/**
 * Publishes a draft term: from now on everyone sees it, its catalog and its calendar, and its
 * slug is fixed. Publishing a published term again changes nothing.
 */
export async function publishTerm({ database, actor, termSlug, now }: PublishTermOptions): Promise<TermSetupData> {
  return inTransaction(database, async (db) => {
    const { term, program } = await requireTermAdmin(db, actor, termSlug);
    if (!isDraftTerm(term)) return readTermSetup(db, term, program);
    const published = await updateTerm(db, term.id, { publishedAt: now.toISOString() }, now);
    await recordAuditEvent(db, {
      programId: program.id,
      actor: auditActorOf(actor),
      action: "term.published",
      objectType: "term",
      objectId: term.id,
      changes: { slug: term.slug, publishedAt: published.publishedAt },
      at: now,
    });
    return readTermSetup(db, published, program);
  });
}
