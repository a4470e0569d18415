import { AppError } from "../../errors/app-error.ts";
import type { Actor } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findCurrentSelectionRun } from "../../storage/repos/selection-repo.ts";
import type { NoticePreviewData, TermRow } from "../../storage/schema.ts";
import { loadOfferTerm } from "../offers/offer-effects.ts";
import { requireTermAdmin } from "../terms/term-admin.ts";
import { planOutcomeNotices } from "./outcome-notices.ts";

/**
 * The outcome notices as they would go out, for the program's admins before the notifications
 * instant (a dry run: nothing is sent or changed). They are written from the published run, or
 * from the latest proposal before publishing, exactly as the notices job writes them.
 */
export async function previewNotices(options: {
  database: DatabaseHandle;
  actor: Actor;
  termSlug: string;
  now: Date;
  baseUrl: string;
  /** Plan the email of this applicant alone. */
  personId?: number;
}): Promise<NoticePreviewData & { term: TermRow }> {
  const db = options.database.db;
  const { term } = await requireTermAdmin(db, options.actor, options.termSlug);
  const run = await findCurrentSelectionRun(db, term.id);
  if (!run) throw new AppError("CONFLICT", `The selection of ${term.title} has not been run yet: there are no notices to preview.`);
  const context = await loadOfferTerm(db, term.id);
  const at = context.noticesAt && context.noticesAt.getTime() > options.now.getTime() ? context.noticesAt : options.now;
  const plan = await planOutcomeNotices(db, context, run.id, { at, baseUrl: options.baseUrl, personId: options.personId });
  return { term, run, at, plan };
}

/** One applicant's outcome email of the dry run, in full; 404 when they get none. */
export async function previewNotice(options: Parameters<typeof previewNotices>[0] & { personId: number }) {
  const preview = await previewNotices(options);
  const [notice] = preview.plan.notices;
  if (!notice) throw new AppError("NOT_FOUND", `Nobody with id ${options.personId} gets an outcome email in ${preview.term.title}.`);
  return { preview, notice };
}
