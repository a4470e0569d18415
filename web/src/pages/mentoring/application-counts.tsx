import { SOFT_CAP_REACHED_LABEL } from "../../../../src/domain/applicant-bands.ts";
import type { MentoringProject } from "../../../../src/schemas/application-board.ts";
import { Chip } from "../../components/chip.tsx";
import { countOf } from "../../text.ts";
import { applySentence } from "../../time/apply-sentence.ts";

/** A project's application counts, its cap and the applications window, in the words a mentor scans. */
export function ApplicationCounts({ item }: { item: MentoringProject }) {
  const { counts } = item;
  return (
    <>
      <p className="board-count-line">
        <strong>{countOf(counts.submitted, "submitted application", "submitted applications")}</strong>
        <span className="muted">{countOf(counts.drafts, "draft", "drafts")} not submitted yet</span>
        {counts.applicationCap !== null ? <span className="muted">soft cap of {counts.applicationCap}</span> : null}
        {counts.capReached ? <Chip tone="closed">{SOFT_CAP_REACHED_LABEL}</Chip> : null}
      </p>
      <p className="muted small">{applySentence(item.apply, item.project.term.timeZone)}</p>
    </>
  );
}
