import type { SignedIn } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import type { Db } from "../../storage/repos/db.ts";
import { findTermBySlug, listTimeline } from "../../storage/repos/term-repo.ts";
import type { TermRow } from "../../storage/schema.ts";
import { requireVisibleTerm, toTermTimeline } from "../catalog/term-timelines.ts";
import { answerWindow, type PersonEligibility, readPersonEligibility } from "./eligibility-questions.ts";

/** A term's eligibility questions with the caller's own answers, the verdict on them, and whether they may change. */
export interface OwnEligibility extends PersonEligibility {
  term: TermRow;
  canAnswer: boolean;
  /** Until when answers can change, or why they cannot. */
  message: string;
}

/** The signed-in person's own eligibility for a term they can see; nobody else's is ever read here. */
export async function getOwnEligibility(options: { database: DatabaseHandle; actor: SignedIn; termSlug: string; now: Date }): Promise<OwnEligibility> {
  const db = options.database.db;
  const term = requireVisibleTerm(options.actor, await findTermBySlug(db, options.termSlug), options.termSlug);
  return readOwnEligibility(db, term, options.actor.personId, options.now);
}

/** The caller's eligibility for a term already known to be visible to them. */
export async function readOwnEligibility(db: Db, term: TermRow, personId: number, now: Date): Promise<OwnEligibility> {
  const [eligibility, timeline] = await Promise.all([readPersonEligibility(db, { termId: term.id, personId }), listTimeline(db, term.id)]);
  return { term, ...eligibility, ...answerWindow(term, toTermTimeline(term, timeline), now) };
}
