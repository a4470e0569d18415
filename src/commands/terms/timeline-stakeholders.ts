import type { PhaseKind } from "../../domain/phases.ts";
import type { Db } from "../../storage/repos/db.ts";
import { listMaintainersWithProposalsIn, type TermStakeholder } from "../../storage/repos/term-repo.ts";

export type { TermStakeholder };

/**
 * Who has something at stake in a phase of a term, and is told when its dates move: the
 * maintainers with a live proposal for the proposals phase. The one place to add the next
 * (applicants with an application, for the applications phase, once applications exist).
 */
export function peopleWithStakeIn(db: Db, termId: number, kind: PhaseKind): Promise<TermStakeholder[]> {
  switch (kind) {
    case "proposals":
      return listMaintainersWithProposalsIn(db, termId);
    default:
      return Promise.resolve([]);
  }
}
