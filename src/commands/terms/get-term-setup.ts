import type { DatabaseHandle } from "../../storage/database.ts";
import { readTermSetup, requireTermAdmin, type TermSetupActor, type TermSetupData } from "./term-admin.ts";

/** A term as its admins edit it, draft or published, with its timeline; for its program's admins only. */
export async function getTermSetup({
  database,
  actor,
  termSlug,
}: {
  database: DatabaseHandle;
  actor: TermSetupActor;
  termSlug: string;
}): Promise<TermSetupData> {
  const { term, program } = await requireTermAdmin(database.db, actor, termSlug);
  return readTermSetup(database.db, term, program);
}
