import type { Actor } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { countTermContents } from "../../storage/repos/term-repo.ts";
import { getTermTimeline } from "./get-term-timeline.ts";
import type { PublicTerm } from "./term-timelines.ts";

/** How many organizations, accepted projects and mentors a term has. */
export interface TermCounts {
  organizations: number;
  projects: number;
  mentors: number;
}

/** A term's page: the term, its program and timeline, and what its catalog holds; NOT_FOUND naming the slug (a draft too, but for its admins). */
export async function getPublicTerm(database: DatabaseHandle, termSlug: string, actor: Actor): Promise<PublicTerm & { counts: TermCounts }> {
  const found = await getTermTimeline(database, termSlug, actor);
  const counts = await countTermContents(database.db, found.term.id);
  return { ...found, counts };
}
