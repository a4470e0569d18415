import { shiftByWeeks, timelineText } from "../../domain/timeline-input.ts";
import type { TermCopyBody } from "../../schemas/term-setup.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { insertTerm, listTimeline, replaceTimeline } from "../../storage/repos/term-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { copyEligibilityQuestions } from "../eligibility/copy-eligibility-questions.ts";
import { auditActorOf, readTermSetup, requireTermAdmin, type TermSetupActor, type TermSetupData } from "./term-admin.ts";
import { chooseTermSlug } from "./term-input.ts";

/** Options of copyTerm. */
export interface CopyTermOptions {
  database: DatabaseHandle;
  actor: TermSetupActor;
  /** The term to copy. */
  termSlug: string;
  body: TermCopyBody;
  now: Date;
}

/**
 * "New term like this one": a draft in the same program with the term's settings and its
 * timeline moved by whole weeks, each date at the same wall-clock time in the term's zone (a
 * 17:00 deadline stays 17:00 across a change of daylight saving time).
 */
export async function copyTerm({ database, actor, termSlug, body, now }: CopyTermOptions): Promise<TermSetupData> {
  return inTransaction(database, async (db) => {
    const { term: source, program } = await requireTermAdmin(db, actor, termSlug);
    const slug = await chooseTermSlug(db, body.slug, body.title);
    const shift = (instant: string | null) => (instant === null ? null : shiftByWeeks(instant, body.shiftWeeks, source.timeZone));
    const rows = (await listTimeline(db, source.id)).map((row) => {
      const startsAt = shift(row.startsAt);
      const endsAt = shift(row.endsAt);
      return {
        kind: row.kind,
        activity: row.activity,
        startsAt,
        endsAt,
        text: startsAt || endsAt ? timelineText(startsAt, endsAt, source.timeZone) : row.text,
      };
    });
    const term = await insertTerm(
      db,
      program.id,
      slug,
      {
        title: body.title,
        timeZone: source.timeZone,
        lengthText: source.lengthText,
        lengthWeeks: source.lengthWeeks,
        statusText: null,
        intro: source.intro,
        sections: source.sections,
        slotBudget: source.slotBudget,
        publishedAt: null,
      },
      now,
    );
    await replaceTimeline(db, term.id, rows);
    await copyEligibilityQuestions(db, { programId: program.id, termId: term.id });
    await recordAuditEvent(db, {
      programId: program.id,
      actor: auditActorOf(actor),
      action: "term.copied",
      objectType: "term",
      objectId: term.id,
      changes: { from: source.slug, slug, title: term.title, shiftWeeks: body.shiftWeeks },
      at: now,
    });
    return readTermSetup(db, term, program);
  });
}
