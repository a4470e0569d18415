import type { PhaseKind } from "../../domain/phases.ts";
import { listApplicantsIn } from "../../storage/repos/applicant-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import { listMaintainersWithProposalsIn, type TermStakeholder } from "../../storage/repos/term-repo.ts";

export type { TermStakeholder };

/**
 * Who has something at stake in a phase of a term, and is told when its dates move: the
 * maintainers with a live proposal for the proposals phase, the applicants with a draft or a
 * submitted application for the applications phase. The one place to add the next.
 */
export function peopleWithStakeIn(db: Db, termId: number, kind: PhaseKind): Promise<TermStakeholder[]> {
  switch (kind) {
    case "proposals":
      return listMaintainersWithProposalsIn(db, termId);
    case "applications":
      return listApplicantsIn(db, termId);
    default:
      return Promise.resolve([]);
  }
}
