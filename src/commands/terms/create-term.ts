import type { TermSetupBody } from "../../schemas/term-setup.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { insertTerm, replaceTimeline } from "../../storage/repos/term-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { copyEligibilityQuestions } from "../eligibility/copy-eligibility-questions.ts";
import { auditActorOf, readTermSetup, requireProgramForNewTerm, type TermSetupActor, type TermSetupData } from "./term-admin.ts";
import { chooseTermSlug, lengthTextOf, requireTimeline, requireTimeZone } from "./term-input.ts";

/** Options of createTerm. */
export interface CreateTermOptions {
  database: DatabaseHandle;
  actor: TermSetupActor;
  programSlug: string;
  body: TermSetupBody;
  now: Date;
}

/**
 * Creates a term of a program as a draft, which only the program's admins see until one of
 * them publishes it: its settings and its whole timeline, entered in the term's zone. The slug
 * is made from the title when none is given; the slot budget is the program's when left out.
 */
export async function createTerm({ database, actor, programSlug, body, now }: CreateTermOptions): Promise<TermSetupData> {
  return inTransaction(database, async (db) => {
    const program = await requireProgramForNewTerm(db, actor, programSlug);
    const timeZone = requireTimeZone(body.timeZone);
    const rows = requireTimeline(body.timeline, timeZone);
    const slug = await chooseTermSlug(db, body.slug, body.title);
    const term = await insertTerm(
      db,
      program.id,
      slug,
      {
        title: body.title,
        timeZone,
        lengthText: lengthTextOf(body.lengthWeeks),
        lengthWeeks: body.lengthWeeks,
        statusText: null,
        intro: null,
        slotBudget: body.slotBudget === undefined ? program.slotBudget : body.slotBudget,
        publishedAt: null,
      },
      now,
    );
    await replaceTimeline(db, term.id, rows);
    await copyEligibilityQuestions(db, { programId: program.id, termId: term.id });
    await recordAuditEvent(db, {
      programId: program.id,
      actor: auditActorOf(actor),
      action: "term.created",
      objectType: "term",
      objectId: term.id,
      changes: { slug, title: term.title, timeZone, lengthWeeks: term.lengthWeeks, slotBudget: term.slotBudget, timeline: rows },
      at: now,
    });
    return readTermSetup(db, term, program);
  });
}
