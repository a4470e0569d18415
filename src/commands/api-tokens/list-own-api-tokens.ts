import type { SignedIn } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { listApiTokens } from "../../storage/repos/api-token-repo.ts";
import type { ApiTokenRow } from "../../storage/schema.ts";

/** The signed-in person's own API tokens. */
export function listOwnApiTokens(options: { database: DatabaseHandle; actor: SignedIn }): Promise<ApiTokenRow[]> {
  return listApiTokens(options.database.db, options.actor.personId);
}
