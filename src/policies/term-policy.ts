import type { TermRow } from "../storage/schema.ts";
import type { Actor } from "./actor.ts";
import { isProgramAdmin } from "./program-policy.ts";

/** True while nobody but the term's admins may see it: it is a draft, not published yet. */
export function isDraftTerm(term: Pick<TermRow, "publishedAt">): boolean {
  return term.publishedAt === null;
}

/** A published term is public; a draft is seen only by the admins of its program, to everyone else it does not exist. */
export function canSeeTerm(actor: Actor, term: Pick<TermRow, "programId" | "publishedAt">): boolean {
  return !isDraftTerm(term) || isProgramAdmin(actor, term.programId);
}

/** The admins of a term's program set it up: its settings, timeline, publication and copies. */
export function canSetUpTerm(actor: Actor, term: Pick<TermRow, "programId">): boolean {
  return isProgramAdmin(actor, term.programId);
}
